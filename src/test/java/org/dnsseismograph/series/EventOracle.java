package org.dnsseismograph.series;

import java.util.Arrays;

/**
 * The definition of what an event series shows, computed the slow obvious way from the sorted
 * event times: count in the covered part of each column, rate = count / covered time, band = the
 * rates of the 100 ms bins whose start lies in a covered part of the column (columns narrower than
 * 100 ms: their own rate).
 */
final class EventOracle {
  private static final long BIN = 100_000_000L;
  private final long[] sorted;
  private final Coverage coverage;

  EventOracle(long[] events, Coverage coverage) {
    this.sorted = events.clone();
    Arrays.sort(this.sorted);
    this.coverage = coverage;
  }

  long count(long from, long to) {
    return lowerBound(to) - lowerBound(from);
  }

  /** {value, min, max, count} of column [c0, c1); value NaN when not covered. */
  double[] column(long c0, long c1) {
    long covered = 0;
    long n = 0;
    long minBin = Long.MAX_VALUE;
    long maxBin = -1;
    for (int k = 0; k < coverage.size(); k++) {
      long s = Math.max(c0, coverage.start(k));
      long e = Math.min(c1, coverage.end(k));
      if (s >= e) {
        continue;
      }
      covered += e - s;
      n += count(s, e);
      for (long b = -Math.floorDiv(-s, BIN) * BIN; b < e; b += BIN) {
        long inBin = count(b, b + BIN);
        minBin = Math.min(minBin, inBin);
        maxBin = Math.max(maxBin, inBin);
      }
    }
    if (covered == 0) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN, 0};
    }
    double value = n * 1e9 / covered;
    if (c1 - c0 < BIN || maxBin < 0) {
      return new double[] {value, value, value, n};
    }
    return new double[] {value, Math.min(value, minBin * 10.0), Math.max(value, maxBin * 10.0), n};
  }

  private int lowerBound(long t) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
