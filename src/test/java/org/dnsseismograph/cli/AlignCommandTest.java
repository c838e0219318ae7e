package org.dnsseismograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code seismograph align REF OTHER...} on the lab's real statistics and the export written 37 s fast in Berlin time. */
class AlignCommandTest {
  private static final String SHIFTED = "src/test/resources/org/dnsseismograph/imports/unbound-stats-shifted-37s-europe-berlin.csv";
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return new CommandLine(new AlignCommand(new PrintWriter(out, true), new PrintWriter(err, true))).execute(args);
  }

  @Test
  void theShiftedExportIs37SecondsFastWithinOneInterval() throws Exception {
    int code = run("assets/demo/unbound-stats.txt", SHIFTED, "--zone", "Europe/Berlin", "--format", "json");

    assertEquals(ExitCode.OK, code, err.toString());
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertEquals("total.num.queries", root.path("reference").path("series").asText());
    JsonNode o = root.path("offsets").get(0);
    assertTrue(o.path("found").asBoolean());
    double offset = o.path("offsetSeconds").asDouble();
    double uncertainty = o.path("uncertaintySeconds").asDouble();
    assertTrue(Math.abs(offset - 37) <= uncertainty && uncertainty >= 1 && uncertainty <= 1.1, out.toString());
    assertEquals(-offset, o.path("correctionSeconds").asDouble(), 0.0);
    assertEquals("high", o.path("quality").asText());
  }

  @Test
  void textNamesEachSourceItsOffsetAndUncertainty() {
    int code = run("assets/demo/unbound-stats.txt", SHIFTED, "assets/demo/pdns-carbon.txt", "--zone", "Europe/Berlin");

    assertEquals(ExitCode.OK, code, err.toString());
    String[] lines = out.toString().split("\n");
    assertEquals("reference: unbound-stats.txt (total.num.queries)", lines[0]);
    assertTrue(lines[1].startsWith("unbound-stats-shifted-37s-europe-berlin.csv (total.num.queries): clock +3"), lines[1]);
    assertTrue(lines[1].contains(" s ± 1.0"), lines[1]);
    assertTrue(lines[2].startsWith("pdns-carbon.txt (pdns.lab.recursor.questions): clock +0.") || lines[2].contains("clock -0."), lines[2]);
  }

  @Test
  void withoutTheZoneTheHourOffIsBeyondTheSearchAndSaidSo() {
    int code = run("assets/demo/unbound-stats.txt", SHIFTED);

    assertEquals(ExitCode.OK, code);
    assertTrue(out.toString().contains("no offset found: the series do not overlap within ±10min"), out.toString());
  }

  @Test
  void unreadableSourcesAreExitOneAndUnknownSeriesExitTwo() {
    assertEquals(ExitCode.UNREADABLE_INPUT, run("assets/demo/unbound-stats.txt", "src/test/resources/exports/SOURCES.md"));
    assertTrue(err.toString().startsWith("seismograph align: SOURCES.md: not a known export format"), err.toString());
    assertEquals(ExitCode.BAD_USAGE, run("assets/demo/unbound-stats.txt", SHIFTED, "--metric", "no.such.series"));
    assertEquals(ExitCode.BAD_USAGE, run("assets/demo/unbound-stats.txt"));
  }
}
