package org.dnsseismograph.imports;

import static org.dnsseismograph.imports.Fixtures.S;
import static org.dnsseismograph.imports.Fixtures.at;
import static org.dnsseismograph.imports.Fixtures.export;
import static org.dnsseismograph.imports.Fixtures.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dnsseismograph.series.LabelConvention;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.SeriesSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every real export of src/test/resources/exports imports with the series, readings, times and steps
 * the files hold; counts and values below were read off the files themselves (see SOURCES.md).
 */
class RealExportsTest {
  private final ExportImporter importer = new ExportImporter();

  private ImportResult read(String name) throws ImportException {
    return importer.importFile(export(name), ImportOptions.defaults());
  }

  @ParameterizedTest(name = "{0}: {1}, {2} series of {3} readings, step {4} s")
  @CsvSource(textBlock = """
      grafana-legacy-series-per-row_Varmelager.csv,      GRAFANA_LEGACY_CSV, 4,  1501, 1
      grafana-series-joined-by-time_sonda-example.csv,    GRAFANA_WIDE_CSV,   2,  10,   15
      prometheus-query_range_grafana-range_auto.json,     PROMETHEUS_JSON,    1,  301,  1
      prometheus-query_range_grafana-range_infinity.json, PROMETHEUS_JSON,    1,  3,    1
      prometheus-query_range_grafana-range_missing.json,  PROMETHEUS_JSON,    1,  3,    1
      prometheus-query_range_grafana-range_nan.json,      PROMETHEUS_JSON,    1,  3,    1
      rrdtool-xport1.xml,                                 RRD_XPORT_XML,      2,  26,   600
      rrdtool-xport1.json,                                RRD_XPORT_JSON,     2,  26,   600
      rrdtool-fetch-pdp-calc1-1-avg-60.txt,               RRD_FETCH,          3,  32,   60
      rrdtool-fetch-pdp-calc1-1-avg-300.txt,              RRD_FETCH,          3,  8,    300
      rrdtool-fetch-pdp-calc1-1-max-300.txt,              RRD_FETCH,          3,  8,    300
      """)
  void eachExportImportsWithItsSeriesReadingsAndStep(String file, ImportFormat format, int series, long readings, long stepSeconds)
      throws ImportException {
    ImportResult r = read(file);

    assertEquals(format, r.report().format());
    assertEquals(series, r.series().series().size());
    for (SeriesReport s : r.report().series()) {
      assertEquals(readings, s.readings(), s.name());
      assertEquals(stepSeconds * S, s.stepNanos(), s.name());
    }
    assertTrue(r.report().isComplete(), () -> r.report().partialReasons().toString());
  }

  @Test
  void everyFileOfTheExportsFolderImportsCompletely() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(Fixtures.EXPORTS)) {
      files = s.filter(p -> !p.getFileName().toString().equals("SOURCES.md")).sorted().toList();
    }
    // The API statistics file carries no time of its own; every other file does.
    ImportOptions o = ImportOptions.defaults().withSnapshotTime(t("2020-01-01T00:00:00Z"));
    for (Path f : files) {
      ImportResult r = importer.importFile(f, o);
      assertTrue(r.report().isComplete(), f + ": " + r.report().partialReasons());
      assertTrue(r.series().extent() != null, f.toString());
    }
    assertEquals(21, files.size());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(textBlock = """
      unbound-control-stats_netdata-common.txt
      unbound-control-stats_netdata-extended.txt
      unbound-control-stats_netdata-lifecycle-cumulative-1.txt
      unbound-control-stats_netdata-lifecycle-cumulative-2.txt
      unbound-control-stats_netdata-lifecycle-cumulative-3.txt
      unbound-control-stats_netdata-lifecycle-reset-1.txt
      unbound-control-stats_netdata-lifecycle-reset-2.txt
      unbound-control-stats_netdata-lifecycle-reset-3.txt
      """)
  void eachUnboundStatisticIsASeriesOfOneReadingStampedByTimeNow(String file) throws Exception {
    List<String> lines = Files.readAllLines(export(file)).stream().filter(l -> l.contains("=")).toList();
    String now = lines.stream().filter(l -> l.startsWith("time.now=")).findFirst().orElseThrow().substring(9);
    ImportResult r = read(file);

    assertEquals(ImportFormat.UNBOUND_STATS, r.report().format());
    assertEquals(lines.size() - 1, r.series().series().size());
    assertTrue(r.report().series().stream().allMatch(s -> s.readings() == 1));
    assertEquals(org.dnsseismograph.series.TimeUnits.parseInstant(now), r.series().extent().endNanos(), 1000);
  }

  @Test
  void grafanaLegacyRowsAreFourProbesOnUtcWithTheirOffsetAppliedAndSameSecondRowsAveraged() throws ImportException {
    ImportResult r = read("grafana-legacy-series-per-row_Varmelager.csv");
    SeriesSet set = r.series();

    assertEquals(List.of("Probe-1", "Probe-2", "Probe-3", "Probe-4"), set.ids().stream().map(MetricId::name).toList());
    // "2020-05-04T15:29:37+02:00" is 13:29:37 UTC; the last rows are at 15:34:37+02:00.
    assertEquals(t("2020-05-04T13:29:37Z"), set.extent().startNanos());
    assertEquals(t("2020-05-04T13:34:38Z"), set.extent().endNanos());
    // Five rows of Probe-1 at 15:29:38: 48.1875, 48.46875, 48.75, 49.03125, 49.3125 -> mean 48.75.
    assertEquals(48.75, at(set.get(MetricId.of("Probe-1")), t("2020-05-04T13:29:38.5Z")), 1e-9);
    assertEquals(38.75, at(set.get(MetricId.of("Probe-3")), t("2020-05-04T13:32:00Z")), 1e-9);
    // The file has 50 "null" values: 10 + 15 + 10 + 15.
    assertEquals(50, r.report().series().stream().mapToLong(SeriesReport::missing).sum());
    assertTrue(r.report().timeBasis().contains("offset"), r.report().timeBasis());
  }

  @Test
  void grafanaWideLabelSetHeadersBecomeSeriesNamesAndMillisecondTimesAreUtc() throws ImportException {
    SeriesSet set = read("grafana-series-joined-by-time_sonda-example.csv").series();
    ResolvableSeries prom = set.get(MetricId.of("up[instance:localhost:9090|job:prometheus]"));
    ResolvableSeries node = set.get(MetricId.of("up[instance:localhost:9100|job:node]"));

    // Row 1704067230000,0,1 is 2024-01-01T00:00:30Z; rows are 15 s apart and label their start.
    assertEquals(0.0, at(prom, t("2024-01-01T00:00:30Z")), 0.0);
    assertEquals(1.0, at(node, t("2024-01-01T00:00:30Z")), 0.0);
    assertEquals(0.0, at(node, t("2024-01-01T00:02:15Z")), 0.0);
    assertEquals(t("2024-01-01T00:00:00Z"), set.extent().startNanos());
  }

  @Test
  void prometheusCountersBecomeRatesAndTheirLabelSetsNameThem() throws ImportException {
    ImportResult r = read("prometheus-query_range_grafana-range_simple.json");
    ResolvableSeries ok = r.series().get(MetricId.of("prometheus_http_requests_total[code:200|handler:/api/v1/query_range|job:prometheus]"));
    ResolvableSeries bad = r.series().get(MetricId.of("prometheus_http_requests_total[code:400|handler:/api/v1/query_range|job:prometheus]"));

    // 21, 32, 43 one second apart: 11 per second over [.123 + 0, .123 + 1) and the next second.
    assertEquals(11.0, at(ok, t("2022-01-11T08:25:30.5Z")), 1e-9);
    assertEquals(11.0, at(ok, t("2022-01-11T08:25:31.5Z")), 1e-9);
    // 54 at ...29.123 and 76 at ...32.123: three seconds apart, 22 / 3 per second.
    assertEquals(22.0 / 3, at(bad, t("2022-01-11T08:25:31Z")), 1e-9);
    assertEquals(SeriesKind.COUNTER, r.report().series().get(0).kind());
    assertEquals(2, r.report().series().get(0).samples());
  }

  @Test
  void prometheusGapsInTheStepSequenceAndNonFiniteValuesAreGaps() throws ImportException {
    ResolvableSeries missing = read("prometheus-query_range_grafana-range_missing.json").series().get(MetricId.of("go_goroutines[job:prometheus]"));
    // 21 @533, 32 @534, 43 @537, step 1 s labelled at the end: (535, 536] holds nothing.
    assertEquals(32.0, at(missing, t("2022-01-11T08:25:33.5Z")), 0.0);
    assertTrue(Double.isNaN(at(missing, t("2022-01-11T08:25:35Z"))));
    assertEquals(43.0, at(missing, t("2022-01-11T08:25:36.5Z")), 0.0);

    for (String f : new String[] {"prometheus-query_range_grafana-range_nan.json", "prometheus-query_range_grafana-range_infinity.json"}) {
      ImportResult r = read(f);
      assertEquals(3, r.report().series().get(0).missing(), f);
      assertEquals(0, r.report().series().get(0).samples(), f);
      assertTrue(Double.isNaN(at(r.series().ids().stream().map(r.series()::get).findFirst().orElseThrow(), t("2022-01-11T08:25:31Z"))));
    }
  }

  @Test
  void prometheusFractionalTimestampsKeepTheirMilliseconds() throws ImportException {
    ImportResult r = read("prometheus-query_range_grafana-range_auto.json");
    ResolvableSeries s = r.series().get(MetricId.of("value"));
    // First point [1664376185.491, "0.004754464285714286"] labels the end of (184.491, 185.491].
    assertEquals(t("2022-09-28T14:43:04.491Z"), s.extent().startNanos());
    assertEquals(0.004754464285714286, at(s, t("2022-09-28T14:43:05Z")), 0.0);
    // Point 151 [1664376335.491, "0.09886509635974303"].
    assertEquals(0.09886509635974303, at(s, t("2022-09-28T14:45:35Z")), 0.0);
    assertEquals(LabelConvention.END, r.report().series().get(0).label());
  }

  @Test
  void rrdtoolXportXmlAndJsonAgreeRowForRow() throws ImportException {
    SeriesSet xml = read("rrdtool-xport1.xml").series();
    SeriesSet json = read("rrdtool-xport1.json").series();
    // Row <t>1300000800</t><v0>-5.4883500e-03</v0><v1>3.6845819e-02</v1>: labels the end of its 600 s.
    long row2 = t("2011-03-13T07:20:00Z");
    for (SeriesSet s : new SeriesSet[] {xml, json}) {
      assertEquals(-5.4883500e-03, at(s.get(MetricId.of("dv")), row2 - S), 0.0);
      assertEquals(3.6845819e-02, at(s.get(MetricId.of("wh")), row2 - S), 0.0);
      assertTrue(Double.isNaN(at(s.get(MetricId.of("dv")), row2 - 601 * S)));
      assertEquals(t("2011-03-13T07:00:00Z"), s.extent().startNanos());
      assertEquals(t("2011-03-13T11:20:00Z"), s.extent().endNanos());
    }
  }

  @Test
  void rrdtoolFetchReadsEachDataSourceAndTheMaxFileConsolidatesByMax() throws ImportException {
    ImportResult r = read("rrdtool-fetch-pdp-calc1-1-avg-300.txt");
    // "1548501300: 1.2500000e+00 nan 1.1785714e+00" labels the end of (1548501000, 1548501300].
    long end = 1548501300L * S;
    assertEquals(1.25, at(r.series().get(MetricId.of("Gauge")), end - S), 0.0);
    assertTrue(Double.isNaN(at(r.series().get(MetricId.of("Counter")), end - S)));
    assertEquals(1.1785714, at(r.series().get(MetricId.of("Absolute")), end - S), 0.0);
    assertEquals(org.dnsseismograph.series.Consolidation.MAX,
        read("rrdtool-fetch-pdp-calc1-1-max-300.txt").report().series().get(0).consolidation());
  }

  @Test
  void aLoneUnboundSnapshotGivesTheAverageRateSinceTheResolverStarted() throws ImportException {
    ImportResult r = read("unbound-control-stats_netdata-common.txt");
    ResolvableSeries q = r.series().get(MetricId.of("total.num.queries"));
    // total.num.queries=44 after time.up=88.434983 s, at time.now=1574094836.941149.
    long now = 1574094836941149000L;
    assertEquals(44 / 88.434983, at(q, now - S), 1e-9);
    // time.now is a decimal of microseconds read as a double: exact to well under a microsecond.
    assertEquals(now - 88_434_983_000L, q.extent().startNanos(), 1000);
    assertEquals(SeriesKind.GAUGE, r.report().seriesReport("total.requestlist.current.all").kind());
    assertEquals(0.857143, at(r.series().get(MetricId.of("thread0.requestlist.avg")), now - S), 0.0);
    // Every key but time.now (the snapshot's own time) is a series: 66 lines, 65 series.
    assertEquals(65, r.series().series().size());
  }

  @Test
  void theApiStatisticsSnapshotNeedsATimeAndThenGivesOneSeriesPerStatistic() throws ImportException {
    Path f = export("pdns-recursor-api-statistics_netdata-v4.3.1.json");
    ImportException e = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class,
        () -> importer.importFile(f, ImportOptions.defaults()));
    assertTrue(e.getMessage().contains("without a time"), e.getMessage());

    ImportResult r = importer.importFile(f, ImportOptions.defaults().withSnapshotTime(t("2020-01-01T00:00:00Z")));
    assertEquals(ImportFormat.PDNS_API_JSON, r.report().format());
    // "all-outqueries": "41" after "uptime": "1624": 41 queries over the 1624 s before the snapshot.
    ResolvableSeries out = r.series().get(MetricId.of("all-outqueries"));
    assertEquals(41.0 / 1624, at(out, t("2019-12-31T23:59:59Z")), 1e-12);
    assertEquals(t("2020-01-01T00:00:00Z") - 1624 * S, out.extent().startNanos());
    // 117 items: 114 StatisticItems and 3 MapStatisticItems whose value lists are empty.
    assertEquals(114, r.series().series().size());
  }
}
