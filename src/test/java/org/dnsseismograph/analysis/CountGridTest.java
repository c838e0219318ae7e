package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.wire.ScanSummary.FileSpan;
import org.junit.jupiter.api.Test;

/**
 * Which buckets of the detectors' grid are observations: captured ones for every count, and for
 * the counts of unanswered queries only those the capture watched on for a whole timeout after.
 * Grid of 1 s from 0, timeout 3 s; expected buckets worked out by hand from the spans.
 */
class CountGridTest {
  private static final long S = TimeUnits.NANOS_PER_SECOND;
  private static final long MS = TimeUnits.NANOS_PER_MILLI;

  @Test
  void aBucketIsDecidedWhenItsLastNanosecondIsATimeoutBeforeTheLastFrame() {
    // Frames from 0 to 9.5 s: a query at 6.5 s could be answered until 9.5 s, still watched; one
    // in bucket 6 just after 6.5 s could not. So buckets 0-5 are decided, 6-9 are not.
    boolean[] decided = CountGrid.decided(0, S, 10, List.of(new FileSpan(0, 9 * S + 500 * MS)), 3 * S);
    assertArrayEquals(new boolean[] {true, true, true, true, true, true, false, false, false, false}, decided);
    // The last frame exactly 3 s after bucket 6's last nanosecond: bucket 6 is decided too.
    boolean[] exact = CountGrid.decided(0, S, 10, List.of(new FileSpan(0, 10 * S - 1)), 3 * S);
    assertArrayEquals(new boolean[] {true, true, true, true, true, true, true, false, false, false}, exact);
  }

  @Test
  void filesCloserThanATimeoutAreOneStretchAndALongerGapEndsOne() {
    // 0-4.2 s and 6-9.9 s: 1.8 s apart, one stretch to 9.9 s (buckets 0-5 decided).
    assertArrayEquals(new boolean[] {true, true, true, true, true, true, false, false, false, false},
        CountGrid.decided(0, S, 10, List.of(new FileSpan(6 * S, 9 * S + 900 * MS), new FileSpan(0, 4 * S + 200 * MS)), 3 * S));
    // 0-4.2 s and 8-19.9 s: 3.8 s apart, two stretches: bucket 0 decided in the first (its end 1 s
    // + 3 s <= 4.2 s), buckets 8-15 in the second; the gap's buckets 5-7 never.
    boolean[] twoStretches = CountGrid.decided(0, S, 20, List.of(new FileSpan(0, 4 * S + 200 * MS), new FileSpan(8 * S, 19 * S + 900 * MS)), 3 * S);
    boolean[] expected = new boolean[20];
    expected[0] = true;
    for (int b = 8; b <= 15; b++) {
      expected[b] = true;
    }
    assertArrayEquals(expected, twoStretches);
  }

  @Test
  void everyBucketDecidedIsNull() {
    assertNull(CountGrid.decided(0, S, 5, List.of(new FileSpan(0, 8 * S)), 3 * S));
  }

  @Test
  void theUnansweredCountsAreKnownWhereDecidedAndTheOthersWhereCaptured() {
    double[] ones = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    CountGrid g = new CountGrid(0, S, 10, Map.of(MetricId.of("client.unanswered"), ones, MetricId.of("client.queries"), ones))
        .covering(List.of(new FileSpan(0, 9 * S + 500 * MS)), 3 * S);
    assertNull(g.known("client.queries"));
    assertArrayEquals(g.decided(), g.known("client.unanswered"));
    assertArrayEquals(g.decided(), g.known("upstream.timeouts"));
    // 10 queries in 10 captured seconds; 6 unanswered in the 6 decided ones, the rest left out.
    assertEquals(1.0, g.rate("client.queries", 0, 10 * S));
    assertEquals(1.0, g.rate("client.unanswered", 0, 10 * S));
    assertEquals(Double.NaN, g.rate("client.unanswered", 6 * S, 10 * S));
  }
}
