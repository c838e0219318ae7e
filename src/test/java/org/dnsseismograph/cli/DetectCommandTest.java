package org.dnsseismograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dnsseismograph.testsupport.FrameCopies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code seismograph detect} as a script sees it: its JSON contract, the text report, exit codes and one-line reasons. */
class DetectCommandTest {
  private static final String DEMO = "assets/demo/capture.pcap.gz";

  private record Outcome(int code, String out, String err) {}

  private static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SeismographCommand.run(args, request -> 0, new PrintWriter(out), new PrintWriter(err));
    return new Outcome(code, out.toString(), err.toString());
  }

  @Test
  void jsonFollowsTheDocumentedShapeAndNamesTheDemoOutage() throws IOException {
    Outcome o = run("detect", "--format", "json", DEMO);

    assertEquals(0, o.code(), o.err());
    JsonNode json = new ObjectMapper().readTree(o.out());
    assertEquals(1, json.get("version").asInt());
    assertEquals(2, json.get("resolvers").size());
    JsonNode outage = json.get("outages").get(0);
    assertEquals("example.test.", outage.get("zone").asText());
    assertEquals("zone", outage.get("scope").asText());
    assertEquals(3, outage.get("servers").size());
    assertTrue(outage.get("start").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), outage.get("start").asText());
    for (String field : new String[] {"end", "unanswered", "confidence", "reason", "evidence"}) {
      assertTrue(outage.has(field), field);
    }
    for (String field : new String[] {"zones", "zoneServers", "perServer", "client", "clientSpike", "otherSpikes", "baselineAnswerRatio"}) {
      assertTrue(outage.get("evidence").has(field), "evidence." + field);
    }
    JsonNode spike = json.get("spikes").get(0);
    for (String field : new String[] {"metric", "start", "end", "peak", "peakRate", "baselineRate", "factor", "scale"}) {
      assertTrue(spike.has(field), "spike." + field);
    }
    assertTrue(o.err().contains("DNS messages"), "the summary goes to stderr: " + o.err());
  }

  @Test
  void aFolderOfRotatedPiecesIsReadAsItsFilesAndAFolderOfAnythingElseIsRefused(@TempDir Path dir) throws IOException {
    Path demo = Path.of(DEMO);
    long n = FrameCopies.frameCount(demo);
    Path pieces = Files.createDirectories(dir.resolve("pieces"));
    FrameCopies.copy(demo, pieces.resolve("dump.pcap"), i -> i < n / 3);
    FrameCopies.copy(demo, pieces.resolve("dump.pcap1"), i -> i >= n / 3 && i < 2 * n / 3);
    FrameCopies.copy(demo, pieces.resolve("dump.pcap2"), i -> i >= 2 * n / 3);
    Path notes = Files.createDirectories(dir.resolve("notes"));
    Files.writeString(notes.resolve("seen.txt"), "12:00 resolvers slow\n");

    Outcome whole = run("detect", "--format", "json", "-q", DEMO);
    Outcome folder = run("detect", "--format", "json", "-q", pieces.toString());
    assertEquals(0, folder.code(), folder.err());
    assertEquals(whole.out(), folder.out());

    Outcome refused = run("detect", notes.toString());
    assertEquals(ExitCode.UNREADABLE_INPUT, refused.code());
    assertEquals("seismograph: " + notes + ": is a directory, and not of captures only", refused.err().strip());
  }

  @Test
  void theTextReportSaysWhatWentDarkAndWhen() {
    Outcome o = run("detect", "-q", DEMO);

    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("Suspected authoritative outages: 1"), o.out());
    assertTrue(o.out().contains("zone example.test.") && o.out().contains("127.0.0.21, 127.0.0.22, 127.0.0.23"), o.out());
    assertEquals("", o.err());
  }

  @Test
  void theTextSaysTheResolversEvidenceComesFromTheFirstMessagesAsTheJsonDoes() throws IOException {
    // The counts behind the roles are gathered from the capture's first 100,000 DNS messages only:
    // on a long capture, bare counts would read as the resolver's whole traffic.
    Outcome text = run("detect", "-q", DEMO);
    JsonNode json = new ObjectMapper().readTree(run("detect", "--format", "json", "-q", DEMO).out()).get("resolvers").get(0);
    String expected = String.format("%s (both-sides: %d queries received and %d sent in the first 100,000 DNS messages)", json.get("address").asText(),
        json.get("queriesReceived").asLong(), json.get("queriesSent").asLong());
    assertTrue(text.out().contains("Resolvers: " + expected), text.out());

    Outcome given = run("detect", "-q", "--resolver", "127.0.0.100", DEMO);
    assertTrue(given.out().contains("Resolvers: 127.0.0.100 (given)"), given.out());
  }

  @Test
  void aGivenResolverIsUsedAsItIs() throws IOException {
    Outcome o = run("detect", "--format", "json", "-q", "--resolver", "127.0.0.100", DEMO);

    JsonNode resolvers = new ObjectMapper().readTree(o.out()).get("resolvers");
    assertEquals(1, resolvers.size());
    assertEquals("given", resolvers.get(0).get("basis").asText());
  }

  @ParameterizedTest
  @CsvSource(textBlock = """
      2, --format=xml
      2, --resolver=not-an-address
      2, --dns-port=70000
      """)
  void badUsageExitsWithTwoAndOneLine(int code, String option) {
    Outcome o = run("detect", option, DEMO);

    assertEquals(code, o.code());
    assertEquals("", o.out());
    assertTrue(o.err().startsWith("seismograph: "), o.err());
  }

  @Test
  void aMissingOrUnreadableFileExitsWithOneNamingIt(@TempDir Path dir) throws IOException {
    Path notCapture = Files.writeString(dir.resolve("notes.txt"), "not a capture at all, just some words");

    Outcome missing = run("detect", dir.resolve("nope.pcap").toString());
    Outcome wrong = run("detect", notCapture.toString());

    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("nope.pcap") && missing.out().isEmpty(), missing.err());
    assertEquals(1, wrong.code());
    assertTrue(wrong.err().contains("notes.txt") && wrong.out().isEmpty(), wrong.err());
  }

  /**
   * Spans by capinfos: pktvisor-ecs 2019-05-27 14:40:08.021140 to 2019-06-18 14:58:36.477286 (22
   * days: over the 2^23 x 100 ms = 9.7 days, within 2^23 x 1 s = 97 days); zeek-dns-edns-ecs
   * 2016-05-18 08:15:50.492846 to 2019-06-18 14:58:36.475993 (1126 days: over 2^23 x 10 s = 971
   * days, within 2^23 x 1 min); the demo 122 s.
   */
  @ParameterizedTest
  @CsvSource(textBlock = """
      src/test/resources/pcap/pktvisor-ecs.pcap,      1s,    2019-05-27T14:40:08.021Z, 2019-06-18T14:58:36.477Z
      src/test/resources/pcap/zeek-dns-edns-ecs.pcap, 1min,  2016-05-18T08:15:50.492Z, 2019-06-18T14:58:36.475Z
      assets/demo/capture.pcap.gz,                    100ms, 2026-11-25T19:08:23.490Z, 2026-11-25T19:10:26.017Z
      """)
  void aCaptureOfAnySpanIsDetectedOnTheFinestGridThatHoldsItAndTheJsonSaysWhich(String file, String step, String start, String end)
      throws IOException {
    Outcome o = run("detect", "--format", "json", "-q", file);

    assertEquals(0, o.code(), o.err());
    JsonNode json = new ObjectMapper().readTree(o.out());
    assertEquals(step, json.get("gridStep").asText());
    assertEquals(start, json.get("capture").get("start").asText());
    assertEquals(end, json.get("capture").get("end").asText());
  }

  @Test
  void theTextReportSaysInOneLineWhenTheGridIsCoarserThanOneHundredMilliseconds() {
    Outcome longer = run("detect", "-q", "src/test/resources/pcap/pktvisor-ecs.pcap");
    Outcome demo = run("detect", "-q", DEMO);

    assertEquals(0, longer.code(), longer.err());
    List<String> lines = longer.out().lines().toList();
    assertEquals("Detection grid: 1s buckets, not 100ms: the capture spans more than 9.7 days; spikes sought at 1s, 10s and 100s.", lines.get(1));
    assertEquals(1, lines.stream().filter(l -> l.startsWith("Detection grid")).count(), longer.out());
    assertFalse(demo.out().contains("Detection grid"), demo.out());
  }
}
