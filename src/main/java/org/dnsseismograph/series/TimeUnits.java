package org.dnsseismograph.series;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Conversions between epoch nanoseconds (the one time base inside the program) and {@link
 * Instant}, ISO-8601 text and durations. Stateless.
 */
public final class TimeUnits {
  public static final long NANOS_PER_MILLI = 1_000_000L;
  public static final long NANOS_PER_SECOND = 1_000_000_000L;

  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private TimeUnits() {}

  public static long toNanos(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), NANOS_PER_SECOND), i.getNano());
  }

  public static Instant toInstant(long epochNanos) {
    return Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS_PER_SECOND), Math.floorMod(epochNanos, NANOS_PER_SECOND));
  }

  /** ISO-8601 UTC with milliseconds, e.g. {@code 2010-02-01T20:49:10.000Z} (truncated, not rounded). */
  public static String format(long epochNanos) {
    return ISO_MILLIS.format(toInstant(epochNanos));
  }

  /** Parses ISO-8601 with offset or Z (e.g. {@code 2010-02-01T20:49:10Z}) or epoch seconds with a fraction. */
  public static long parseInstant(String text) {
    String t = text.strip();
    if (t.matches("-?\\d+(\\.\\d+)?")) {
      return parseDecimalSeconds(t);
    }
    try {
      return toNanos(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(t, Instant::from));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO-8601 time with offset or Z, nor epoch seconds: " + text);
    }
  }

  private static long parseDecimalSeconds(String t) {
    boolean negative = t.startsWith("-");
    String u = negative ? t.substring(1) : t;
    int dot = u.indexOf('.');
    String whole = dot < 0 ? u : u.substring(0, dot);
    String frac = dot < 0 ? "" : u.substring(dot + 1);
    if (frac.length() > 9) {
      frac = frac.substring(0, 9);
    }
    long nanos = Math.addExact(Math.multiplyExact(Long.parseLong(whole), NANOS_PER_SECOND), frac.isEmpty() ? 0 : Long.parseLong((frac + "000000000").substring(0, 9)));
    return negative ? -nanos : nanos;
  }

  /**
   * Parses a duration: a number with a unit {@code ns, us, µs, ms, s, m, min, h, d} (e.g. {@code
   * 100ms}, {@code 1.5s}, {@code 10m}), or ISO-8601 ({@code PT1S}).
   */
  public static long parseDuration(String text) {
    String t = text.strip();
    if (t.startsWith("P") || t.startsWith("p") || t.startsWith("-P")) {
      try {
        return Duration.parse(t).toNanos();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("not a duration: " + text);
      }
    }
    int i = 0;
    while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.' || (i == 0 && (t.charAt(i) == '-' || t.charAt(i) == '+')))) {
      i++;
    }
    if (i == 0 || i == t.length() && !t.equals("0")) {
      throw new IllegalArgumentException("not a duration (want a number and a unit such as 100ms, 1s, 5m): " + text);
    }
    double number;
    try {
      number = Double.parseDouble(t.substring(0, i));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a duration: " + text);
    }
    String unit = t.substring(i).strip();
    long scale = switch (unit) {
      case "", "ns" -> 1L;
      case "us", "µs", "μs" -> 1_000L;
      case "ms" -> NANOS_PER_MILLI;
      case "s", "sec" -> NANOS_PER_SECOND;
      case "m", "min" -> 60 * NANOS_PER_SECOND;
      case "h" -> 3600 * NANOS_PER_SECOND;
      case "d" -> 86400 * NANOS_PER_SECOND;
      default -> throw new IllegalArgumentException("unknown duration unit '" + unit + "' in " + text);
    };
    return Math.round(number * scale);
  }

  /** Short human text for a duration: {@code 250ms}, {@code 1.5s}, {@code 10min}. */
  public static String formatDuration(long nanos) {
    long a = Math.abs(nanos);
    String sign = nanos < 0 ? "-" : "";
    if (a == 0) {
      return "0s";
    }
    if (a % (86400 * NANOS_PER_SECOND) == 0) {
      return sign + a / (86400 * NANOS_PER_SECOND) + "d";
    }
    if (a % (3600 * NANOS_PER_SECOND) == 0) {
      return sign + a / (3600 * NANOS_PER_SECOND) + "h";
    }
    if (a % (60 * NANOS_PER_SECOND) == 0) {
      return sign + a / (60 * NANOS_PER_SECOND) + "min";
    }
    if (a >= NANOS_PER_SECOND) {
      return sign + trim(a / 1e9) + "s";
    }
    if (a >= NANOS_PER_MILLI) {
      return sign + trim(a / 1e6) + "ms";
    }
    if (a >= 1000) {
      return sign + trim(a / 1e3) + "µs";
    }
    return sign + a + "ns";
  }

  private static String trim(double v) {
    String s = String.format(java.util.Locale.ROOT, "%.3f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** The start of the UTC-aligned bucket of width {@code stepNanos} containing {@code t}. */
  public static long floorToStep(long t, long stepNanos) {
    return Math.floorDiv(t, stepNanos) * stepNanos;
  }
}
