package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dnsseismograph.series.LatencyHistogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatencyColumnsTest {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  @Test
  void openHistogramsStayBoundedByTheHorizonOverALongStream() {
    BucketAxis axis = new BucketAxis(MS, null, 1 << 22);
    LatencyColumns latency = new LatencyColumns(axis, 3 * S);
    Random rnd = new Random(1);
    int maxOpen = 0;
    for (long t = 0; t < 60 * S; t += 50_000) {
      axis.advanceClock(t);
      long rtt = rnd.nextInt(3000) * MS;
      if (t - rtt >= 0) {
        latency.record(t - rtt, rtt);
      }
      maxOpen = Math.max(maxOpen, latency.openCount());
    }
    // 3 s of 1 ms buckets, plus the bucket in progress and the one just past the horizon.
    assertTrue(maxOpen <= 3002, "open histograms: " + maxOpen);
    assertEquals(0, latency.lateSamples());
  }

  @Test
  void percentilesOfEachBucketMatchTheExactNearestRankOfItsQueries() {
    BucketAxis axis = new BucketAxis(100 * MS, null, 1 << 22);
    LatencyColumns latency = new LatencyColumns(axis, 3 * S);
    Random rnd = new Random(2);
    List<List<Long>> byBucket = new ArrayList<>();
    for (int b = 0; b < 50; b++) {
      byBucket.add(new ArrayList<>());
    }
    for (long t = 0; t < 5 * S; t += 137_000) {
      long rtt = (long) Math.exp(13 + 2 * rnd.nextGaussian());
      axis.advanceClock(t + Math.min(rtt, 3 * S));
      latency.record(t, Math.min(rtt, 3 * S));
      byBucket.get((int) (t / (100 * MS))).add(Math.min(rtt, 3 * S));
    }
    latency.finish();
    double[][] got = new double[4][50];
    for (int w = 0; w < 4; w++) {
      latency.fill(w, 0, got[w]);
    }
    for (int b = 0; b < 50; b++) {
      List<Long> v = byBucket.get(b);
      v.sort(null);
      int[] ranks = {(v.size() + 1) / 2, (9 * v.size() + 9) / 10, (99 * v.size() + 99) / 100, v.size()};
      for (int w = 0; w < 4; w++) {
        double exact = v.get(ranks[w] - 1) / 1e6;
        assertEquals(exact, got[w][b], exact / 1024, "bucket " + b + " statistic " + w);
      }
    }
  }

  @Test
  void samplesForABucketJustClosedAreAllLateNotOnlyTheFirst() {
    BucketAxis axis = new BucketAxis(S, null, 1 << 22);
    LatencyColumns latency = new LatencyColumns(axis, 3 * S);
    latency.record(500 * MS, 7 * MS);
    axis.advanceClock(10 * S);
    latency.record(600 * MS, 8 * MS);
    latency.record(700 * MS, 9 * MS);

    assertEquals(2, latency.lateSamples());
    double[] max = new double[1];
    latency.fill(3, 0, max);
    assertEquals(7.0, max[0], "bucket 0 closed with its one timely sample");
  }

  /**
   * The rules written plainly: a sample goes to its query's bucket unless the clock (the latest
   * message or query time) is already more than the horizon past that bucket's end, in which case
   * it is late; each bucket's statistics are a histogram of its samples. Random query times mostly
   * advance with the clock, sometimes fall behind by up to twice the horizon, sometimes jump ahead.
   */
  @ParameterizedTest(name = "step {0} ns, horizon {1} ns, seed {2}")
  @CsvSource({"1000000000, 3000000000, 1", "100000000, 3000000000, 2", "1000, 3000, 3", "1000000, 1000000, 4"})
  void everySampleLandsInItsBucketOrIsLateExactlyAsTheRulesSay(long step, long horizon, long seed) {
    BucketAxis axis = new BucketAxis(step, null, 1 << 22);
    LatencyColumns latency = new LatencyColumns(axis, horizon);
    Map<Long, LatencyHistogram> expected = new HashMap<>();
    Random rnd = new Random(seed);
    long clock = 1_700_000_000L * S;
    long late = 0;
    for (int i = 0; i < 300_000; i++) {
      clock += rnd.nextInt(16) == 0 ? below(rnd, 2 * step) : below(rnd, step / 100);
      if (rnd.nextInt(3) == 0) {
        axis.advanceClock(clock);
      }
      long query = switch (rnd.nextInt(50)) {
        case 0 -> clock - below(rnd, 2 * horizon);
        case 1 -> clock + below(rnd, step);
        default -> clock - below(rnd, horizon / 10);
      };
      long rtt = rnd.nextInt(20) == 0 ? -rnd.nextInt(1000) : (long) Math.exp(8 + 3 * rnd.nextDouble());
      latency.record(query, rtt);
      long now = Math.max(axis.clock(), query);
      long bucket = Math.floorDiv(query, step);
      if (bucket < Math.floorDiv(now - horizon - 1, step)) {
        late++;
      } else {
        expected.computeIfAbsent(bucket, b -> new LatencyHistogram()).record(Math.max(0, rtt));
      }
    }
    assertEquals(late, latency.lateSamples());
    long first = axis.firstBucket();
    double[][] got = new double[4][(int) axis.bucketCount()];
    for (int w = 0; w < 4; w++) {
      latency.fill(w, first, got[w]);
    }
    latency.finish();
    double[][] finished = new double[4][got[0].length];
    for (int w = 0; w < 4; w++) {
      latency.fill(w, first, finished[w]);
    }
    for (int i = 0; i < got[0].length; i++) {
      LatencyHistogram h = expected.get(first + i);
      for (int w = 0; w < 4; w++) {
        double want = h == null ? Double.NaN : (w < 3 ? h.valueAtPercentile(LatencyColumns.PERCENTILES[w]) : h.max()) / 1e6;
        assertEquals(want, got[w][i], "bucket " + (first + i) + " statistic " + w + " before the end");
        assertEquals(want, finished[w][i], "bucket " + (first + i) + " statistic " + w + " after the end");
      }
    }
    assertTrue(late > 100 && expected.size() > 10, "the stream had late samples and several buckets: " + late + ", " + expected.size());
  }

  /** A random long in {@code [0, n)}, 0 when {@code n} is at most 1. */
  private static long below(Random rnd, long n) {
    return n <= 1 ? 0 : (long) (rnd.nextDouble() * n);
  }
}
