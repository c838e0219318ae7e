package org.dnsseismograph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.series.ColumnBuffer;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.TimeRange;
import org.junit.jupiter.api.Test;

class RatioSeriesTest {
  private static final long S = 1_000_000_000L;
  private static final long T0 = 1_265_054_400L * S;

  /** Ten queries a second for 60 s, each answered 20 ms later except in seconds 30..32 (dark) ; nothing asked in 50..55. */
  private static RatioSeries server() {
    List<Long> q = new ArrayList<>();
    List<Long> r = new ArrayList<>();
    for (int sec = 0; sec < 60; sec++) {
      if (sec >= 50 && sec < 55) {
        continue;
      }
      for (int k = 0; k < 10; k++) {
        long t = T0 + sec * S + k * 90_000_000L;
        q.add(t);
        if (sec < 30 || sec >= 33) {
          r.add(t + 20_000_000L);
        }
      }
    }
    TimeRange observed = new TimeRange(T0, T0 + 60 * S);
    EventSeries queries = EventSeries.of(MetricId.of("upstream.server.a.queries"), observed, q.stream().mapToLong(Long::longValue).toArray());
    EventSeries answers = EventSeries.of(MetricId.of("upstream.server.a.responses"), observed, r.stream().mapToLong(Long::longValue).toArray());
    return new RatioSeries(MetricId.of("upstream.server.a.answer_ratio"), answers, queries);
  }

  @Test
  void narrowColumnsShowTheRatioOfTheirSecond() {
    ColumnBuffer out = new ColumnBuffer();
    server().reduce(new TimeRange(T0 + 29 * S, T0 + 34 * S), 500, out);
    for (int i = 0; i < 500; i++) {
      int second = 29 + i / 100;
      double expected = second >= 30 && second < 33 ? 0 : 1;
      assertEquals(expected, out.value(i), 0.0, "column " + i);
    }
  }

  @Test
  void aSecondWithoutQueriesIsNoDataNotAZero() {
    ColumnBuffer out = new ColumnBuffer();
    server().reduce(new TimeRange(T0 + 49 * S, T0 + 56 * S), 7, out);
    assertEquals(1, out.value(0), 0.0);
    for (int i = 1; i <= 5; i++) {
      assertFalse(out.hasData(i), "second " + (49 + i));
    }
    assertEquals(1, out.value(6), 0.0);
  }

  @Test
  void aWideColumnKeepsItsDarkestPartAsTheBandsLowerEdge() {
    ColumnBuffer out = new ColumnBuffer();
    server().reduce(new TimeRange(T0 + 24 * S, T0 + 40 * S), 1, out);
    // 16 s in 8 parts of 2 s: the part [30, 32) got no answers at all; over the whole column 130 of 160 were answered.
    assertEquals(130 / 160.0, out.value(0), 1e-12);
    assertEquals(0, out.min(0), 0.0);
    assertEquals(1, out.max(0), 0.0);
    assertEquals(160, out.count(0), 0.0);
  }
}
