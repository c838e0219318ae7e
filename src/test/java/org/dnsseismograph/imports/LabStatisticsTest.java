package org.dnsseismograph.imports;

import static org.dnsseismograph.imports.Fixtures.DEMO;
import static org.dnsseismograph.imports.Fixtures.LAB_RESET;
import static org.dnsseismograph.imports.Fixtures.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dnsseismograph.series.Bucket;
import org.dnsseismograph.series.BucketSampler;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.SampleSeries;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import org.junit.jupiter.api.Test;

/**
 * The lab's real resolver statistics (assets/demo: Unbound cumulative, PowerDNS carbon, get-all and
 * API; lab-reset: Unbound reset on read) import as rates that agree with the counters in the files
 * and put the outage's client query surge within one statistics interval of the capture's, counted
 * by tshark.
 */
class LabStatisticsTest {
  private static final String UNBOUND_CLIENTS = "dns.flags.response==0 && ip.dst==127.0.0.100";
  private static final String PDNS_CLIENTS = "dns.flags.response==0 && ip.dst==127.0.0.101";
  private final ExportImporter importer = new ExportImporter();

  /** The stamps and values of one key, read off the recorder's file directly. */
  private record Readings(long[] times, double[] values) {}

  private static Readings readings(Path stats, String key) throws IOException {
    List<Long> times = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (String l : Files.readAllLines(stats)) {
      if (l.startsWith("# time ")) {
        times.add(TimeUnits.parseInstant(l.substring(7)));
        values.add(0.0);
      } else if (l.startsWith(key + "=")) {
        values.set(values.size() - 1, Double.parseDouble(l.substring(key.length() + 1)));
      }
    }
    return new Readings(times.stream().mapToLong(Long::longValue).toArray(), values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  @Test
  void cumulativeUnboundCountersBecomeTheRatesBetweenConsecutiveSnapshots() throws IOException {
    Path file = DEMO.resolve("unbound-stats.txt");
    ImportResult r = importer.importFile(file, ImportOptions.defaults());
    SampleSeries q = (SampleSeries) r.series().get(MetricId.of("total.num.queries"));
    Readings raw = readings(file, "total.num.queries");

    assertEquals(126, raw.times().length);
    assertEquals(125, q.size());
    for (int i = 1; i < raw.times().length; i++) {
      double expected = (raw.values()[i] - raw.values()[i - 1]) / ((raw.times()[i] - raw.times()[i - 1]) / 1e9);
      assertEquals(raw.times()[i - 1], q.start(i - 1));
      assertEquals(raw.times()[i], q.end(i - 1));
      assertEquals(expected, q.value(i - 1), 1e-9, "interval " + i);
    }
    assertEquals(ImportFormat.UNBOUND_STATS, r.report().format());
    assertTrue(r.report().isComplete());
    assertEquals(SeriesKind.GAUGE, r.report().seriesReport("total.requestlist.current.all").kind());
  }

  @Test
  void resetOnReadUnboundCountsAreRatesOverTheirOwnIntervalsAndAddUpToTheFile() throws IOException {
    Path file = LAB_RESET.resolve("unbound-stats.txt");
    ImportResult r = importer.importFile(file, ImportOptions.defaults());
    SampleSeries q = (SampleSeries) r.series().get(MetricId.of("total.num.queries"));
    Readings raw = readings(file, "total.num.queries");

    assertTrue(r.report().warnings().stream().anyMatch(w -> w.startsWith("counters reset on each read")), r.report().warnings().toString());
    double counted = 0;
    for (int i = 0; i < q.size(); i++) {
      assertTrue(Double.isNaN(q.value(i)) || q.value(i) >= 0, "no negative rate");
      if (!Double.isNaN(q.value(i))) {
        counted += q.value(i) * (q.end(i) - q.start(i)) / 1e9;
      }
    }
    assertEquals(Arrays.stream(raw.values()).sum(), counted, 1e-6);
    // The snapshot at 19:20:00.000 counted 207 queries since the read at 19:19:59.001.
    int k = indexOf(raw.times(), Fixtures.t("2026-11-25T19:20:00Z"));
    assertEquals(207, raw.values()[k], 0.0);
    assertEquals(207 / ((raw.times()[k] - raw.times()[k - 1]) / 1e9), Fixtures.at(q, raw.times()[k] - S / 2), 0.5);
  }

  @Test
  void unboundsSurgeInTheCumulativeStatisticsStartsWithinOneIntervalOfTheCapturesSurge() throws Exception {
    assertSurgeAgrees(DEMO, DEMO.resolve("unbound-stats.txt"), "total.num.queries", UNBOUND_CLIENTS);
  }

  @Test
  void unboundsSurgeInTheResetStatisticsStartsWithinOneIntervalOfTheCapturesSurge() throws Exception {
    assertSurgeAgrees(LAB_RESET, LAB_RESET.resolve("unbound-stats.txt"), "total.num.queries", UNBOUND_CLIENTS);
  }

  @Test
  void powerDnsCarbonQuestionsSurgeStartsWithinOneIntervalOfTheCapturesSurge() throws Exception {
    assertSurgeAgrees(DEMO, DEMO.resolve("pdns-carbon.txt"), "pdns.lab.recursor.questions", PDNS_CLIENTS);
  }

  @Test
  void powerDnsGetAllAndApiSnapshotsImportAsOneSnapshotPerSecond() throws IOException {
    for (String f : new String[] {"pdns-get-all.txt.gz", "pdns-api.txt.gz"}) {
      ImportResult r = importer.importFile(DEMO.resolve(f), ImportOptions.defaults());
      SeriesReport questions = r.report().seriesReport("questions");
      assertEquals(126, questions.readings(), f);
      assertEquals(SeriesKind.COUNTER, questions.kind(), f);
      assertEquals(S, questions.stepNanos(), f);
      assertTrue(r.report().isComplete(), f);
    }
  }

  /**
   * The first whole second, at or after the outage's start, whose client query rate is 1.3 times the
   * median of the seconds between load start and outage, in the statistics and in the capture.
   */
  private void assertSurgeAgrees(Path run, Path stats, String metric, String clients) throws Exception {
    JsonNode truth = new ObjectMapper().readTree(run.resolve("truth.json").toFile());
    long loadStart = truth.path("load").path("startNs").asLong();
    long outageStart = truth.path("outage").path("startNs").asLong();
    long outageEnd = truth.path("outage").path("endNs").asLong();
    Path capture = run.resolve(truth.path("capture").path("file").asText());
    long[] times = Fixtures.tsharkTimes(capture, clients);
    ResolvableSeries captured = EventSeries.of(MetricId.of("client.queries"), new TimeRange(times[0], times[times.length - 1] + 1), times);
    ResolvableSeries imported = importer.importFile(stats, ImportOptions.defaults()).series().get(MetricId.of(metric));

    long fromCapture = surgeOnset(captured, loadStart, outageStart, outageEnd);
    long fromStats = surgeOnset(imported, loadStart, outageStart, outageEnd);

    assertTrue(Math.abs(fromStats - fromCapture) <= S, () -> "capture " + TimeUnits.format(fromCapture) + ", statistics "
        + TimeUnits.format(fromStats));
    assertTrue(fromCapture < outageEnd);
  }

  private static long surgeOnset(ResolvableSeries s, long loadStart, long outageStart, long outageEnd) {
    long from = TimeUnits.floorToStep(loadStart, S) + S;
    List<Bucket> buckets = BucketSampler.sample(s, new TimeRange(from, outageEnd), S);
    double[] before = buckets.stream().filter(b -> b.endNanos() <= outageStart).mapToDouble(Bucket::value).filter(Double::isFinite).sorted()
        .toArray();
    double threshold = 1.3 * before[before.length / 2];
    return buckets.stream().filter(b -> b.startNanos() >= TimeUnits.floorToStep(outageStart, S) && b.value() >= threshold)
        .mapToLong(Bucket::startNanos).findFirst().orElseThrow();
  }

  private static int indexOf(long[] times, long t) {
    for (int i = 0; i < times.length; i++) {
      if (times[i] == t) {
        return i;
      }
    }
    throw new AssertionError("no snapshot at " + TimeUnits.format(t));
  }
}
