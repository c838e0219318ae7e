package org.dnsseismograph.series;

import java.time.Instant;

/**
 * A half-open span of time {@code [startNanos, endNanos)} in epoch nanoseconds, UTC. Immutable.
 */
public record TimeRange(long startNanos, long endNanos) {
  public TimeRange {
    if (endNanos < startNanos) {
      throw new IllegalArgumentException("end " + endNanos + " before start " + startNanos);
    }
  }

  public static TimeRange of(Instant start, Instant end) {
    return new TimeRange(TimeUnits.toNanos(start), TimeUnits.toNanos(end));
  }

  public long durationNanos() {
    return endNanos - startNanos;
  }

  public boolean contains(long t) {
    return t >= startNanos && t < endNanos;
  }

  public boolean overlaps(TimeRange other) {
    return startNanos < other.endNanos && other.startNanos < endNanos;
  }

  /** The smallest range covering both. */
  public TimeRange union(TimeRange other) {
    return new TimeRange(Math.min(startNanos, other.startNanos), Math.max(endNanos, other.endNanos));
  }

  /** This range moved by {@code offsetNanos}. */
  public TimeRange shift(long offsetNanos) {
    return new TimeRange(startNanos + offsetNanos, endNanos + offsetNanos);
  }

  public Instant start() {
    return TimeUnits.toInstant(startNanos);
  }

  public Instant end() {
    return TimeUnits.toInstant(endNanos);
  }

  @Override
  public String toString() {
    return TimeUnits.format(startNanos) + "/" + TimeUnits.format(endNanos);
  }
}
