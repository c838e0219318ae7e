package org.dnsseismograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seismograph annotations}: a hand-written workspace's annotations as CSV and JSON on stdout. */
class AnnotationsCommandTest {
  private static final String WORKSPACE = """
      {
        "format": "dns-seismograph-workspace",
        "version": 1,
        "title": "storm",
        "sources": [ { "name": "capture.pcap.gz", "path": "/nowhere/capture.pcap.gz" } ],
        "lanes": [],
        "view": null,
        "annotations": [
          { "id": "o1", "kind": "outage", "start": "2026-11-25T19:09:15.658124Z", "end": "2026-11-25T19:09:35.668256Z",
            "label": "example.test dark", "text": "three of three, \\"silent\\"", "zone": "example.test.",
            "servers": ["127.0.0.21", "127.0.0.22", "127.0.0.23"], "state": "proposed", "proposedBy": "OutageDetector" },
          { "id": "n1", "kind": "note", "start": "2026-11-25T19:09:20Z", "end": "2026-11-25T19:09:20Z",
            "label": "customer call", "state": "accepted" },
          { "id": "s1", "kind": "spike", "start": "2026-11-25T19:09:16Z", "end": "2026-11-25T19:09:16.5Z",
            "label": "retries", "state": "rejected", "proposedBy": "SpikeDetector" }
        ]
      }
      """;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  @TempDir Path dir;

  private int run(String... args) {
    return SeismographCommand.run(args, request -> 99, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private Path workspace() throws IOException {
    Path f = dir.resolve("storm.json");
    Files.writeString(f, WORKSPACE);
    return f;
  }

  @Test
  void csvListsEveryAnnotationRejectedOnesIncludedWithoutReadingTheSources() throws IOException {
    assertEquals(ExitCode.OK, run("annotations", workspace().toString(), "--format", "csv"), err.toString());
    assertEquals("""
        id,kind,state,start,end,duration_ms,label,text,zone,servers,proposed_by
        o1,outage,proposed,2026-11-25T19:09:15.658124Z,2026-11-25T19:09:35.668256Z,20010.132,example.test dark,\
        "three of three, ""silent""\",example.test.,127.0.0.21 127.0.0.22 127.0.0.23,OutageDetector
        n1,note,accepted,2026-11-25T19:09:20Z,2026-11-25T19:09:20Z,0,customer call,,,,
        s1,spike,rejected,2026-11-25T19:09:16Z,2026-11-25T19:09:16.500Z,500,retries,,,,SpikeDetector
        """, out.toString());
    assertEquals("", err.toString());
  }

  @Test
  void jsonIsTheDefault() throws IOException {
    assertEquals(ExitCode.OK, run("annotations", workspace().toString()), err.toString());
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertEquals("storm", root.get("title").asText());
    assertEquals(3, root.get("annotations").size());
    assertEquals("2026-11-25T19:09:35.668256Z", root.get("annotations").get(0).get("end").asText());
    assertEquals(500_000_000L, root.get("annotations").get(2).get("durationNanos").asLong());
  }

  @Test
  void aFileThatIsNoWorkspaceIsExitOneNamingItAndAnUnknownFormatExitTwo() throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"format\": \"dns-seismograph-workspace\", \"version\": 7}");
    assertEquals(ExitCode.UNREADABLE_INPUT, run("annotations", bad.toString()));
    assertEquals(List.of("seismograph: bad.json: workspace format version 7 is newer than this program reads (up to 1); "
        + "open it with a newer DNS Seismograph"), err.toString().lines().toList());
    err.getBuffer().setLength(0);
    assertEquals(ExitCode.BAD_USAGE, run("annotations", workspace().toString(), "--format", "xml"));
    assertEquals(List.of("seismograph: --format must be json or csv, not xml"), err.toString().lines().toList());
    assertEquals("", out.toString());
  }
}
