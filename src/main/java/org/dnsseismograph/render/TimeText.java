package org.dnsseismograph.render;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.dnsseismograph.series.TimeUnits;

/** Instants as people read them on a timeline, zone always stated. Stateless and thread-safe. */
public final class TimeText {
  private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

  private TimeText() {}

  /** {@code 2010-02-01 20:49:10.123 UTC} (truncated to the millisecond). */
  public static String utcMillis(long epochNanos) {
    return MILLIS.format(TimeUnits.toInstant(epochNanos).atZone(java.time.ZoneOffset.UTC)) + " UTC";
  }

  /** {@code 20:49:10.123 UTC}: the time of day of {@link #utcMillis}, where the day is said elsewhere. */
  public static String utcClockMillis(long epochNanos) {
    return utcMillis(epochNanos).substring("2010-02-01 ".length());
  }

  /** {@code 2010-02-01 21:49:10.123 Europe/Berlin}. */
  public static String inZone(long epochNanos, ZoneId zone) {
    return MILLIS.format(TimeUnits.toInstant(epochNanos).atZone(zone)) + " " + zone.getId();
  }
}
