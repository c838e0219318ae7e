package org.dnsseismograph.testsupport;

import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.EventSeriesWriter;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;

/**
 * Client query series with a short burst, made from first principles, for the tests that check
 * drawn pixels (the exported picture and the window's timeline) where the geometry says the burst,
 * a gap and a silence must land. Each is the source "cap" with the one event series
 * {@code client.queries}. Times are epoch nanoseconds; stateless.
 */
public final class BurstSeries {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;
  /** The first instant of every series here (2010-02-01T20:00:00Z). */
  public static final long T0 = 1_265_054_400L * S;
  /** The start of {@link #tenMinutes()}'s burst, 123.4 s after {@link #T0}. */
  public static final long TEN_MINUTES_BURST = T0 + 123_400 * MS;
  /** The start of {@link #day()}'s burst, 37,000.1 s after {@link #T0}. */
  public static final long DAY_BURST = T0 + 37_000 * S + 100 * MS;
  /** The span of {@link #day()}. */
  public static final long DAY = 86_400 * S;

  private BurstSeries() {}

  /**
   * Two queries a second over ten minutes, except: a burst of 400 in the 100 ms from 123.4 s;
   * nothing captured from 200 s to 260 s (a gap); captured but silent from 400 s to 460 s (a zero).
   */
  public static SeriesSet tenMinutes() {
    EventSeriesWriter w = new EventSeriesWriter(MetricId.of("client.queries"));
    w.setImplicitCoverage(false);
    w.cover(T0, T0 + 200 * S);
    w.cover(T0 + 260 * S, T0 + 600 * S);
    List<Long> t = new ArrayList<>();
    for (long k = 0; k < 1200; k++) {
      long x = T0 + k * 500 * MS + 250 * MS;
      boolean gap = x >= T0 + 200 * S && x < T0 + 260 * S;
      boolean quiet = x >= T0 + 400 * S && x < T0 + 460 * S;
      if (!gap && !quiet) {
        t.add(x);
      }
    }
    for (int k = 0; k < 400; k++) {
      t.add(TEN_MINUTES_BURST + k * 250_000L);
    }
    t.stream().sorted().forEach(w::append);
    return SeriesSet.of("cap", List.of(w.sealAll()));
  }

  /** One query every 10 s for a day, and 300 more in 90 ms from {@link #DAY_BURST}. */
  public static SeriesSet day() {
    long[] t = new long[8640 + 300];
    for (int k = 0; k < 8640; k++) {
      t[k] = T0 + k * 10 * S;
    }
    for (int k = 0; k < 300; k++) {
      t[8640 + k] = DAY_BURST + k * 300_000L;
    }
    EventSeries q = EventSeries.of(MetricId.of("client.queries"), new TimeRange(T0, T0 + DAY), t);
    return SeriesSet.of("cap", List.of(q));
  }
}
