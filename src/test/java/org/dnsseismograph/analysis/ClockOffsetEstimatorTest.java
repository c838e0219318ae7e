package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.dnsseismograph.imports.ExportImporter;
import org.dnsseismograph.imports.ImportOptions;
import org.dnsseismograph.series.Consolidation;
import org.dnsseismograph.series.LabelConvention;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.SampleSeriesWriter;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.series.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The offset estimator on the demo incident: the capture (tshark) against the resolvers' own
 * statistics, and against the export written 37 s fast in Berlin time.
 */
class ClockOffsetEstimatorTest {
  private static final long S = TimeUnits.NANOS_PER_SECOND;
  private final ClockOffsetEstimator estimator = new ClockOffsetEstimator();

  private static ResolvableSeries imported(Path file, String metric, ImportOptions o) throws Exception {
    return new ExportImporter().importFile(file, o).series().get(MetricId.of(metric));
  }

  @Test
  void theExportWritten37SecondsFastInBerlinTimeIsFoundToBe37SecondsOffWithinOneInterval() throws Exception {
    ResolvableSeries capture = LabSources.clientQueries("127.0.0.100");
    ResolvableSeries shifted = imported(LabSources.SHIFTED, "total.num.queries", ImportOptions.defaults().withZone(LabSources.SHIFTED_ZONE));

    ClockOffsetEstimate e = estimator.estimate(capture, shifted);

    assertTrue(Math.abs(e.offsetNanos() - LabSources.SHIFT_NANOS) <= S, e.toString());
    assertTrue(e.covers(LabSources.SHIFT_NANOS), e.toString());
    assertEquals(ClockOffsetEstimate.Quality.HIGH, e.quality(), e.toString());
    assertEquals(-e.offsetNanos(), e.correctionNanos());
    assertTrue(e.uncertaintyNanos() >= S, "at least one statistics interval");
  }

  @Test
  void theResolversOwnStatisticsAreOnTheCapturesClock() throws Exception {
    ClockOffsetEstimate unbound = estimator.estimate(LabSources.clientQueries("127.0.0.100"),
        imported(LabSources.DEMO.resolve("unbound-stats.txt"), "total.num.queries", ImportOptions.defaults()));
    ClockOffsetEstimate pdns = estimator.estimate(LabSources.clientQueries("127.0.0.101"),
        imported(LabSources.DEMO.resolve("pdns-carbon.txt"), "pdns.lab.recursor.questions", ImportOptions.defaults()));

    assertTrue(unbound.covers(0), unbound.toString());
    assertTrue(Math.abs(unbound.offsetNanos()) <= S, unbound.toString());
    assertTrue(pdns.covers(0), pdns.toString());
    assertTrue(Math.abs(pdns.offsetNanos()) <= S, pdns.toString());
  }

  @ParameterizedTest(name = "shifted by {0} ms")
  @ValueSource(longs = {-250_000, -90_000, -2_500, 0, 1_300, 37_000, 299_000})
  void aKnownShiftOfTheRealStatisticsIsRecoveredWithinItsUncertainty(long shiftMillis) throws Exception {
    ResolvableSeries stats = imported(LabSources.DEMO.resolve("unbound-stats.txt"), "total.num.queries", ImportOptions.defaults());
    long shift = shiftMillis * TimeUnits.NANOS_PER_MILLI;

    ClockOffsetEstimate e = estimator.estimate(LabSources.clientQueries("127.0.0.100"), stats.shifted(shift));

    assertTrue(e.covers(shift), e.toString());
  }

  @Test
  void anExportMissingTheReferencesStrongestChangeIsAlignedOnAChangeBothShow() throws Exception {
    ResolvableSeries stats = imported(LabSources.DEMO.resolve("unbound-stats.txt"), "total.num.queries", ImportOptions.defaults());
    long outage = new com.fasterxml.jackson.databind.ObjectMapper().readTree(LabSources.DEMO.resolve("truth.json").toFile())
        .path("outage").path("startNs").asLong();
    long from = TimeUnits.floorToStep(outage, S) - 30 * S;
    SampleSeriesWriter w = new SampleSeriesWriter(MetricId.of("window"), Unit.PER_SECOND, S, LabelConvention.START, Consolidation.AVERAGE);
    for (org.dnsseismograph.series.Bucket b : org.dnsseismograph.series.BucketSampler.sample(stats,
        new org.dnsseismograph.series.TimeRange(from, from + 42 * S), S)) {
      w.add(b.startNanos(), b.value());
    }

    ClockOffsetEstimate e = estimator.estimate(LabSources.clientQueries("127.0.0.100"), w.publish().shifted(12 * S));

    assertTrue(e.covers(12 * S), e.toString());
  }

  @Test
  void seriesThatNeverOverlapWithinTheSearchGiveNoOffset() throws Exception {
    ResolvableSeries capture = LabSources.clientQueries("127.0.0.100");
    ClockOffsetEstimate e = new ClockOffsetEstimator(10 * S).estimate(capture, capture.shifted(3600 * S));

    assertFalse(e.found());
    assertEquals(ClockOffsetEstimate.Quality.NONE, e.quality());
    assertTrue(e.explanation().contains("do not overlap"), e.explanation());
  }

  @Test
  void aReferenceWithoutAnyChangeGivesNoOffset() {
    SampleSeriesWriter w = new SampleSeriesWriter(MetricId.of("flat"), Unit.NUMBER, S, LabelConvention.START, Consolidation.AVERAGE);
    for (int i = 0; i < 300; i++) {
      w.add(1_700_000_000L * S + i * S, 5.0);
    }
    ResolvableSeries flat = w.publish();

    assertFalse(estimator.estimate(flat, flat.shifted(5 * S)).found());
  }

  @Test
  void theUncertaintyIsNeverFinerThanTheCoarserSeries() throws Exception {
    ResolvableSeries capture = LabSources.clientQueries("127.0.0.100");
    SampleSeriesWriter w = new SampleSeriesWriter(MetricId.of("coarse"), Unit.PER_SECOND, 10 * S, LabelConvention.START, Consolidation.AVERAGE);
    long start = TimeUnits.floorToStep(capture.extent().startNanos(), 10 * S);
    for (long t = start; t < capture.extent().endNanos(); t += 10 * S) {
      w.add(t, org.dnsseismograph.series.BucketSampler.sample(capture, new org.dnsseismograph.series.TimeRange(t, t + 10 * S), 10 * S)
          .get(0).value());
    }

    ClockOffsetEstimate e = estimator.estimate(capture, w.publish().shifted(20 * S));

    assertTrue(e.uncertaintyNanos() >= 10 * S, e.toString());
    assertTrue(e.covers(20 * S), e.toString());
  }
}
