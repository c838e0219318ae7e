package org.dnsseismograph.ui.annotations;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import org.dnsseismograph.series.TimeUnits;

/**
 * Instants as the annotation editor and list write them, in UTC to the millisecond ({@code
 * 2026-11-25 19:09:15.658}), and read back from what an analyst types: that form with 0 to 9
 * fraction digits, with a {@code T} instead of the space, and with a trailing {@code Z} or {@code
 * UTC}. Stateless and thread-safe.
 */
public final class SpanText {
  private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");
  private static final DateTimeFormatter READ = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd")
      .appendLiteral(' ').appendPattern("HH:mm:ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
      .optionalEnd().toFormatter();

  private SpanText() {}

  /** {@code 2026-11-25 19:09:15.658} (UTC, truncated to the millisecond). */
  public static String format(long epochNanos) {
    return WRITE.format(TimeUnits.toInstant(epochNanos).atOffset(ZoneOffset.UTC));
  }

  /** "19:09:15.658 – 19:09:35.668 (20.01s)", or one time for a point; the date when it is not the start's. */
  public static String span(long start, long end) {
    String a = format(start);
    if (start == end) {
      return a;
    }
    String b = format(end);
    String shortB = b.substring(0, 10).equals(a.substring(0, 10)) ? b.substring(11) : b;
    return a + " – " + shortB + " (" + TimeUnits.formatDuration(end - start) + ")";
  }

  /**
   * The instant {@code text} names, in UTC.
   *
   * @throws IllegalArgumentException with a message fit for the editor when it names none
   */
  public static long parse(String text) {
    String t = text.strip();
    if (t.endsWith("UTC")) {
      t = t.substring(0, t.length() - 3).strip();
    } else if (t.endsWith("Z") || t.endsWith("z")) {
      t = t.substring(0, t.length() - 1);
    }
    t = t.replace('T', ' ');
    try {
      return TimeUnits.toNanos(LocalDateTime.parse(t, READ).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException("'" + text.strip() + "' is not a UTC time like 2026-11-25 19:09:15.658");
    }
  }
}
