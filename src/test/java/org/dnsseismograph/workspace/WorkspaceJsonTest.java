package org.dnsseismograph.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkspaceJsonTest {
  private static final long S = 1_000_000_000L;
  private static final long T0 = 1_265_057_350L * S;

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(WorkspaceJsonTest.class.getResource(name).toURI());
  }

  private static Workspace sample() {
    Annotation outage = Annotation.proposed(AnnotationKind.OUTAGE, new TimeRange(T0 + 123_456_789, T0 + 3 * S), "ns1-3 dark",
        "no answers from 3 of 4", "example.", List.of("192.0.2.1", "2001:db8::53"), "OutageDetector").accept();
    Annotation note = Annotation.drawn(AnnotationKind.NOTE, new TimeRange(T0 + 7, T0 + 7), "first retry \"storm\" ✓");
    Annotation rejected = Annotation.proposed(AnnotationKind.SPIKE, new TimeRange(T0 - S, T0), "spike", "", "", List.of(), "SpikeDetector")
        .reject();
    return new Workspace("storm", List.of(new SourceRef("capture.pcap", "/data/capture.pcap", "sha256:ab", 0, ""),
        new SourceRef("isp1.csv", "isp1.csv", "", -1_500_000_001L, "Europe/Amsterdam"),
        new SourceRef("dnscap.0800.pcap +2", "rotated/dnscap.0800.pcap", "sha256:cd", 0, "", List.of("dnscap.0801.pcap", "dnscap.0802.pcap"))),
        List.of(new LaneSettings("capture.pcap/client.queries", true, 140), new LaneSettings("capture.pcap/client.latency", true, 100,
            ValueAxis.LINEAR, LaneStyle.STACKED), new LaneSettings("annotations", false, 36.5)),
        new TimeRange(T0 - 60 * S, T0 + 60 * S + 1), List.of(outage, note, rejected));
  }

  @Test
  void aSavedWorkspaceLoadsEqualToNanosecondsAndNonAsciiText(@TempDir Path dir) throws IOException {
    Workspace w = sample();
    Path file = dir.resolve("incident.json");
    WorkspaceJson.save(w, file);
    assertEquals(w, WorkspaceJson.load(file));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void theFileNamesItsFormatAndVersionAndWritesTimesAsIsoUtc() throws IOException {
    var root = new ObjectMapper().readTree(WorkspaceJson.write(sample()));
    assertEquals("dns-seismograph-workspace", root.get("format").asText());
    assertEquals(1, root.get("version").asInt());
    assertEquals("2010-02-01T20:49:10.123456789Z", root.get("annotations").get(0).get("start").asText());
    assertEquals("accepted", root.get("annotations").get(0).get("state").asText());
    assertEquals("[\"dnscap.0801.pcap\",\"dnscap.0802.pcap\"]", root.get("sources").get(2).get("parts").toString());
    assertNull(root.get("sources").get(0).get("parts"), "a source of one file is written as before");
    assertEquals(-1_500_000_001L, root.get("sources").get(1).get("offsetNanos").asLong());
    assertEquals("linear", root.get("lanes").get(1).get("axis").asText(), "a lane's chosen axis is saved");
    assertNull(root.get("lanes").get(0).get("axis"), "a lane left to its default saves none");
    assertEquals("stacked", root.get("lanes").get(1).get("style").asText());
    assertNull(root.get("lanes").get(0).get("style"));
  }

  @Test
  void aHandWrittenVersionOneFileReadsAsWritten() throws Exception {
    Workspace w = WorkspaceJson.load(resource("handwritten-v1.json"));
    assertEquals("2010-02-01 resolver storm", w.title());
    assertEquals(-1_500_000_000L, w.sources().get(1).offsetNanos());
    assertEquals("", w.sources().get(1).contentHash());
    assertEquals(new LaneSettings("capture.pcap/upstream.servers", false, 90.5), w.lanes().get(1));
    long view = TimeUnits.toNanos(Instant.parse("2010-02-01T20:49:00Z"));
    assertEquals(new TimeRange(view, view + 60 * S + 1), w.view());
    Annotation a1 = w.annotations().get(0);
    assertEquals(AnnotationKind.OUTAGE, a1.kind());
    assertEquals(AnnotationState.PROPOSED, a1.state());
    assertEquals(new TimeRange(view + 10_250_000_000L, view + 13 * S), a1.span());
    assertEquals(List.of("192.0.2.1", "192.0.2.2"), a1.servers());
    assertTrue(w.annotations().get(1).isPoint());
    assertEquals("", w.annotations().get(1).text());
  }

  @Test
  void aFileFromANewerVersionIsRefusedWithAClearMessage() throws Exception {
    WorkspaceFormatException e = assertThrows(WorkspaceFormatException.class, () -> WorkspaceJson.load(resource("future-version.json")));
    assertEquals("future-version.json: workspace format version 7 is newer than this program reads (up to 1); "
        + "open it with a newer DNS Seismograph", e.getMessage());
  }

  @Test
  void anEmptyViewIsWrittenAsNullAndReadBack() throws IOException {
    Workspace w = Workspace.empty();
    Workspace back = WorkspaceJson.read(WorkspaceJson.write(w));
    assertNull(back.view());
    assertEquals(w, back);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      not json at all                                                                   | not a workspace: the file is not valid JSON
      []                                                                                | not a workspace: the file holds no JSON object
      {"title": "x"}                                                                    | not a workspace: no integer 'version' field
      {"version": "1"}                                                                  | not a workspace: no integer 'version' field
      {"version": 0}                                                                    | workspace format version 0 does not exist (versions start at 1)
      {"format": "grafana", "version": 1}                                               | not a workspace: format is 'grafana', expected 'dns-seismograph-workspace'
      {"version": 1, "sources": {}}                                                     | sources: not a list
      {"version": 1, "sources": [{"path": "a"}]}                                        | sources[0].name: missing
      {"version": 1, "sources": [{"name": "a", "path": "a", "offsetNanos": 1.5}]}       | sources[0].offsetNanos: not a whole number of nanoseconds
      {"version": 1, "sources": [{"name": "a", "path": "a", "parts": "b"}]}             | sources[0].parts: not a list
      {"version": 1, "sources": [{"name": "a", "path": "d/a", "parts": ["d/b"]}]}       | sources[0]: a part of a rotated capture is a file name, not a path: 'd/b'
      {"version": 1, "lanes": [{"key": "k", "visible": true, "height": -1}]}            | lanes[0]: lane height must be positive, got -1.0
      {"version": 1, "lanes": [{"key": "k", "visible": true, "height": 9, "axis": "ln"}]} | lanes[0]: unknown value axis 'ln' (want linear or log)
      {"version": 1, "lanes": [{"key": "k", "visible": true, "height": 9, "style": "pie"}]} | lanes[0]: unknown lane style 'pie' (want lines or stacked)
      {"version": 1, "view": {"start": "yesterday", "end": "2010-02-01T00:00:00Z"}}    | view.start: not an ISO-8601 UTC instant: 'yesterday'
      {"version": 1, "view": {"start": "2010-02-02T00:00:00Z", "end": "2010-02-01T00:00:00Z"}} | view.end: before start
      {"version": 1, "annotations": [{"id": "a", "kind": "storm", "start": "2010-02-01T00:00:00Z", "end": "2010-02-01T00:00:01Z", "label": "l", "state": "accepted"}]} | annotations[0]: unknown annotation kind 'storm' (want outage, spike or note)
      {"version": 1, "annotations": [{"id": "a", "kind": "spike", "start": "2010-02-01T00:00:00Z", "end": "2010-02-01T00:00:00Z", "label": "l", "state": "accepted"}]} | annotations[0]: spike annotations need a span, not a point in time
      {"version": 1, "annotations": [{"id": "a", "kind": "note", "start": "2010-02-01T00:00:00Z", "end": "2010-02-01T00:00:00Z", "label": "l", "state": "maybe"}]} | annotations[0]: unknown annotation state 'maybe' (want proposed, accepted, edited or rejected)
      """)
  void malformedWorkspacesAreRefusedNamingTheField(String json, String expectedStart) {
    WorkspaceFormatException e = assertThrows(WorkspaceFormatException.class, () -> WorkspaceJson.read(json));
    assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
  }

  @Test
  void theContentHashIsSha256OfTheBytes(@TempDir Path dir) throws IOException {
    // FIPS 180-2 appendix B.1 test vector.
    String abc = "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    Path f = dir.resolve("abc");
    Files.writeString(f, "abc", StandardCharsets.US_ASCII);
    assertEquals(abc, ContentHash.of(f));
    assertEquals(abc, ContentHash.of("abc".getBytes(StandardCharsets.US_ASCII)));
    // a capture rotated into files hashes as their bytes one after another
    Path ab = dir.resolve("ab");
    Path c = dir.resolve("c");
    Files.writeString(ab, "ab", StandardCharsets.US_ASCII);
    Files.writeString(c, "c", StandardCharsets.US_ASCII);
    assertEquals(abc, ContentHash.of(List.of(ab, c)));
    assertEquals("sha256:ba7816bf…", ContentHash.abbreviate(abc, 8));
  }
}
