package org.dnsseismograph.imports;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dnsseismograph.series.TimeUnits;

/**
 * Reads the times of one export column (or of one format's time fields) as epoch ns, UTC: epoch
 * seconds, milliseconds, microseconds or nanoseconds (told apart by their number of digits),
 * ISO-8601 with an offset, or local date-times in the zone the user named. A local time in a
 * daylight-saving gap is skipped and reported; one in an overlap is resolved by the order of the
 * readings (the second pass through the repeated hour takes the later offset) and reported.
 * Not thread-safe: it remembers the last time of each series to resolve overlaps.
 */
final class TimeReader {
  /** How a column writes its times. */
  enum Style {
    EPOCH_SECONDS("epoch seconds", 9), EPOCH_MILLIS("epoch milliseconds", 6), EPOCH_MICROS("epoch microseconds", 3),
    EPOCH_NANOS("epoch nanoseconds", 0), OFFSET("ISO-8601 date-times with offset", 0), LOCAL("local date-times", 0);

    final String description;
    final int toNanosExponent;

    Style(String description, int toNanosExponent) {
      this.description = description;
      this.toNanosExponent = toNanosExponent;
    }
  }

  private static final List<DateTimeFormatter> DATE_TIMES = List.of(dateTime("uuuu-MM-dd"), dateTime("uuuu/MM/dd"),
      dateTime("dd.MM.uuuu"));

  private final Style style;
  private final DateTimeFormatter formatter;
  private final ZoneId zone;
  private final Map<String, Long> lastBySeries = new HashMap<>();

  private TimeReader(Style style, DateTimeFormatter formatter, ZoneId zone) {
    this.style = style;
    this.formatter = formatter;
    this.zone = zone;
  }

  private static DateTimeFormatter dateTime(String date) {
    return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(date)
        .optionalStart().appendLiteral('T').optionalEnd().optionalStart().appendLiteral(' ').optionalEnd()
        .appendPattern("HH:mm").optionalStart().appendPattern(":ss")
        .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().optionalEnd()
        .optionalStart().appendLiteral(' ').optionalEnd()
        .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
        .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
        .optionalStart().appendOffset("+HH", "Z").optionalEnd()
        .toFormatter(java.util.Locale.ROOT);
  }

  /**
   * The reader for a column whose cells include {@code samples} (blank cells ignored), or null when
   * they are not all times of one style. Epoch numbers must lie between 1990 and 2200.
   *
   * @param zone the zone of local times; null when the user named none (read as UTC)
   */
  static TimeReader detect(List<String> samples, ZoneId zone) {
    Style numeric = null;
    DateTimeFormatter f = null;
    Boolean offset = null;
    int seen = 0;
    for (String raw : samples) {
      String s = unquote(raw);
      if (s.isEmpty()) {
        continue;
      }
      seen++;
      Style n = epochStyle(s);
      if (n != null && (numeric == null || numeric == n) && f == null) {
        numeric = n;
        continue;
      }
      if (numeric != null) {
        return null;
      }
      DateTimeFormatter match = f != null ? (parses(f, s) ? f : null) : DATE_TIMES.stream().filter(x -> parses(x, s)).findFirst().orElse(null);
      if (match == null) {
        return null;
      }
      f = match;
      boolean hasOffset = match.parseBest(s, OffsetDateTime::from, LocalDateTime::from) instanceof OffsetDateTime;
      if (offset != null && offset != hasOffset) {
        return null;
      }
      offset = hasOffset;
    }
    if (seen == 0) {
      return null;
    }
    if (numeric != null) {
      return new TimeReader(numeric, null, null);
    }
    return new TimeReader(offset ? Style.OFFSET : Style.LOCAL, f, zone);
  }

  /** A reader of epoch seconds (formats that define their time field). */
  static TimeReader epochSeconds() {
    return new TimeReader(Style.EPOCH_SECONDS, null, null);
  }

  /** A reader of local date-times in {@code zone} written like {@code 2011-07-28 01:53:28}. */
  static TimeReader local(ZoneId zone) {
    return new TimeReader(Style.LOCAL, DATE_TIMES.get(0), zone);
  }

  Style style() {
    return style;
  }

  /** How times were read, for the report: style, and for local times the zone. */
  String basis() {
    if (style == Style.LOCAL) {
      return zone == null ? "local date-times without offset, read as UTC (no time zone given)" : "local date-times in " + zone;
    }
    return style.description + ", UTC";
  }

  /** True when local times were read as UTC because the user named no zone. */
  boolean assumedUtc() {
    return style == Style.LOCAL && zone == null;
  }

  /**
   * The time of {@code cell} in epoch ns, or {@link Long#MIN_VALUE} when it is not a time of this
   * column's style or does not exist locally (then counted in {@code log}).
   *
   * @param series which series the reading belongs to (overlaps resolve per series)
   */
  long parse(String cell, String series, long line, ImportLog log) {
    String s = unquote(cell);
    long t;
    try {
      t = switch (style) {
        case OFFSET -> TimeUnits.toNanos(OffsetDateTime.parse(s, formatter).toInstant());
        case LOCAL -> local(s, series, line, log);
        default -> epoch(s);
      };
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      log.skip(line, "time is not " + (style == Style.LOCAL ? "a local date-time" : style.description));
      return Long.MIN_VALUE;
    }
    if (t != Long.MIN_VALUE) {
      lastBySeries.put(series, t);
    }
    return t;
  }

  private long epoch(String s) {
    if (epochStyle(s) != style) {
      throw new NumberFormatException("not " + style.description + ": " + s);
    }
    return new BigDecimal(s).movePointRight(style.toNanosExponent).longValueExact();
  }

  private long local(String s, String series, long line, ImportLog log) {
    TemporalAccessor parsed = formatter.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
    if (parsed instanceof OffsetDateTime odt) {
      return TimeUnits.toNanos(odt.toInstant());
    }
    LocalDateTime ldt = (LocalDateTime) parsed;
    if (zone == null) {
      return TimeUnits.toNanos(ldt.toInstant(ZoneOffset.UTC));
    }
    List<ZoneOffset> offsets = zone.getRules().getValidOffsets(ldt);
    if (offsets.size() == 1) {
      return TimeUnits.toNanos(ldt.toInstant(offsets.get(0)));
    }
    if (offsets.isEmpty()) {
      log.timeNote(new TimeNote(line, s, TimeNote.Problem.NONEXISTENT, "skipped: the clocks in " + zone + " jumped over it"));
      log.skip(line, "local time does not exist in " + zone + " (daylight-saving gap)");
      return Long.MIN_VALUE;
    }
    long a = TimeUnits.toNanos(ldt.toInstant(offsets.get(0)));
    long b = TimeUnits.toNanos(ldt.toInstant(offsets.get(1)));
    long early = Math.min(a, b);
    long late = Math.max(a, b);
    Long last = lastBySeries.get(series);
    boolean second = last != null && early < last && late >= last;
    long chosen = second ? late : early;
    ZoneOffset used = second ? laterOffset(ldt, offsets, late) : laterOffset(ldt, offsets, early);
    log.timeNote(new TimeNote(line, s, TimeNote.Problem.AMBIGUOUS, "read as " + used + (second
        ? " (the second pass: an earlier reading of this series already lies past the first)" : " (the first pass, the earlier instant)")));
    return chosen;
  }

  private static ZoneOffset laterOffset(LocalDateTime ldt, List<ZoneOffset> offsets, long instant) {
    return TimeUnits.toNanos(ldt.toInstant(offsets.get(0))) == instant ? offsets.get(0) : offsets.get(1);
  }

  /** Epoch style from the digits before the point: 9–11 s, 12–14 ms, 15–17 µs, 18–19 ns; null otherwise. */
  static Style epochStyle(String s) {
    int i = s.startsWith("+") ? 1 : 0;
    int digits = 0;
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      digits++;
      i++;
    }
    if (i < s.length()) {
      if (s.charAt(i) != '.' || i + 1 == s.length()) {
        return null;
      }
      for (int k = i + 1; k < s.length(); k++) {
        if (!Character.isDigit(s.charAt(k))) {
          return null;
        }
      }
    }
    Style st = digits >= 9 && digits <= 11 ? Style.EPOCH_SECONDS : digits >= 12 && digits <= 14 ? Style.EPOCH_MILLIS
        : digits >= 15 && digits <= 17 ? Style.EPOCH_MICROS : digits >= 18 && digits <= 19 ? Style.EPOCH_NANOS : null;
    if (st == null) {
      return null;
    }
    // 1990-01-01 .. 2200-01-01, in the unit's own digits: a count, an id or a byte total is not a time.
    double seconds = Double.parseDouble(s) / Math.pow(10, 9 - st.toNanosExponent);
    return seconds >= 631_152_000d && seconds <= 7_258_118_400d ? st : null;
  }

  private static boolean parses(DateTimeFormatter f, String s) {
    try {
      f.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  static String unquote(String cell) {
    String s = cell.strip();
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      s = s.substring(1, s.length() - 1).strip();
    }
    return s;
  }
}
