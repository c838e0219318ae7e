package org.dnsseismograph.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ShiftedSeriesTest {
  private static final long S = 1_000_000_000L;
  private static final long T0 = 1_264_982_400L * S;

  @Test
  void aSourceWhoseClockWas37SecondsBehindIsMovedLaterWithoutCopying() {
    EventSeries base = EventSeries.of(MetricId.of("isp2.queries"), new TimeRange(T0, T0 + 120 * S), T0 + 10 * S, T0 + 10 * S + 1);
    ResolvableSeries shifted = base.shifted(37 * S);
    ColumnBuffer out = new ColumnBuffer();

    shifted.reduce(new TimeRange(T0, T0 + 120 * S), 120, out);

    assertEquals(new TimeRange(T0, T0 + 120 * S), out.range());
    assertEquals(2, out.count(47), 0.0, "stamped at 10 s, shown at 47 s");
    assertEquals(0, out.count(10), 0.0);
    assertEquals(new TimeRange(T0 + 37 * S, T0 + 157 * S), shifted.extent());
    assertEquals(base.id(), shifted.id());
    assertEquals(Unit.COUNT, shifted.unit());
  }

  @Test
  void offsetsComposeAndCancel() {
    EventSeries base = EventSeries.of(MetricId.of("isp2.queries"), new TimeRange(T0, T0 + S));
    assertSame(base, base.shifted(0));
    assertSame(base, base.shifted(5 * S).shifted(-5 * S));
    assertEquals(new ShiftedSeries(base, 7 * S), base.shifted(3 * S).shifted(4 * S));
  }

  @Test
  void coarsenessIsAskedWhereTheSourceStampedIt() {
    SampleSeriesWriter w = new SampleSeriesWriter(MetricId.of("isp2.rate"), Unit.PER_SECOND, 300 * S, LabelConvention.START, Consolidation.AVERAGE);
    w.add(T0, 1);
    ResolvableSeries shifted = w.publish().shifted(-600 * S);
    assertEquals(300 * S, shifted.coarsestStepIn(new TimeRange(T0 - 600 * S, T0 - 500 * S)));
    assertEquals(0, shifted.coarsestStepIn(new TimeRange(T0, T0 + 100 * S)));
  }
}
