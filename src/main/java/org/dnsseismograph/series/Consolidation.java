package org.dnsseismograph.series;

/**
 * What a sample's value says about its interval, and so how samples fold into a wider column: the
 * time-weighted average, or the lowest or highest value. Whatever the consolidation, a column's
 * min–max band is the lowest and highest sample it overlaps. Immutable.
 */
public enum Consolidation {
  /** The mean over the interval (rates, most gauges): columns show the time-weighted mean. */
  AVERAGE,
  /** The lowest value in the interval: columns show the lowest sample. */
  MIN,
  /** The highest value in the interval (peaks, p99 latencies): columns show the highest sample. */
  MAX;

  double pick(double weightedMean, double min, double max) {
    return switch (this) {
      case AVERAGE -> weightedMean;
      case MIN -> min;
      case MAX -> max;
    };
  }
}
