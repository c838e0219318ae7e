package org.dnsseismograph.analysis;

import java.util.ArrayDeque;
import org.dnsseismograph.series.LatencyHistogram;
import org.dnsseismograph.series.TimeUnits;

/**
 * Latency percentiles (p50, p90, p99, max; milliseconds) per bucket of query time, streaming in
 * bounded memory.
 *
 * <p>An answer reaches us up to the matcher's timeout after its query, so a bucket stays open (one
 * pooled {@link LatencyHistogram}) until the clock is more than the horizon past its end; then its
 * percentiles are computed into four value columns and the histogram goes back to the pool. Open
 * buckets live in a ring indexed by bucket number, sized to the horizon, so at most {@code horizon
 * / step + 3} histograms exist at once and none is allocated once the pool is warm. A sample for a
 * bucket already closed (input out of order by more than the horizon) is dropped and counted.
 *
 * <p>Percentiles are nearest-rank with the histogram's precision (relative error at most 2^-10);
 * max is exact. A bucket with no answered query has no value (NaN). Confined to the aggregating
 * thread.
 */
final class LatencyColumns {
  static final int[] PERCENTILES = {50, 90, 99};
  private static final double NANOS_PER_MS = TimeUnits.NANOS_PER_MILLI;

  private final BucketAxis axis;
  private final long step;
  private final long horizon;
  private final ValueColumn[] percentiles = {new ValueColumn(), new ValueColumn(), new ValueColumn()};
  private final ValueColumn max = new ValueColumn();
  private final LatencyHistogram[] ring;
  private final long[] ringBucket;
  private final int[] ringSlot;
  private final int mask;
  private final ArrayDeque<LatencyHistogram> pool = new ArrayDeque<>();
  /** The percentiles of the bucket being closed, in nanoseconds. */
  private final long[] closing = new long[PERCENTILES.length];
  private int openCount;
  /** Lowest bucket number that may still be open. */
  private long scanFrom;
  /** Buckets below this number are final. */
  private long finalBelow = Long.MIN_VALUE;
  /** The clock at which {@link #finalBelow} next moves. */
  private long nextDueClock = Long.MIN_VALUE;
  private long lateSamples;
  /** The open histogram of the bucket {@code [hotStart, hotEnd)} that took the last sample. */
  private LatencyHistogram hot;

  private long hotStart = 1;
  private long hotEnd = 0;

  LatencyColumns(BucketAxis axis, long horizonNanos) {
    this.axis = axis;
    this.step = axis.step();
    this.horizon = horizonNanos;
    int size = Integer.highestOneBit((int) (horizonNanos / step + 3) * 2 - 1);
    ring = new LatencyHistogram[size];
    ringBucket = new long[size];
    ringSlot = new int[size];
    mask = size - 1;
  }

  /** Records the latency of a query sent at {@code queryTime} (a negative latency counts as 0). */
  void record(long queryTime, long latencyNanos) {
    // The clock is at least the query's time; this keeps the open buckets bounded even for a
    // caller that feeds transactions without their messages.
    axis.advanceClock(queryTime);
    if (queryTime >= hotStart && queryTime < hotEnd && axis.clock() < nextDueClock) {
      // The bucket of the last sample, still open: nothing can have closed it before the due clock.
      hot.record(Math.max(0, latencyNanos));
      return;
    }
    recordElsewhere(queryTime, latencyNanos);
  }

  private void recordElsewhere(long queryTime, long latencyNanos) {
    int slot = axis.slotOf(queryTime);
    if (slot < 0) {
      return;
    }
    long b = axis.lastBucket();
    if (axis.clock() >= nextDueClock) {
      closeDue();
    }
    if (b < finalBelow) {
      lateSamples++;
      return;
    }
    int i = (int) b & mask;
    LatencyHistogram h = ring[i];
    if (h == null) {
      h = pool.isEmpty() ? new LatencyHistogram() : pool.pop();
      ring[i] = h;
      ringBucket[i] = b;
      ringSlot[i] = slot;
      scanFrom = openCount == 0 ? b : Math.min(scanFrom, b);
      openCount++;
    } else if (ringBucket[i] != b) {
      throw new IllegalStateException("latency ring too small: bucket " + b + " meets open bucket " + ringBucket[i]);
    }
    h.record(Math.max(0, latencyNanos));
    hot = h;
    hotStart = b * step;
    hotEnd = hotStart > Long.MAX_VALUE - step ? Long.MAX_VALUE : hotStart + step;
  }

  /** Closes every bucket that can no longer receive a sample. */
  private void closeDue() {
    forgetHot();
    long clock = axis.clock();
    if (clock <= Long.MIN_VALUE + horizon) {
      return;
    }
    long due = Math.floorDiv(clock - horizon - 1, step);
    nextDueClock = (due + 1) * step + horizon + 1;
    if (due <= finalBelow) {
      return;
    }
    finalBelow = due;
    long end = Math.min(due, scanFrom + ring.length);
    for (long b = scanFrom; b < end && openCount > 0; b++) {
      int i = (int) b & mask;
      if (ring[i] != null && ringBucket[i] == b) {
        close(i);
      }
    }
    scanFrom = Math.max(scanFrom, due);
  }

  /** Closes every open bucket (end of input). */
  void finish() {
    forgetHot();
    for (int i = 0; i < ring.length && openCount > 0; i++) {
      if (ring[i] != null) {
        close(i);
      }
    }
  }

  private void forgetHot() {
    hot = null;
    hotStart = 1;
    hotEnd = 0;
  }

  private void close(int i) {
    LatencyHistogram h = ring[i];
    int slot = ringSlot[i];
    h.valuesAtPercentiles(PERCENTILES, closing);
    for (int p = 0; p < PERCENTILES.length; p++) {
      percentiles[p].set(slot, closing[p] / NANOS_PER_MS);
    }
    max.set(slot, h.max() / NANOS_PER_MS);
    h.clear();
    pool.push(h);
    ring[i] = null;
    openCount--;
  }

  /**
   * The value of one statistic for one bucket, in milliseconds; NaN when none. A bucket still open
   * is answered from its histogram as it stands.
   *
   * @param which 0..2 for {@link #PERCENTILES}, 3 for max
   */
  double value(int which, long bucket, int slot) {
    int i = (int) bucket & mask;
    if (ring[i] != null && ringBucket[i] == bucket) {
      LatencyHistogram h = ring[i];
      return (which < PERCENTILES.length ? h.valueAtPercentile(PERCENTILES[which]) : h.max()) / NANOS_PER_MS;
    }
    return which < PERCENTILES.length ? percentiles[which].get(slot) : max.get(slot);
  }

  /** Fills {@code out[i]} with statistic {@code which} of bucket {@code first + i}. */
  void fill(int which, long first, double[] out) {
    for (int i = 0; i < out.length; i++) {
      long b = first + i;
      out[i] = value(which, b, axis.slotIfPresent(b));
    }
  }

  /** Samples dropped because their bucket had already been closed. */
  long lateSamples() {
    return lateSamples;
  }

  /** Histograms open now (bounded by the horizon). */
  int openCount() {
    return openCount;
  }
}
