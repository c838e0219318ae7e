package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimeBucketsTest {
  private static final long MS = 1_000_000L;

  private final List<long[]> out = new ArrayList<>();
  private final TimeBuckets buckets = new TimeBuckets(3_000 * MS, (key, time, tag) -> out.add(new long[] {key, time, tag}));

  @Test
  void entriesUpToTheSpanOutOfOrderComeOutInKeyOrderEqualKeysInArrivalOrder() {
    SplittableRandom random = new SplittableRandom(7);
    List<long[]> in = new ArrayList<>();
    // The first entry starts the clock: nothing comes before it.
    in.add(new long[] {2_000 * MS, 0, -1});
    buckets.add(2_000 * MS, 0, -1);
    for (int i = 0; i < 20_000; i++) {
      // Keys up to 2.9 s behind the newest, and many equal keys (microsecond steps over 10 s).
      long key = 5_000 * MS + i * 500_000L - random.nextLong(2_900 * MS) / 1000 * 1000;
      in.add(new long[] {key, key + i, i});
      buckets.add(key, key + i, i);
    }
    buckets.drainBefore(Long.MAX_VALUE);
    in.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[2], b[2]));
    assertEquals(in.size(), out.size());
    for (int i = 0; i < in.size(); i++) {
      assertEquals(List.of(in.get(i)[0], in.get(i)[1], in.get(i)[2]), List.of(out.get(i)[0], out.get(i)[1], out.get(i)[2]), "entry " + i);
    }
  }

  @Test
  void onlyWholeBucketsBeforeTheLimitAreHandedOut() {
    buckets.add(10 * MS + 5, 1, 1);
    buckets.add(11 * MS, 2, 2);
    buckets.add(10 * MS, 3, 3);
    buckets.drainBefore(11 * MS + 999_999);
    assertEquals(List.of(10 * MS, 10 * MS + 5), out.stream().map(e -> e[0]).toList());
  }

  @Test
  void anEntryLaterThanTheSpanGoesOutAtOnceAndOneBeyondTheRingPushesTheOldestOut() {
    buckets.add(100 * MS, 1, 1);
    buckets.drainBefore(200 * MS);
    buckets.add(50 * MS, 2, 2);
    assertEquals(List.of(100 * MS, 50 * MS), out.stream().map(e -> e[0]).toList());
    buckets.add(300 * MS, 3, 3);
    buckets.add(3_600_000 * MS, 4, 4);
    assertEquals(List.of(100 * MS, 50 * MS, 300 * MS), out.stream().map(e -> e[0]).toList());
  }
}
