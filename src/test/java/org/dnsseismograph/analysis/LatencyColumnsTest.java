package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

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
}
