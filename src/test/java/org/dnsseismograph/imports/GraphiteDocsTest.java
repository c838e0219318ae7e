package org.dnsseismograph.imports;

import static org.dnsseismograph.imports.Fixtures.OWN;
import static org.dnsseismograph.imports.Fixtures.S;
import static org.dnsseismograph.imports.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneId;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.ResolvableSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Graphite's documented render outputs (graphite-docs/SOURCES.md): json, csv and raw say the same thing. */
class GraphiteDocsTest {
  private static final Path DOCS = OWN.resolve("graphite-docs");
  private static final double[] ENTRIES = {1.0, 2.0, 3.0, 5.0, 6.0};
  private static final long FIRST = 1311836008L * S;
  private final ExportImporter importer = new ExportImporter();

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(textBlock = """
      render-json.json, GRAPHITE_JSON
      render-raw.txt,   GRAPHITE_RAW
      render-csv.csv,   GRAPHITE_CSV
      """)
  void theDocumentedEntriesSeriesReadsTheSameInEveryFormat(String file, ImportFormat format) throws ImportException {
    // The CSV's local times are UTC-5: 01:53:28 there is 1311836008 (06:53:28Z).
    ImportResult r = importer.importFile(DOCS.resolve(file), ImportOptions.defaults().withZone(ZoneId.of("America/Chicago")));
    ResolvableSeries s = r.series().get(MetricId.of("entries"));

    assertEquals(format, r.report().format());
    assertEquals(1, r.series().series().size());
    for (int i = 0; i < ENTRIES.length; i++) {
      // Graphite labels a value with the start of its interval.
      assertEquals(ENTRIES[i], at(s, FIRST + i * S + S / 2), 0.0, "entry " + i);
    }
    assertEquals(FIRST, s.extent().startNanos());
    assertEquals(S, r.report().series().get(0).stepNanos());
    assertTrue(r.report().isComplete());
  }

  @Test
  void graphiteCsvWithoutAZoneIsReadAsUtcAndSaysSo() throws ImportException {
    ImportResult r = importer.importFile(DOCS.resolve("render-csv.csv"), ImportOptions.defaults());

    assertEquals(FIRST - 5 * 3600 * S, r.series().extent().startNanos());
    assertTrue(r.report().warnings().stream().anyMatch(w -> w.contains("read as UTC")), r.report().warnings().toString());
  }

  @Test
  void rawKeepsANameWithCommasAndReadsNoneAsAGap() throws ImportException {
    ImportResult r = importer.importFile(DOCS.resolve("render-raw-pickle-values.txt"), ImportOptions.defaults());
    SeriesReport rep = r.report().series().get(0);
    ResolvableSeries s = r.series().get(rep.id());

    assertEquals("summarize(test.data, \"30min\", \"sum\")", rep.name());
    assertEquals(15, rep.readings());
    assertEquals(10, rep.missing());
    assertEquals(1800 * S, rep.stepNanos());
    long start = 1335398400L * S;
    assertTrue(Double.isNaN(at(s, start + 60 * S)));
    assertEquals(1.0, at(s, start + 2 * 1800 * S + 60 * S), 0.0);
    assertEquals(start + 15 * 1800 * S, s.extent().endNanos());
  }

  @Test
  void rawDataExampleHasFiveMinuteSamples() throws ImportException {
    ImportResult r = importer.importFile(DOCS.resolve("render-rawdata.txt"), ImportOptions.defaults());
    ResolvableSeries s = r.series().get(MetricId.of("carbon.agents.graphiteServer01.cpuUsage"));

    assertEquals(60 * S, r.report().series().get(0).stepNanos());
    assertEquals(0.0133345399694, at(s, (1306217160L + 4 * 60 + 30) * S), 0.0);
    assertEquals(SeriesKind.GAUGE, r.report().series().get(0).kind());
  }
}
