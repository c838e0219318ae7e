package org.dnsseismograph.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventSeriesTest {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;
  private static final long DAY = 86_400 * S;
  /** 2010-02-01T00:00:00Z, the day of the story. */
  private static final long T0 = 1_264_982_400L * S;
  private static final MetricId QUERIES = MetricId.of("client.queries");

  @Test
  void hundredMillisecondSpikeReachesTheTopOfItsColumnInADayView() {
    long spikeAt = T0 + 20 * 3600 * S + 49 * 60 * S + 10 * S;
    long[] events = new long[86_400 + 500];
    for (int i = 0; i < 86_400; i++) {
      events[i] = T0 + i * S + 500 * MS;
    }
    for (int i = 0; i < 500; i++) {
      events[86_400 + i] = spikeAt + i * 100_000L;
    }
    EventSeries s = EventSeries.of(QUERIES, new TimeRange(T0, T0 + DAY), events);
    ColumnBuffer out = new ColumnBuffer();

    s.reduce(new TimeRange(T0, T0 + DAY), 1920, out);

    int spikeColumn = out.columnAt(spikeAt);
    assertEquals(5000.0, out.max(spikeColumn), 1e-9, "500 events in one 100 ms bin is 5000/s");
    assertEquals(0.0, out.min(spikeColumn), 1e-9, "the column also holds bins without events");
    assertEquals((45 + 500) / 45.0, out.value(spikeColumn), 1e-9);
    assertEquals(545, out.count(spikeColumn), 1e-9);
    for (int i = 0; i < 1920; i++) {
      if (i != spikeColumn) {
        assertEquals(10.0, out.max(i), 1e-9, "one event in a 100 ms bin is 10/s, column " + i);
        assertEquals(1.0, out.value(i), 1e-9, "one event per second, column " + i);
      }
    }
  }

  @Test
  void outsideCoverageIsNaNAndSilenceInsideIsZero() {
    EventSeriesWriter w = new EventSeriesWriter(QUERIES);
    w.setImplicitCoverage(false);
    w.cover(T0, T0 + 600 * S);
    w.cover(T0 + 1200 * S, T0 + 1800 * S);
    for (int i = 0; i < 60; i++) {
      w.append(T0 + i * S);
    }
    EventSeries s = w.sealAll();
    ColumnBuffer out = new ColumnBuffer();

    s.reduce(new TimeRange(T0, T0 + 1800 * S), 30, out);

    assertEquals(1.0, out.value(0), 1e-12);
    for (int i = 1; i < 10; i++) {
      assertEquals(0.0, out.value(i), 0.0, "covered minute without events is a real zero: " + i);
      assertEquals(0.0, out.max(i), 0.0);
    }
    for (int i = 10; i < 20; i++) {
      assertTrue(Double.isNaN(out.value(i)), "a gap in coverage is no data: " + i);
      assertTrue(Double.isNaN(out.max(i)));
      assertEquals(0, out.count(i));
    }
    for (int i = 20; i < 30; i++) {
      assertEquals(0.0, out.value(i), 0.0);
    }
  }

  @Test
  void beforeTheFirstAndAfterTheLastObservationThereIsNoData() {
    EventSeries s = EventSeries.of(QUERIES, new TimeRange(T0, T0 + 10 * S), T0 + 5 * S);
    ColumnBuffer out = new ColumnBuffer();

    s.reduce(new TimeRange(T0 - 10 * S, T0 + 20 * S), 3, out);

    assertFalse(out.hasData(0));
    assertEquals(0.1, out.value(1), 1e-12);
    assertFalse(out.hasData(2));
    assertEquals(new TimeRange(T0, T0 + 10 * S), s.extent());
  }

  @Test
  void fiftyMillisecondWindowShowsEveryEventAtItsMillisecond() {
    long w0 = T0 + 3 * S + 970 * MS;
    long[] events = {w0 + 1 * MS + 1, w0 + 1 * MS + 999_999, w0 + 7 * MS, w0 + 29 * MS + 500_000, w0 + 30 * MS, w0 + 30 * MS + 1,
        w0 + 30 * MS + 2, w0 + 49 * MS + 999_999, w0 + 50 * MS, w0 - 1};
    EventSeries s = EventSeries.of(QUERIES, new TimeRange(T0, T0 + 10 * S), events);
    ColumnBuffer out = new ColumnBuffer();

    s.reduce(new TimeRange(w0, w0 + 50 * MS), 50, out);

    double[] expected = new double[50];
    expected[1] = 2;
    expected[7] = 1;
    expected[29] = 1;
    expected[30] = 3;
    expected[49] = 1;
    for (int i = 0; i < 50; i++) {
      assertEquals(expected[i], out.count(i), 0.0, "millisecond " + i);
      assertEquals(expected[i] * 1000, out.value(i), 1e-9, "rate in millisecond " + i);
    }
  }

  @ParameterizedTest(name = "{0} events, lateness {1} ms, sealed {2}")
  @CsvSource(textBlock = """
      20000, 0, true
      20000, 3000, true
      20000, 3000, false
      200000, 800, false
      """)
  void everyZoomFromADayToFiftyMillisecondsMatchesTheDefinition(int n, long latenessMs, boolean sealAll) {
    Random random = new Random(n + latenessMs);
    long[] events = burstyEvents(random, n, 6 * 3600 * S, latenessMs * MS);
    EventSeriesWriter w = new EventSeriesWriter(QUERIES, 5 * S);
    for (long t : events) {
      w.append(t);
    }
    EventSeries s = sealAll ? w.sealAll() : w.publish();
    assertEquals(n, s.events());
    EventOracle oracle = new EventOracle(events, s.coverage());
    long span = 6 * 3600 * S;
    assertRandomViewsMatch(s, oracle, random, 60, span, T0 - 60 * S, span + 120 * S);
  }

  @Test
  void aCoveredSeriesWithoutEventsMatchesTheDefinitionAtEveryZoom() {
    EventSeriesWriter w = new EventSeriesWriter(QUERIES);
    w.setImplicitCoverage(false);
    w.cover(T0, T0 + 3600 * S);
    w.cover(T0 + 4000 * S + 50 * MS, T0 + 6 * 3600 * S);
    EventSeries s = w.sealAll();
    assertEquals(0, s.events());
    EventOracle oracle = new EventOracle(new long[0], s.coverage());
    Random random = new Random(5);
    long span = 6 * 3600 * S;
    assertRandomViewsMatch(s, oracle, random, 60, span, T0 - 60 * S, span + 120 * S);
  }

  @ParameterizedTest(name = "outage at {0} ms, next to the column edges at 4320 s and 4331.25 s")
  @CsvSource({"4321300", "4320100", "4319900", "4320000", "4331100", "4331200", "4331300", "4339900"})
  void aHundredMillisecondOutageReachesTheBottomOfItsColumnInASixHourView(long outageMs) {
    long outage = T0 + outageMs * MS;
    long span = 6 * 3600 * S;
    long[] events = new long[(int) (span / (20 * MS))];
    int n = 0;
    for (long t = T0; t < T0 + span; t += 20 * MS) {
      if (t < outage || t >= outage + 100 * MS) {
        events[n++] = t;
      }
    }
    EventSeries s = EventSeries.of(QUERIES, new TimeRange(T0, T0 + span), Arrays.copyOf(events, n));
    ColumnBuffer out = new ColumnBuffer();

    s.reduce(new TimeRange(T0, T0 + span), 1920, out);

    int column = out.columnAt(outage);
    assertEquals(0.0, out.min(column), 0.0, "five queries per 100 ms, then none: the band touches zero");
    assertEquals(50.0, out.max(column), 0.0);
    for (int i = 0; i < 1920; i++) {
      if (i != column) {
        assertEquals(Math.min(50.0, out.value(i)), out.min(i), 0.0, "the band holds the mean, column " + i);
        assertEquals(50.0, out.value(i), 0.45, "at most the 5 queries of one bin more or less in 11.25 s, column " + i);
      }
    }
  }

  @Test
  void denseTrafficWithDropoutsMatchesTheDefinitionAtEveryZoom() {
    Random random = new Random(17);
    long span = 2 * 3600 * S;
    long[] events = new long[(int) (span / (3 * MS))];
    int n = 0;
    for (long t = T0; t < T0 + span; t += 3 * MS) {
      boolean dropout = Math.floorMod(t / (37 * MS), 997) < 3;
      if (!dropout || random.nextInt(4) == 0) {
        events[n++] = t + random.nextInt(1000);
      }
    }
    long[] used = Arrays.copyOf(events, n);
    EventSeries s = EventSeries.of(QUERIES, new TimeRange(T0, T0 + span), used);
    EventOracle oracle = new EventOracle(used, s.coverage());
    assertRandomViewsMatch(s, oracle, random, 40, span, T0, span);
  }

  @Test
  void liveTailIsReadTheSameWayAsSealedChunks() {
    long[] events = new long[3000];
    for (int i = 0; i < events.length; i++) {
      events[i] = T0 + i * 7 * MS + (i % 5) * MS;
    }
    EventSeriesWriter w = new EventSeriesWriter(QUERIES, 30 * S);
    for (long t : events) {
      w.append(t);
    }
    EventSeries open = w.publish();
    EventSeries sealed = w.sealAll();
    ColumnBuffer a = new ColumnBuffer();
    ColumnBuffer b = new ColumnBuffer();
    for (TimeRange r : new TimeRange[] {new TimeRange(T0, T0 + 21 * S), new TimeRange(T0 + 3 * S + 1, T0 + 3 * S + 50 * MS)}) {
      open.reduce(r, 700, a);
      sealed.reduce(r, 700, b);
      for (int i = 0; i < 700; i++) {
        assertEquals(b.value(i), a.value(i), 1e-9);
        assertEquals(b.max(i), a.max(i), 1e-9);
        assertEquals(b.min(i), a.min(i), 1e-9);
        assertEquals(b.count(i), a.count(i), 0.0);
      }
    }
  }

  @Test
  void binsHoldingMoreThanTwoBytesOfEventsStayExact() {
    long[] events = new long[70_000];
    for (int i = 0; i < events.length; i++) {
      events[i] = T0 + 10 * S + (i % 100_000) * 1_000L;
    }
    EventSeries s = EventSeries.of(QUERIES, new TimeRange(T0, T0 + 30 * S), events);

    assertEquals(70_000, s.countIn(new TimeRange(T0, T0 + 30 * S)), 0.0);
    assertEquals(50_000, s.countIn(new TimeRange(T0 + 10 * S, T0 + 10 * S + 50 * MS)), 0.0);
    ColumnBuffer out = new ColumnBuffer();
    s.reduce(new TimeRange(T0, T0 + 30 * S), 3, out);
    assertEquals(700_000.0, out.max(1), 1e-6, "70000 events in one 100 ms bin");
  }

  @Test
  void exactDetailIsZeroStepAndNeverTooCoarse() {
    EventSeries s = EventSeries.of(QUERIES, new TimeRange(T0, T0 + DAY), T0 + S);
    assertEquals(0, s.coarsestStepIn(new TimeRange(T0, T0 + DAY)));
    assertFalse(s.tooCoarseFor(new TimeRange(T0, T0 + DAY), MS));
  }

  /**
   * Reduces {@code s} to {@code rounds} random views, each 50 ms to {@code span} wide (evenly on a
   * log scale) and placed at random within {@code room} from {@code from}, into 1 to 1920 columns,
   * and checks every column against the oracle.
   */
  private static void assertRandomViewsMatch(EventSeries s, EventOracle oracle, Random random, int rounds, long span, long from, long room) {
    ColumnBuffer out = new ColumnBuffer();
    for (int round = 0; round < rounds; round++) {
      long width = (long) (50 * MS * Math.pow(span / (50.0 * MS), random.nextDouble()));
      long start = from + (long) (random.nextDouble() * (room - width));
      int columns = 1 + random.nextInt(1920);
      s.reduce(new TimeRange(start, start + width), columns, out);
      for (int i = 0; i < columns; i++) {
        assertColumn(oracle.column(out.columnStart(i), out.columnEnd(i)), out, i);
      }
    }
  }

  static void assertColumn(double[] expected, ColumnBuffer out, int i) {
    String where = "column " + i + " " + TimeUnits.format(out.columnStart(i)) + " .. " + TimeUnits.format(out.columnEnd(i));
    if (Double.isNaN(expected[0])) {
      assertFalse(out.hasData(i), where + " should be no data");
      return;
    }
    double tolerance = 1e-9 * Math.max(1, Math.abs(expected[0]));
    assertEquals(expected[3], out.count(i), 0.0, where + " count");
    assertEquals(expected[0], out.value(i), tolerance, where + " value");
    assertEquals(expected[1], out.min(i), tolerance, where + " min");
    assertEquals(expected[2], out.max(i), tolerance, where + " max");
  }

  /** Poisson-ish background with a few dense bursts, each event up to {@code jitter} late. */
  static long[] burstyEvents(Random random, int n, long span, long jitter) {
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      boolean burst = random.nextInt(10) == 0;
      long at = burst ? span / 3 + (long) (random.nextGaussian() * 200 * MS) : (long) (random.nextDouble() * span);
      t[i] = T0 + Math.max(0, Math.min(span - 1, at));
    }
    Arrays.sort(t);
    long[] arrival = t.clone();
    for (int i = 0; i < n && jitter > 0; i++) {
      // Swap with a neighbour no more than `jitter` later to model late arrival.
      int j = Math.min(n - 1, i + random.nextInt(50));
      if (arrival[j] - arrival[i] <= jitter) {
        long x = arrival[i];
        arrival[i] = arrival[j];
        arrival[j] = x;
      }
    }
    return arrival;
  }

  /**
   * A capture's last packet ends its coverage a nanosecond after it: the column holding it is
   * observed for next to nothing, and its rate is taken over the column (1 ms here), or a 100 ms
   * bin in a wider column, not over that nanosecond.
   */
  @Test
  void aColumnTheCoverageEndsInRatesItsEventsOverTheColumnNotOverTheNanosecondObserved() {
    EventSeriesWriter w = new EventSeriesWriter(QUERIES);
    w.setImplicitCoverage(false);
    long last = T0 + S + 255 * MS + 7;
    for (long t = T0; t < last; t += 10 * MS) {
      w.append(t);
    }
    w.append(last);
    w.cover(T0, last + 1);
    EventSeries s = w.sealAll();

    ColumnBuffer ms = new ColumnBuffer();
    s.reduce(new TimeRange(T0 + S, T0 + 2 * S), 1000, ms);
    int c = ms.columnAt(last);
    assertEquals(1.0, ms.count(c), 0, "the last event alone in its 1 ms column");
    assertEquals(1000.0, ms.value(c), 1e-9, "one event over the 1 ms column");
    assertEquals(1000.0, ms.value(ms.columnAt(T0 + S + 100 * MS)), 1e-9, "as a whole column with one event");
    assertEquals(0.0, ms.value(ms.columnAt(T0 + S + 105 * MS)), 0, "and one without");

    ColumnBuffer wide = new ColumnBuffer();
    s.reduce(new TimeRange(T0, T0 + 4 * S), 4, wide);
    assertEquals(27.0, wide.count(1), 0, "T0 + 1 s to the last event: 1.00, 1.01, ... 1.25 s and the last");
    assertEquals(27.0 / 0.255000008, wide.value(1), 1e-6, "observed for 255 ms and 8 ns, more than a bin: over the observed time");
  }

  /**
   * The last packet of a busy capture 12 ms into a 250 ms column: 2,500 events a second, one every
   * 400 µs, are 31 events in the 12 ms observed. Rated over a 100 ms bin they would read 310/s, a dip
   * to an eighth at the end of every capture; they hold enough events to be rated as observed.
   */
  @Test
  void aBusyColumnTheCoverageEndsInIsRatedOverTheTimeObserved() {
    EventSeriesWriter w = new EventSeriesWriter(QUERIES);
    w.setImplicitCoverage(false);
    long last = T0 + S + 250 * MS + 12 * MS;
    for (long t = T0; t <= last; t += 400_000) {
      w.append(t);
    }
    w.cover(T0, last + 1);
    EventSeries s = w.sealAll();

    ColumnBuffer c = new ColumnBuffer();
    s.reduce(new TimeRange(T0, T0 + 2 * S), 8, c);
    assertEquals(31.0, c.count(5), 0, "1.250 s, 1.2504 s, ... 1.262 s");
    assertEquals(31 / 0.012000001, c.value(5), 1e-6, "31 events over the 12 ms and 1 ns observed: 2,583/s, not 310/s");
    assertEquals(2500.0, c.value(4), 1e-9, "a whole column before it");
  }
}
