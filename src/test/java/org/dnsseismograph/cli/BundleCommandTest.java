package org.dnsseismograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationKind;
import org.dnsseismograph.workspace.SourceRef;
import org.dnsseismograph.workspace.Workspace;
import org.dnsseismograph.workspace.WorkspaceJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seismograph bundle} on the demo capture: what the zip holds, and that its manifest's hashes check out. */
class BundleCommandTest {
  @TempDir Path dir;

  private static Map<String, byte[]> unzip(Path zip) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        files.put(e.getName(), in.readAllBytes());
      }
    }
    return files;
  }

  @Test
  void theBundleHoldsPicturesAnnotationsWorkspaceAndAManifestWhoseHashesCheckOut() throws Exception {
    Path capture = dir.resolve("capture.pcap.gz");
    Files.copy(DemoIncident.CAPTURE, capture);
    Annotation marked = Annotation.drawn(AnnotationKind.OUTAGE, DemoIncident.outage(), "example.test dark");
    Workspace w = new Workspace("demo", List.of(new SourceRef("capture.pcap.gz", "capture.pcap.gz", Sha256sum.of(capture), 0, "")),
        List.of(), null, List.of(marked));
    Path ws = dir.resolve("demo.seismograph.json");
    WorkspaceJson.save(w, ws);
    Path zip = dir.resolve("out/evidence.zip");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SeismographCommand.run(new String[] {"bundle", ws.toString(), "--out", zip.toString(), "--width", "1000", "--height",
        "600"}, r -> 99, new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(ExitCode.OK, code, err.toString());

    Map<String, byte[]> files = unzip(zip);
    assertEquals(List.of("timeline.png", "timeline.svg", "annotations.json", "annotations.csv", "workspace.seismograph.json",
        "manifest.json"), List.copyOf(files.keySet()));
    assertEquals(1000, ImageIO.read(new ByteArrayInputStream(files.get("timeline.png"))).getWidth());
    assertEquals(w, WorkspaceJson.read(new String(files.get("workspace.seismograph.json"), StandardCharsets.UTF_8)));
    JsonNode manifest = new ObjectMapper().readTree(files.get("manifest.json"));
    assertEquals(Sha256sum.of(capture), manifest.get("sources").get(0).get("contentHash").asText());
    assertEquals(5, manifest.get("files").size());
    for (JsonNode f : manifest.get("files")) {
      Path extracted = dir.resolve("x-" + f.get("name").asText());
      Files.write(extracted, files.get(f.get("name").asText()));
      assertEquals(Sha256sum.of(extracted), f.get("sha256").asText(), f.get("name").asText());
      assertEquals(Files.size(extracted), f.get("bytes").asLong());
    }
    assertNotNull(manifest.get("createdAt"));

    StringWriter csv = new StringWriter();
    SeismographCommand.run(new String[] {"annotations", ws.toString(), "--format", "csv"}, r -> 99, new PrintWriter(csv, true),
        new PrintWriter(err, true));
    assertEquals(csv.toString(), new String(files.get("annotations.csv"), StandardCharsets.UTF_8), "the same CSV as the annotations verb");
  }

  /** A script's bundle of a workspace never opened in the window carries the outage the window would propose, as a proposal. */
  @Test
  void withProposeTheBundlesAnnotationsHoldTheOutageTheLabCaused() throws Exception {
    Path capture = dir.resolve("capture.pcap.gz");
    Files.copy(DemoIncident.CAPTURE, capture);
    Workspace w = new Workspace("demo", List.of(new SourceRef("capture.pcap.gz", "capture.pcap.gz", Sha256sum.of(capture), 0, "")),
        List.of(), null, List.of());
    Path ws = dir.resolve("demo.seismograph.json");
    WorkspaceJson.save(w, ws);
    Path zip = dir.resolve("evidence.zip");
    StringWriter err = new StringWriter();
    int code = SeismographCommand.run(new String[] {"bundle", ws.toString(), "--propose", "--out", zip.toString(), "--width", "1000",
        "--height", "600"}, r -> 99, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    assertEquals(ExitCode.OK, code, err.toString());
    assertTrue(err.toString().contains("(1 annotations, 1 sources, 1 of them proposed here)"), err.toString());

    JsonNode annotations = new ObjectMapper().readTree(unzip(zip).get("annotations.json")).get("annotations");
    assertEquals(1, annotations.size(), annotations.toString());
    JsonNode a = annotations.get(0);
    assertEquals("outage", a.get("kind").asText());
    assertEquals("proposed", a.get("state").asText());
    assertEquals(DemoIncident.zone(), a.get("zone").asText());
    List<String> servers = new ArrayList<>();
    a.get("servers").forEach(n -> servers.add(n.asText()));
    assertEquals(DemoIncident.servers(), servers);
    long start = TimeUnits.toNanos(Instant.parse(a.get("start").asText()));
    assertEquals(DemoIncident.outage().startNanos(), start, 100_000_000L, "where the lab stopped the servers");
  }
}
