package org.dnsseismograph.imports;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dnsseismograph.series.TimeUnits;

/**
 * Finds the time a snapshot file was taken in its name, as scripts that poll statistics name them:
 * {@code stats-20261125T190824Z.txt}, {@code stats-2026-11-25T19:08:24+01:00.txt}, {@code
 * stats.2026-11-25_19-08-24.txt} (local, in the zone given) or 10 digits of epoch seconds
 * ({@code stats-1795633704.txt}). Stateless.
 */
final class FileNameTime {
  private static final Pattern DATE_TIME = Pattern.compile(
      "(\\d{4})-?(\\d{2})-?(\\d{2})[T_ ]?(\\d{2})[:\\-]?(\\d{2})[:\\-]?(\\d{2})(?:[.,](\\d{1,9}))?(Z|[+\\-]\\d{2}:?\\d{2})?");
  private static final Pattern EPOCH = Pattern.compile("(?<!\\d)(1\\d{9})(?:\\.(\\d{1,9}))?(?!\\d)");

  /** A time found in a name, and whether it was local (read in the zone given, or UTC). */
  record Found(long epochNanos, boolean local) {}

  private FileNameTime() {}

  /** The time in {@code fileName}, or null when it holds none. */
  static Found parse(String fileName, ZoneId zone) {
    Matcher m = DATE_TIME.matcher(fileName);
    if (m.find()) {
      try {
        LocalDateTime ldt = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
            Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
            m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9)));
        String off = m.group(8);
        if (off != null) {
          ZoneOffset o = off.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(off.length() == 5 ? off.substring(0, 3) + ":" + off.substring(3) : off);
          return new Found(TimeUnits.toNanos(ldt.toInstant(o)), false);
        }
        ZoneId z = zone == null ? ZoneOffset.UTC : zone;
        return new Found(TimeUnits.toNanos(ldt.atZone(z).toInstant()), true);
      } catch (java.time.DateTimeException | NumberFormatException e) {
        return null;
      }
    }
    Matcher e = EPOCH.matcher(fileName);
    if (e.find()) {
      try {
        return new Found(TimeUnits.parseInstant(e.group()), false);
      } catch (IllegalArgumentException | ArithmeticException x) {
        return null;
      }
    }
    return null;
  }
}
