package org.dnsseismograph.series;

/**
 * One fixed-step bucket read from a series: its interval {@code [startNanos, endNanos)} in epoch
 * ns, UTC, the value the series shows there (events per second for {@link Unit#COUNT} series), the
 * extremes inside it, and the events or samples it rests on. A gap has NaN value, min and max and
 * a count of 0. Immutable.
 *
 * @param startNanos bucket start, epoch ns
 * @param endNanos bucket end (exclusive), epoch ns
 * @param value the series' value for the bucket; NaN when no data
 * @param min the lowest 100 ms rate (events) or sample inside
 * @param max the highest 100 ms rate (events) or sample inside
 * @param count events (event series) or samples (sample series) the bucket rests on
 */
public record Bucket(long startNanos, long endNanos, double value, double min, double max, double count) {

  public Bucket {
    if (endNanos <= startNanos) {
      throw new IllegalArgumentException("empty bucket [" + startNanos + ", " + endNanos + ")");
    }
  }

  public boolean isGap() {
    return Double.isNaN(value);
  }

  public TimeRange range() {
    return new TimeRange(startNanos, endNanos);
  }
}
