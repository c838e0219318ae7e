package org.dnsseismograph.series;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads any {@link ResolvableSeries} as fixed-step buckets aligned to UTC multiples of the step
 * (for exports, the {@code series} command and detectors): the same numbers the timeline shows for
 * the same columns. Stateless and thread-safe.
 */
public final class BucketSampler {
  /** The most buckets one call returns, so a wrong step cannot exhaust memory. */
  public static final long MAX_BUCKETS = 50_000_000L;

  private BucketSampler() {}

  /**
   * Buckets of {@code stepNanos} covering {@code range}, the first starting at the step multiple at
   * or before its start, the last ending at the multiple at or after its end.
   *
   * @throws IllegalArgumentException if the step is not positive, the range is empty, or more than
   *     {@link #MAX_BUCKETS} buckets would be needed
   */
  public static List<Bucket> sample(ResolvableSeries series, TimeRange range, long stepNanos) {
    if (stepNanos <= 0) {
      throw new IllegalArgumentException("step must be positive, got " + stepNanos);
    }
    if (range.durationNanos() <= 0) {
      throw new IllegalArgumentException("empty range " + range);
    }
    long start = TimeUnits.floorToStep(range.startNanos(), stepNanos);
    long end = -TimeUnits.floorToStep(-range.endNanos(), stepNanos);
    long n = (end - start) / stepNanos;
    if (n > MAX_BUCKETS) {
      throw new IllegalArgumentException(n + " buckets of " + TimeUnits.formatDuration(stepNanos) + " over " + range
          + " exceed " + MAX_BUCKETS);
    }
    ColumnBuffer out = new ColumnBuffer((int) n);
    series.reduce(new TimeRange(start, end), (int) n, out);
    List<Bucket> buckets = new ArrayList<>((int) n);
    for (int i = 0; i < n; i++) {
      buckets.add(new Bucket(out.columnStart(i), out.columnEnd(i), out.value(i), out.min(i), out.max(i), out.count(i)));
    }
    return buckets;
  }
}
