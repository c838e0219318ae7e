package org.dnsseismograph.analysis;

import org.dnsseismograph.series.MetricId;

/**
 * A span in which a count metric rose far above its own robust baseline (rolling median and MAD),
 * as {@link SpikeDetector} found it. Immutable. Times are epoch ns, UTC; rates are events per
 * second.
 *
 * @param metric the metric ({@code client.queries}, {@code client.retries} ...)
 * @param startNanos start of the first bucket above the threshold, at any scale
 * @param endNanos end of the last such bucket
 * @param peakNanos start of the highest bucket at the scale where the spike stands out most
 * @param peakRate that bucket's rate
 * @param baselineRate the baseline rate there (the rolling median)
 * @param factor {@code peakRate / baselineRate}; {@link Double#POSITIVE_INFINITY} over a zero
 *     baseline
 * @param scaleNanos the bucket width of that scale: 100 ms, 1 s or 10 s on the 100 ms grid; 1, 10 or
 *     100 times the grid step on a coarser one
 * @param significance how far above the baseline the peak is, in robust standard deviations
 */
public record Spike(MetricId metric, long startNanos, long endNanos, long peakNanos, double peakRate, double baselineRate, double factor,
    long scaleNanos, double significance) {

  public long durationNanos() {
    return endNanos - startNanos;
  }

  /** True when the spike and {@code [from, to)} share a moment. */
  public boolean overlaps(long fromNanos, long toNanos) {
    return startNanos < toNanos && fromNanos < endNanos;
  }
}
