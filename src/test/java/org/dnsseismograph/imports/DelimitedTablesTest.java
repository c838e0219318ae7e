package org.dnsseismograph.imports;

import static org.dnsseismograph.imports.Fixtures.S;
import static org.dnsseismograph.imports.Fixtures.at;
import static org.dnsseismograph.imports.Fixtures.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.ResolvableSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Generic CSV/TSV: delimiters, quoting, BOM, headers, every way of writing time, missing values, time zones. */
class DelimitedTablesTest {
  private final ExportImporter importer = new ExportImporter();

  private ImportResult read(String text, ImportOptions o) throws ImportException {
    return importer.importText("table.csv", text, o);
  }

  @ParameterizedTest(name = "time written as {0}")
  @CsvSource(delimiter = '|', textBlock = """
      1700000000            | 1700000010
      1700000000.000        | 1700000010.000
      1700000000000         | 1700000010000
      1700000000000000      | 1700000010000000
      1700000000000000000   | 1700000010000000000
      2023-11-14T22:13:20Z  | 2023-11-14T22:13:30Z
      2023-11-14T23:13:20+01:00 | 2023-11-14T23:13:30+01:00
      2023-11-14 22:13:20   | 2023-11-14 22:13:30
      """)
  void everyTimeStyleGivesTheSameInstants(String first, String second) throws ImportException {
    ImportResult r = read("time,value\n" + first + ",1.5\n" + second + ",2.5\n", ImportOptions.defaults().withZone(ZoneId.of("UTC")));
    ResolvableSeries v = r.series().get(MetricId.of("value"));

    assertEquals(1_700_000_000L * S, v.extent().startNanos());
    assertEquals(10 * S, r.report().series().get(0).stepNanos());
    assertEquals(2.5, at(v, 1_700_000_015L * S), 0.0);
  }

  @ParameterizedTest(name = "delimiter {0}")
  @CsvSource(delimiter = '|', textBlock = """
      ','
      ';'
      '\t'
      '|'
      """)
  void theDelimiterIsFoundAndQuotedFieldsMayHoldIt(String delimiter) throws ImportException {
    char d = delimiter.equals("\\t") ? '\t' : delimiter.charAt(0);
    String text = String.join(String.valueOf(d), "\"Time\"", "\"a" + d + "b\"", "\"say \"\"hi\"\"\"") + "\r\n"
        + String.join(String.valueOf(d), "1700000000", "1", "10") + "\r\n"
        + String.join(String.valueOf(d), "1700000060", "2", "20") + "\r\n";
    ImportResult r = read(text, ImportOptions.defaults());

    assertEquals(2, r.series().series().size());
    assertEquals("a" + d + "b", r.report().series().get(0).name());
    assertEquals("say \"hi\"", r.report().series().get(1).name());
    assertEquals(20.0, at(r.series().get(r.report().series().get(1).id()), 1_700_000_061L * S), 0.0);
  }

  @Test
  void aByteOrderMarkAndExcelsSepLineAreNotPartOfTheData() throws ImportException {
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    String text = "sep=;\nTime;rate\n2024-01-01T00:00:00Z;3\n2024-01-01T00:01:00Z;4\n";
    byte[] all = new byte[bom.length + text.length()];
    System.arraycopy(bom, 0, all, 0, 3);
    System.arraycopy(text.getBytes(StandardCharsets.UTF_8), 0, all, 3, text.length());
    ImportResult r = ExportImporter.importText(ExportText.decode("x.csv", all), ImportOptions.defaults());

    assertEquals(4.0, at(r.series().get(MetricId.of("rate")), t("2024-01-01T00:01:30Z")), 0.0);
    assertTrue(r.report().warnings().stream().anyMatch(w -> w.contains("byte-order mark")));
  }

  @Test
  void aTableWithoutHeaderNamesItsColumns() throws ImportException {
    ImportResult r = read("1700000000,5,7\n1700000010,6,8\n1700000020,7,9\n", ImportOptions.defaults());

    assertEquals(java.util.List.of("column2", "column3"), r.series().ids().stream().map(MetricId::name).toList());
  }

  @ParameterizedTest(name = "\"{0}\" is a gap")
  @CsvSource(textBlock = """
      null
      NaN
      -nan
      Inf
      +Inf
      -Inf
      None
      ''
      """)
  void missingValueWordsAreGapsNotZeros(String word) throws ImportException {
    ImportResult r = read("time;v\n1700000000;1\n1700000010;" + word + "\n1700000020;3\n", ImportOptions.defaults());
    ResolvableSeries v = r.series().get(MetricId.of("v"));

    assertTrue(Double.isNaN(at(v, 1_700_000_015L * S)));
    assertEquals(3.0, at(v, 1_700_000_025L * S), 0.0);
    assertEquals(1, r.report().series().get(0).missing());
    assertTrue(r.report().isComplete());
  }

  @Test
  void aLocalTimeInTheSpringGapIsSkippedAndReportedNeverShifted() throws ImportException {
    // Europe/Berlin jumped from 02:00 to 03:00 on 2024-03-31: 02:30 never happened there.
    String text = "Time,v\n2024-03-31 01:30:00,1\n2024-03-31 02:30:00,2\n2024-03-31 03:30:00,3\n";
    ImportResult r = read(text, ImportOptions.defaults().withZone(ZoneId.of("Europe/Berlin")));

    assertEquals(1, r.report().timeNotes().size());
    TimeNote n = r.report().timeNotes().get(0);
    assertEquals(TimeNote.Problem.NONEXISTENT, n.problem());
    assertEquals(3, n.line());
    assertEquals(2, r.report().series().get(0).readings());
    assertTrue(!r.report().isComplete());
    // 01:30 CET is 00:30Z, 03:30 CEST is 01:30Z.
    assertEquals(1.0, at(r.series().get(MetricId.of("v")), t("2024-03-31T00:30:00Z")), 0.0);
    assertEquals(3.0, at(r.series().get(MetricId.of("v")), t("2024-03-31T01:30:00Z")), 0.0);
  }

  @Test
  void theRepeatedAutumnHourIsResolvedByTheOrderOfTheReadingsAndReported() throws ImportException {
    // Europe/Berlin went from 03:00 CEST back to 02:00 CET on 2024-10-27: 02:00-02:59 happened twice.
    String text = "Time,v\n2024-10-27 01:30:00,1\n2024-10-27 02:00:00,2\n2024-10-27 02:30:00,3\n2024-10-27 02:00:00,4\n"
        + "2024-10-27 02:30:00,5\n2024-10-27 03:00:00,6\n";
    ImportResult r = read(text, ImportOptions.defaults().withZone(ZoneId.of("Europe/Berlin")));
    ResolvableSeries v = r.series().get(MetricId.of("v"));

    assertEquals(4, r.report().timeNotes().size());
    assertTrue(r.report().timeNotes().stream().allMatch(n -> n.problem() == TimeNote.Problem.AMBIGUOUS));
    // First pass at +02:00 (00:00Z, 00:30Z), second at +01:00 (01:00Z, 01:30Z): 30 min apart throughout.
    assertEquals(2.0, at(v, t("2024-10-27T00:00:00Z")), 0.0);
    assertEquals(3.0, at(v, t("2024-10-27T00:30:00Z")), 0.0);
    assertEquals(4.0, at(v, t("2024-10-27T01:00:00Z")), 0.0);
    assertEquals(5.0, at(v, t("2024-10-27T01:30:00Z")), 0.0);
    assertEquals(6.0, at(v, t("2024-10-27T02:00:00Z")), 0.0);
    assertEquals(6, r.report().series().get(0).readings());
  }

  @Test
  void aGrowingWholeNumberColumnIsACounterAndAFlagIsNot() throws ImportException {
    StringBuilder b = new StringBuilder("time,queries,up\n");
    for (int i = 0; i < 12; i++) {
      b.append(1_700_000_000 + 10 * i).append(',').append(1000 + 50 * i).append(',').append(i % 4 == 3 ? 0 : 1).append('\n');
    }
    ImportResult r = read(b.toString(), ImportOptions.defaults());

    assertEquals(SeriesKind.COUNTER, r.report().seriesReport("queries").kind());
    assertEquals(5.0, at(r.series().get(MetricId.of("queries")), 1_700_000_015L * S), 1e-9);
    assertEquals(SeriesKind.GAUGE, r.report().seriesReport("up").kind());
    ImportResult forced = read(b.toString(), ImportOptions.defaults().withKind("que*", SeriesKind.GAUGE).withKind("*", SeriesKind.COUNTER));
    assertEquals(SeriesKind.GAUGE, forced.report().seriesReport("queries").kind());
    assertEquals("given by the user", forced.report().seriesReport("queries").kindBasis());
  }
}
