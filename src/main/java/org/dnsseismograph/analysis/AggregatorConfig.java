package org.dnsseismograph.analysis;

import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;

/**
 * Settings of {@link MetricAggregator}. Immutable.
 *
 * @param stepNanos bucket width: a whole number of milliseconds, at least 1 ms. Buckets are
 *     aligned to the epoch, so a 1 s bucket starts on a whole UTC second and a 7 s bucket on a
 *     multiple of 7 s since 1970-01-01T00:00:00Z
 * @param window when not null, only the buckets overlapping it are kept and reported, each whole
 *     (a bucket that starts before {@code window.start} still counts all its events), even when
 *     empty; when null, the table runs from the first to the last bucket with any event. A start of
 *     {@link Long#MIN_VALUE} or an end of {@link Long#MAX_VALUE} is open: that side follows the
 *     data (for a {@code --from} without {@code --to}, say)
 * @param latencyHorizonNanos how long after a bucket ends its latency can still change: the
 *     matcher's timeout. A bucket's percentiles are computed, and its histogram freed, once the
 *     clock is this far past the bucket's end
 * @param maxBuckets most rows a table may have; also bounds memory (about 8 bytes per bucket per
 *     column)
 */
public record AggregatorConfig(long stepNanos, TimeRange window, long latencyHorizonNanos, int maxBuckets) {
  /** 2,097,152 buckets: 24 days of 1 s, 35 minutes of 1 ms. */
  public static final int DEFAULT_MAX_BUCKETS = 1 << 21;

  /** Most buckets a latency horizon may span (the number of histograms open at once). */
  static final long MAX_OPEN_BUCKETS = 1 << 20;

  public AggregatorConfig {
    if (stepNanos < TimeUnits.NANOS_PER_MILLI || stepNanos % TimeUnits.NANOS_PER_MILLI != 0) {
      throw new IllegalArgumentException("step must be a whole number of milliseconds, at least 1ms: " + TimeUnits.formatDuration(stepNanos));
    }
    if (latencyHorizonNanos < 0) {
      throw new IllegalArgumentException("latency horizon must not be negative: " + latencyHorizonNanos);
    }
    if (latencyHorizonNanos / stepNanos > MAX_OPEN_BUCKETS) {
      throw new IllegalArgumentException("latency horizon " + TimeUnits.formatDuration(latencyHorizonNanos) + " spans more than " + MAX_OPEN_BUCKETS
          + " buckets of " + TimeUnits.formatDuration(stepNanos));
    }
    if (maxBuckets < 1) {
      throw new IllegalArgumentException("max buckets must be positive: " + maxBuckets);
    }
  }

  /** A step, no window, the default 3 s horizon and bucket limit. */
  public static AggregatorConfig of(long stepNanos) {
    return new AggregatorConfig(stepNanos, null, 3 * TimeUnits.NANOS_PER_SECOND, DEFAULT_MAX_BUCKETS);
  }

  public AggregatorConfig withWindow(TimeRange range) {
    return new AggregatorConfig(stepNanos, range, latencyHorizonNanos, maxBuckets);
  }

  public AggregatorConfig withLatencyHorizon(long nanos) {
    return new AggregatorConfig(stepNanos, window, nanos, maxBuckets);
  }

  public AggregatorConfig withMaxBuckets(int buckets) {
    return new AggregatorConfig(stepNanos, window, latencyHorizonNanos, buckets);
  }
}
