package org.dnsseismograph.series;

/**
 * How long a live {@link EventSeriesWriter} keeps each resolution, measured back from its newest
 * event: exact events for {@code exactNanos}, 100 ms detail for {@code detailNanos}, 10 s buckets
 * for {@code tenSecondNanos}, 100 s buckets for {@code hundredSecondNanos}; 1000 s buckets and
 * coarser are kept for ever (≈1.6 KB per metric and day). Immutable.
 *
 * @param exactNanos how long exact timestamps are kept (4 bytes per event)
 * @param detailNanos how long 100 ms bins are kept (≈1.7 MB per busy metric and day)
 * @param tenSecondNanos how long 10 s buckets are kept (≈140 KB per metric and day)
 * @param hundredSecondNanos how long 100 s buckets are kept (≈14 KB per metric and day)
 */
public record Retention(long exactNanos, long detailNanos, long tenSecondNanos, long hundredSecondNanos) {
  /**
   * For a capture that may run for months: 10 minutes exact, 2 hours at 100 ms, 2 days at 10 s,
   * 30 days at 100 s; about 1 MB per busy metric plus the exact events of the last 10 minutes.
   */
  public static final Retention LIVE_DEFAULT =
      new Retention(600 * TimeUnits.NANOS_PER_SECOND, 7_200 * TimeUnits.NANOS_PER_SECOND,
          172_800 * TimeUnits.NANOS_PER_SECOND, 2_592_000 * TimeUnits.NANOS_PER_SECOND);

  public Retention {
    if (exactNanos < 0 || detailNanos < exactNanos || tenSecondNanos < detailNanos || hundredSecondNanos < tenSecondNanos) {
      throw new IllegalArgumentException("retention must be non-negative and grow with coarseness: " + exactNanos + ", "
          + detailNanos + ", " + tenSecondNanos + ", " + hundredSecondNanos);
    }
  }
}
