package org.dnsseismograph.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationKind;
import org.dnsseismograph.workspace.ContentHash;
import org.dnsseismograph.workspace.SourceRef;
import org.dnsseismograph.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceBundleTest {
  private static final Instant MADE = Instant.parse("2026-11-26T08:00:00Z");
  @TempDir Path dir;

  private static ExportRequest picture(Workspace w) {
    SyntheticIncident inc = SyntheticIncident.hour(150);
    LanePlan plan = new LanePlanner(Palette.STANDARD).plan(inc.sources());
    return new ExportRequest(plan, w.annotations(), w.sources(), new TimeRange(inc.start, inc.start + inc.duration), 800, 400, 1, "storm",
        null);
  }

  private static Workspace workspace() {
    SyntheticIncident inc = SyntheticIncident.hour(150);
    return Workspace.empty().withTitle("storm").withSources(List.of(new SourceRef("capture.pcap", "capture.pcap",
        ContentHash.of("synthetic".getBytes(StandardCharsets.UTF_8)), 0, ""))).withAnnotations(List.of(Annotation.drawn(
            AnnotationKind.OUTAGE, inc.outage, "192.0.2.1-3 dark")));
  }

  private static Map<String, byte[]> unzip(Path zip) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        assertEquals(MADE, e.getLastModifiedTime().toInstant(), e.getName());
        files.put(e.getName(), in.readAllBytes());
      }
    }
    return files;
  }

  @Test
  void equalInputsGiveEqualBytesAndTheManifestListsEveryOtherFile() throws IOException {
    Workspace w = workspace();
    Path a = dir.resolve("a.zip");
    Path b = dir.resolve("b.zip");
    EvidenceBundle.write(picture(w), w, a, MADE);
    EvidenceBundle.write(picture(w), w, b, MADE);
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "a bundle can be made again and compared byte for byte");
    Map<String, byte[]> files = unzip(a);
    String manifest = new String(files.get("manifest.json"), StandardCharsets.UTF_8);
    for (String name : List.of(EvidenceBundle.PNG, EvidenceBundle.SVG, EvidenceBundle.ANNOTATIONS_JSON, EvidenceBundle.ANNOTATIONS_CSV,
        EvidenceBundle.WORKSPACE)) {
      assertTrue(manifest.contains("\"" + name + "\""), name);
      assertTrue(manifest.contains(ContentHash.of(files.get(name))), name + "'s hash");
    }
    String svg = new String(files.get(EvidenceBundle.SVG), StandardCharsets.UTF_8);
    assertTrue(svg.contains(">outage: 192.0.2."), "the label, cut at the right edge of an 800 px picture");
    try (var left = Files.list(dir)) {
      assertEquals(2, left.count(), "no temporary file left behind");
    }
  }
}
