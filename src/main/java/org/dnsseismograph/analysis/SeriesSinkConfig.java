package org.dnsseismograph.analysis;

import org.dnsseismograph.series.EventSeriesWriter;
import org.dnsseismograph.series.TimeUnits;

/**
 * Settings of the multi-resolution output ({@link SeriesSink}). Immutable.
 *
 * @param fineStepNanos the sample interval of {@link MetricSink.Detail#FINE} metrics (latency
 *     percentiles of {@code dns}, {@code client}, {@code upstream}; the retry ratio)
 * @param coarseStepNanos the sample interval of {@link MetricSink.Detail#COARSE} metrics (per
 *     server and zone answer ratios, distinct sources)
 * @param horizonNanos how late an observation may arrive behind the newest one: at least the
 *     matcher's timeout (an unanswered query is filed under its query time, a timeout later)
 */
public record SeriesSinkConfig(long fineStepNanos, long coarseStepNanos, long horizonNanos) {
  public SeriesSinkConfig {
    if (fineStepNanos <= 0 || coarseStepNanos < fineStepNanos || horizonNanos < 0) {
      throw new IllegalArgumentException("bad series settings: fine " + fineStepNanos + ", coarse " + coarseStepNanos + ", horizon " + horizonNanos);
    }
  }

  /** 100 ms fine, 1 s coarse, for a matcher timeout of {@code timeoutNanos}. */
  public static SeriesSinkConfig forTimeout(long timeoutNanos) {
    return new SeriesSinkConfig(100 * TimeUnits.NANOS_PER_MILLI, TimeUnits.NANOS_PER_SECOND, timeoutNanos);
  }

  long stepOf(MetricSink.Detail detail) {
    return detail == MetricSink.Detail.FINE ? fineStepNanos : coarseStepNanos;
  }

  /** The event writers' lateness: the horizon plus a second, and never under their default. */
  long latenessNanos() {
    return Math.max(EventSeriesWriter.DEFAULT_LATENESS_SECONDS * TimeUnits.NANOS_PER_SECOND, horizonNanos + TimeUnits.NANOS_PER_SECOND);
  }
}
