package org.dnsseismograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code seismograph import FILE... --describe} on real exports and lab statistics. */
class ImportCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new CommandLine(new ImportCommand(new PrintWriter(out, true), new PrintWriter(err, true))).execute(args);
  }

  @Test
  void describeListsEverySeriesWithRangeStepAndKind() {
    int code = run("--describe", "src/test/resources/exports/rrdtool-xport1.xml", "assets/demo/unbound-stats.txt");

    assertEquals(ExitCode.OK, code, err.toString());
    String text = out.toString();
    assertTrue(text.contains("rrdtool-xport1.xml: rrdtool xport XML (rrd-xport-xml), detected from the content"), text);
    assertTrue(text.lines().anyMatch(l -> l.trim().startsWith("dv ") && l.contains("10min") && l.contains("2011-03-13T07:00:00.000Z")
        && l.contains("2011-03-13T11:20:00.000Z")), text);
    assertTrue(text.lines().anyMatch(l -> l.trim().startsWith("total.num.queries ") && l.contains("counter") && l.contains(" 126 ")
        && l.contains(" 125 ")), text);
    assertTrue(text.contains("complete: every line read"), text);
  }

  @Test
  void jsonGivesTheReportOfEachFile() throws Exception {
    int code = run("--describe", "--format", "json", "--zone", "Europe/Berlin",
        "src/test/resources/org/dnsseismograph/imports/unbound-stats-shifted-37s-europe-berlin.csv");

    assertEquals(ExitCode.OK, code, err.toString());
    JsonNode file = new ObjectMapper().readTree(out.toString()).path("imports").get(0);
    assertEquals("local date-times in Europe/Berlin (column \"Time\")", file.path("time").asText());
    JsonNode q = file.path("series").get(0);
    assertEquals("total.num.queries", q.path("id").asText());
    assertEquals("counter", q.path("kind").asText());
    // The first row, 2026-11-25 20:09:01.008 in Berlin (CET, +01:00), is 19:09:01.008Z.
    assertEquals("2026-11-25T19:09:01.008Z", q.path("from").asText());
    assertEquals(1.0, q.path("stepSeconds").asDouble(), 0.0);
  }

  @Test
  void aSnapshotSequenceIsOneSource() {
    int code = run("--sequence", "src/test/resources/exports/unbound-control-stats_netdata-lifecycle-reset-1.txt",
        "src/test/resources/exports/unbound-control-stats_netdata-lifecycle-reset-2.txt",
        "src/test/resources/exports/unbound-control-stats_netdata-lifecycle-reset-3.txt");

    assertEquals(ExitCode.OK, code, err.toString());
    assertTrue(out.toString().contains("files: 3"), out.toString());
    assertTrue(out.toString().contains("warning: counters reset on each read"), out.toString());
  }

  @Test
  void anUnreadableFileIsOneLineAndExitOneWhileTheOthersAreStillDescribed() {
    int code = run("src/test/resources/exports/SOURCES.md", "src/test/resources/exports/rrdtool-xport1.json");

    assertEquals(ExitCode.UNREADABLE_INPUT, code);
    assertEquals(1, err.toString().lines().count(), err.toString());
    assertTrue(err.toString().startsWith("seismograph import: SOURCES.md: not a known export format; tried prometheus: "), err.toString());
    assertTrue(out.toString().contains("rrdtool-xport1.json"), out.toString());
  }

  @Test
  void aMissingFileIsSaidAsSuch() {
    assertEquals(ExitCode.UNREADABLE_INPUT, run("no/such/export.csv"));
    assertEquals("seismograph import: no/such/export.csv: no such file", err.toString().strip());
  }

  @Test
  void badOptionsAreExitTwo() {
    assertEquals(ExitCode.BAD_USAGE, run("--zone", "Mars/Olympus", "src/test/resources/exports/rrdtool-xport1.json"));
    assertTrue(err.toString().contains("unknown time zone 'Mars/Olympus'"), err.toString());
    assertEquals(ExitCode.BAD_USAGE, run("--as", "excel", "src/test/resources/exports/rrdtool-xport1.json"));
    assertEquals(ExitCode.BAD_USAGE, run());
  }
}
