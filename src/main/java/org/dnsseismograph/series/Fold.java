package org.dnsseismograph.series;

/**
 * Running total of one column while an {@link EventSeries} is reduced: events counted, the time
 * they were counted over, and the extremes of the 100 ms bin counts seen. Not thread-safe: one per
 * reduce call.
 */
final class Fold {
  double count;
  long durationNanos;
  int minBin;
  int maxBin;

  Fold() {
    reset();
  }

  void reset() {
    count = 0;
    durationNanos = 0;
    minBin = Integer.MAX_VALUE;
    maxBin = -1;
  }

  /** Adds a bucket's events and the extremes of its bins. */
  void add(long events, int min, int max) {
    count += events;
    addExtremes(min, max);
  }

  /** Adds a fraction of a bucket's events (a column narrower than the bucket) and its extremes. */
  void addPart(long events, double fraction, int min, int max) {
    count += events * fraction;
    addExtremes(min, max);
  }

  void addExtremes(int min, int max) {
    minBin = Math.min(minBin, min);
    maxBin = Math.max(maxBin, max);
  }

  boolean hasExtremes() {
    return maxBin >= 0;
  }
}
