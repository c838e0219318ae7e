package org.dnsseismograph.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SampleSeriesTest {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;
  private static final long T0 = 1_264_982_400L * S;
  private static final MetricId RATE = MetricId.of("operator.isp1.queries");

  @ParameterizedTest(name = "{0}-labelled sample at +{1} s covers [+{2} s, +{3} s)")
  @CsvSource(textBlock = """
      START, 60, 60, 120
      END,   60, 0,  60
      START, 0,  0,  60
      END,   120, 60, 120
      """)
  void theLabelConventionDecidesWhichIntervalASampleDescribes(LabelConvention label, long at, long from, long to) {
    SampleSeriesWriter w = new SampleSeriesWriter(RATE, Unit.PER_SECOND, 60 * S, label, Consolidation.AVERAGE);
    w.add(T0 + at * S, 42.0);
    SampleSeries s = w.publish();

    assertEquals(new TimeRange(T0 + from * S, T0 + to * S), s.extent());
    ColumnBuffer out = new ColumnBuffer();
    s.reduce(new TimeRange(T0, T0 + 180 * S), 3, out);
    for (int i = 0; i < 3; i++) {
      boolean inside = i * 60 >= from && i * 60 < to;
      assertEquals(inside, out.hasData(i), "minute " + i);
    }
    assertEquals(42.0, out.value((int) (from / 60)), 0.0);
  }

  @Test
  void aMissingSampleIsAGapNotAZero() {
    SampleSeriesWriter w = new SampleSeriesWriter(RATE, Unit.PER_SECOND, S, LabelConvention.START, Consolidation.AVERAGE);
    for (int i : new int[] {0, 1, 2, 4, 5}) {
      w.add(T0 + i * S, 10.0 + i);
    }
    w.add(T0 + 6 * S, Double.NaN);
    w.add(T0 + 7 * S, Double.POSITIVE_INFINITY);
    w.add(T0 + 8 * S, 0.0);
    SampleSeries s = w.publish();
    ColumnBuffer out = new ColumnBuffer();

    s.reduce(new TimeRange(T0, T0 + 9 * S), 9, out);

    double[] expected = {10, 11, 12, Double.NaN, 14, 15, Double.NaN, Double.NaN, 0};
    for (int i = 0; i < 9; i++) {
      assertEquals(expected[i], out.value(i), 0.0, "second " + i);
    }
    assertEquals(0, out.count(3));
    assertEquals(9, s.size(), "the missing second is kept as a NaN step, boundaries stay implicit");
    s.reduce(new TimeRange(T0, T0 + 9 * S), 1, out);
    assertEquals((10 + 11 + 12 + 14 + 15 + 0) / 6.0, out.value(0), 1e-12, "gaps weigh nothing in the mean");
    assertEquals(6, out.count(0));
  }

  @Test
  void aCoarseSampleIsDrawnAsAStepSpanningItsInterval() {
    SampleSeriesWriter w = new SampleSeriesWriter(RATE, Unit.PER_SECOND, 300 * S, LabelConvention.END, Consolidation.AVERAGE);
    w.add(T0 + 300 * S, 7.0);
    w.add(T0 + 600 * S, 9.0);
    SampleSeries s = w.publish();
    ColumnBuffer out = new ColumnBuffer();

    s.reduce(new TimeRange(T0, T0 + 600 * S), 600, out);

    for (int i = 0; i < 600; i++) {
      assertEquals(i < 300 ? 7.0 : 9.0, out.value(i), 0.0, "second " + i);
      assertEquals(out.value(i), out.min(i), 0.0);
      assertEquals(out.value(i), out.max(i), 0.0);
    }
    s.reduce(new TimeRange(T0 + 299 * S + 990 * MS, T0 + 300 * S + 10 * MS), 20, out);
    assertEquals(7.0, out.value(9), 0.0);
    assertEquals(9.0, out.value(10), 0.0);
  }

  @Test
  void aOneSecondPeakSurvivesADayWideView() {
    SampleSeriesWriter w = new SampleSeriesWriter(RATE, Unit.PER_SECOND, S, LabelConvention.START, Consolidation.AVERAGE);
    long peak = 43_200;
    for (long i = 0; i < 86_400; i++) {
      w.add(T0 + i * S, i == peak ? 1000.0 : 1.0);
    }
    SampleSeries s = w.publish();
    ColumnBuffer out = new ColumnBuffer();

    s.reduce(new TimeRange(T0, T0 + 86_400 * S), 1920, out);

    int column = out.columnAt(T0 + peak * S);
    assertEquals(1000.0, out.max(column), 0.0);
    assertEquals(1.0, out.min(column), 0.0);
    assertEquals((44 + 1000) / 45.0, out.value(column), 1e-9);
    assertEquals(45, out.count(column), 0.0);
    for (int i = 0; i < 1920; i++) {
      if (i != column) {
        assertEquals(1.0, out.max(i), 0.0, "column " + i);
      }
    }
  }

  @ParameterizedTest
  @CsvSource(textBlock = """
      AVERAGE, 4.0
      MIN,     1.0
      MAX,     9.0
      """)
  void theConsolidationDecidesWhatAWideColumnShows(Consolidation consolidation, double expected) {
    SampleSeriesWriter w = new SampleSeriesWriter(RATE, Unit.MILLISECONDS, 10 * S, LabelConvention.START, consolidation);
    w.add(T0, 1.0);
    w.add(T0 + 10 * S, 2.0);
    w.add(T0 + 20 * S, 9.0);
    SampleSeries s = w.publish();
    ColumnBuffer out = new ColumnBuffer();

    s.reduce(new TimeRange(T0, T0 + 30 * S), 1, out);

    assertEquals(expected, out.value(0), 1e-12);
    assertEquals(1.0, out.min(0), 0.0);
    assertEquals(9.0, out.max(0), 0.0);
  }

  @Test
  void aSeriesCoarserThanTheSpikeWidthLookedAtSaysSo() {
    SampleSeriesWriter w = new SampleSeriesWriter(RATE, Unit.PER_SECOND, 300 * S, LabelConvention.END, Consolidation.AVERAGE);
    w.add(T0 + 300 * S, 1);
    w.add(T0 + 600 * S, 1);
    w.addInterval(T0 + 600 * S, T0 + 4200 * S, 1);
    SampleSeries s = w.publish();

    assertTrue(s.tooCoarseFor(new TimeRange(T0, T0 + 600 * S), 10 * S));
    assertFalse(s.tooCoarseFor(new TimeRange(T0, T0 + 600 * S), 600 * S));
    assertEquals(300 * S, s.coarsestStepIn(new TimeRange(T0 + 10 * S, T0 + 20 * S)));
    assertEquals(3600 * S, s.coarsestStepIn(new TimeRange(T0, T0 + 7200 * S)));
    assertEquals(0, s.coarsestStepIn(new TimeRange(T0 + 9000 * S, T0 + 9100 * S)), "no sample there: nothing to warn about");
  }

  @Test
  void samplesGoingBackInTimeAreSkippedAndCountedAndSmallJitterIsNoGap() {
    SampleSeriesWriter w = new SampleSeriesWriter(RATE, Unit.PER_SECOND, S, LabelConvention.START, Consolidation.AVERAGE);
    assertTrue(w.add(T0, 1));
    assertTrue(w.add(T0 + S + 20 * MS, 2));
    assertFalse(w.add(T0 + S, 3));
    assertTrue(w.add(T0 + 2 * S, 4));
    assertTrue(w.add(T0 + 5 * S, 5));
    assertFalse(w.addInterval(T0 + 9 * S, T0 + 9 * S, 6), "two readings at the same time make no interval");
    SampleSeries s = w.publish();

    assertEquals(2, s.skipped());
    assertEquals(List.of(1.0, 2.0, 4.0, Double.NaN, 5.0), values(s));
    assertEquals(T0 + S, s.start(1), "a 20 ms hole is absorbed by the next sample");
    assertEquals(T0 + 2 * S + 20 * MS, s.start(2), "an overlap is clipped");
    assertEquals(T0 + 3 * S, s.start(3));
    assertEquals(T0 + 5 * S, s.end(3), "a 2 s hole is a gap");
  }

  @Test
  void aSnapshotIgnoresSamplesAddedAfterIt() {
    SampleSeriesWriter w = new SampleSeriesWriter(RATE, Unit.PER_SECOND, S, LabelConvention.START, Consolidation.AVERAGE);
    for (int i = 0; i < 100; i++) {
      w.add(T0 + i * S, i);
    }
    SampleSeries early = w.publish();
    for (int i = 100; i < 10_000; i++) {
      w.add(T0 + i * S + (i % 3) * MS, -i);
    }
    w.publish();

    ColumnBuffer out = new ColumnBuffer();
    early.reduce(new TimeRange(T0, T0 + 200 * S), 1, out);
    assertEquals(99.0 / 2, out.value(0), 1e-12);
    assertEquals(100, early.size());
    assertEquals(new TimeRange(T0, T0 + 100 * S), early.extent());
  }

  @Test
  void readersSeeWholeSnapshotsWhileAWriterAppends() throws Exception {
    SampleSeriesWriter w = new SampleSeriesWriter(RATE, Unit.PER_SECOND, 100 * MS, LabelConvention.END, Consolidation.AVERAGE);
    java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    Thread reader = new Thread(() -> {
      ColumnBuffer out = new ColumnBuffer();
      try {
        while (done.getCount() > 0) {
          SampleSeries s = w.snapshot();
          if (s.size() > 0) {
            s.reduce(s.extent(), 1, out);
            assertEquals(s.size(), out.count(0), 0.0);
            assertEquals((s.size() - 1) / 2.0, out.value(0), 1e-6);
            assertEquals(s.size() - 1, out.max(0), 0.0);
          }
        }
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    reader.start();
    for (int i = 0; i < 1_000_000; i++) {
      w.add(T0 + (i + 1) * 100 * MS, i);
      if (i % 1000 == 0) {
        w.publish();
      }
    }
    done.countDown();
    reader.join();
    if (failure.get() != null) {
      throw new AssertionError("reader failed", failure.get());
    }
  }

  @Test
  void irregularSamplesWithGapsMatchTheDefinitionAtEveryZoom() {
    Random random = new Random(11);
    SampleSeriesWriter w = new SampleSeriesWriter(RATE, Unit.PER_SECOND, S, LabelConvention.START, Consolidation.AVERAGE);
    w.setGapTolerance(0);
    List<long[]> spans = new ArrayList<>();
    List<Double> vals = new ArrayList<>();
    long t = T0;
    for (int i = 0; i < 50_000; i++) {
      t += random.nextInt(8) == 0 ? random.nextInt(5000) * MS : 0;
      long end = t + 1 + random.nextInt(3000) * MS;
      double v = random.nextInt(20) == 0 ? Double.NaN : random.nextGaussian() * 100;
      w.addInterval(t, end, v);
      spans.add(new long[] {t, end});
      vals.add(v);
      t = end;
    }
    assertRandomZoomsMatch(w.publish(), spans, vals, t, random);
  }

  @Test
  void regularSamplesWithGapsMatchTheDefinitionAtEveryZoom() {
    Random random = new Random(12);
    long step = 100 * MS;
    SampleSeriesWriter w = new SampleSeriesWriter(RATE, Unit.PER_SECOND, step, LabelConvention.START, Consolidation.AVERAGE);
    List<long[]> spans = new ArrayList<>();
    List<Double> vals = new ArrayList<>();
    long t = T0;
    for (int i = 0; i < 50_000; i++) {
      double v = random.nextInt(20) == 0 ? Double.NaN : random.nextGaussian() * 100;
      w.add(t, v);
      spans.add(new long[] {t, t + step});
      vals.add(v);
      t += step;
    }
    assertRandomZoomsMatch(w.publish(), spans, vals, t, random);
  }

  /** 40 random views from 10 ms to the whole series (plus a second either side), every ~97th column checked. */
  private static void assertRandomZoomsMatch(SampleSeries s, List<long[]> spans, List<Double> vals, long end, Random random) {
    ColumnBuffer out = new ColumnBuffer();
    for (int round = 0; round < 40; round++) {
      long width = (long) (10 * MS * Math.pow((end - T0) / (10.0 * MS), random.nextDouble()));
      long start = T0 - S + (long) (random.nextDouble() * (end - T0 - width + 2 * S));
      int columns = 1 + random.nextInt(1920);
      s.reduce(new TimeRange(start, start + width), columns, out);
      for (int i = 0; i < columns; i += 1 + columns / 97) {
        assertColumn(spans, vals, out, i);
      }
    }
  }

  private static void assertColumn(List<long[]> spans, List<Double> vals, ColumnBuffer out, int i) {
    long c0 = out.columnStart(i);
    long c1 = out.columnEnd(i);
    double wsum = 0;
    double wdur = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int n = 0;
    for (int k = 0; k < spans.size(); k++) {
      long overlap = Math.min(c1, spans.get(k)[1]) - Math.max(c0, spans.get(k)[0]);
      double v = vals.get(k);
      if (overlap > 0 && !Double.isNaN(v)) {
        wsum += v * overlap;
        wdur += overlap;
        min = Math.min(min, v);
        max = Math.max(max, v);
        n++;
      }
    }
    if (n == 0) {
      assertFalse(out.hasData(i), "column " + i + " has no sample");
      return;
    }
    assertEquals(n, out.count(i), 0.0, "column " + i);
    assertEquals(wsum / wdur, out.value(i), 1e-9 * Math.max(1, Math.abs(wsum / wdur)), "column " + i);
    assertEquals(min, out.min(i), 0.0);
    assertEquals(max, out.max(i), 0.0);
  }

  private static List<Double> values(SampleSeries s) {
    List<Double> v = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      v.add(s.value(i));
    }
    return v;
  }
}
