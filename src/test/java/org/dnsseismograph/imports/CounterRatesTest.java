package org.dnsseismograph.imports;

import static org.dnsseismograph.imports.Fixtures.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dnsseismograph.series.Consolidation;
import org.dnsseismograph.series.LabelConvention;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SampleSeries;
import org.dnsseismograph.series.SampleSeriesWriter;
import org.dnsseismograph.series.Unit;
import org.junit.jupiter.api.Test;

/** Counters to rates: a restart is never a negative spike, a silence is a gap, reset-on-read counts use their own intervals. */
class CounterRatesTest {
  private static final long T0 = 1_700_000_000L * S;

  private static SampleSeries rates(RawSeries raw) {
    SampleSeriesWriter w = new SampleSeriesWriter(MetricId.of("q"), Unit.PER_SECOND, S, LabelConvention.END, Consolidation.AVERAGE);
    CounterRates.write(raw, S, w);
    return w.publish();
  }

  private static RawSeries counter(CounterMode mode, double... values) {
    RawSeries r = new RawSeries("q");
    r.kind = SeriesKind.COUNTER;
    r.counterMode = mode;
    for (int i = 0; i < values.length; i++) {
      r.add(T0 + i * S, values[i], i + 1);
    }
    return r;
  }

  @Test
  void aCumulativeCounterThatFallsRestartedAndCountsFromZero() {
    RawSeries raw = counter(CounterMode.CUMULATIVE, 100, 150, 210, 20, 70);
    SampleSeries s = rates(raw);

    assertEquals(1, CounterRates.write(raw, S, new SampleSeriesWriter(MetricId.of("x"), Unit.PER_SECOND, S, LabelConvention.END,
        Consolidation.AVERAGE)).resets());
    double[] expected = {50, 60, 20, 50};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], s.value(i), 0.0, "interval " + i);
      assertTrue(s.value(i) >= 0);
    }
  }

  @Test
  void aMissingReadingLeavesAGapAroundIt() {
    SampleSeries s = rates(counter(CounterMode.CUMULATIVE, 0, 10, Double.NaN, 40, 50));

    assertEquals(10, s.value(0), 0.0);
    assertEquals(T0 + S, s.end(0));
    // No rate for (1 s, 3 s]: the reading at 2 s is missing; the next rate starts from the reading at 3 s.
    assertTrue(Double.isNaN(Fixtures.at(s, T0 + S + S / 2)));
    assertTrue(Double.isNaN(Fixtures.at(s, T0 + 2 * S + S / 2)));
    assertEquals(10, Fixtures.at(s, T0 + 3 * S + S / 2), 0.0);
    assertEquals(T0 + 4 * S, s.extent().endNanos());
  }

  @Test
  void readingsFarApartAreAGapNotALongAverage() {
    RawSeries raw = new RawSeries("q");
    raw.kind = SeriesKind.COUNTER;
    raw.add(T0, 0, 1);
    raw.add(T0 + S, 10, 2);
    raw.add(T0 + 60 * S, 600, 3);
    raw.add(T0 + 61 * S, 610, 4);
    SampleSeries s = rates(raw);

    assertEquals(10, Fixtures.at(s, T0 + S / 2), 0.0);
    assertTrue(Double.isNaN(Fixtures.at(s, T0 + 30 * S)));
    assertEquals(10, Fixtures.at(s, T0 + 60 * S + S / 2), 0.0);
  }

  @Test
  void resetOnReadCountsArePerIntervalAndAFailedReadDoesNotReset() {
    RawSeries raw = counter(CounterMode.RESET_ON_READ, 5, 8, Double.NaN, 6);
    raw.setValue(0, 5);
    SampleSeries s = rates(raw);

    // The first reading has no interval of its own: only the three after it are rates.
    assertEquals(8, s.value(0), 0.0);
    // The read at 2 s failed, so the reading at 3 s counted since 1 s: 6 over 2 s.
    assertEquals(3, s.value(1), 0.0);
    assertEquals(T0 + S, s.start(1));
    assertEquals(T0 + 3 * S, s.end(1));
  }
}
