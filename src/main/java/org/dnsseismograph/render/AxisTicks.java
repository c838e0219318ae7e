package org.dnsseismograph.render;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;

/**
 * Chooses and labels the marks of a time axis: a step from 1 ms to weeks so that labels never
 * crowd, ticks at UTC multiples of the step, and labels with just the precision the step needs
 * ({@code 2010-02-01}, {@code 20:49}, {@code 20:49:10}, {@code 20:49:10.25}, {@code 20:49:10.125}).
 * A tick at midnight of its zone shows the date instead of the time. Stateless and thread-safe.
 */
public final class AxisTicks {
  private static final long MS = TimeUnits.NANOS_PER_MILLI;
  private static final long S = TimeUnits.NANOS_PER_SECOND;
  private static final long MIN = 60 * S;
  private static final long H = 60 * MIN;
  private static final long D = 24 * H;
  /** The steps an axis may use, ascending. */
  static final long[] STEPS = {MS, 2 * MS, 5 * MS, 10 * MS, 20 * MS, 50 * MS, 100 * MS, 200 * MS, 500 * MS, S, 2 * S, 5 * S, 10 * S,
      15 * S, 30 * S, MIN, 2 * MIN, 5 * MIN, 10 * MIN, 15 * MIN, 30 * MIN, H, 2 * H, 3 * H, 6 * H, 12 * H, D, 2 * D, 7 * D, 14 * D,
      28 * D, 91 * D, 364 * D};
  /** Space between neighbouring labels, in logical pixels. */
  static final double LABEL_GAP = 18;
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");

  private AxisTicks() {}

  /** The finest step whose labels, measured by {@code m}, fit {@code plotWidth} pixels over {@code view}. */
  public static long step(TimeRange view, double plotWidth, TextMeasure m) {
    boolean crossesDay = Math.floorDiv(view.startNanos(), D) != Math.floorDiv(view.endNanos() - 1, D);
    for (long step : STEPS) {
      double spacing = step * plotWidth / view.durationNanos();
      double label = m.textWidth(sample(step), TextStyle.LABEL);
      if (crossesDay && step < D) {
        label = Math.max(label, m.textWidth("0000-00-00", TextStyle.LABEL));
      }
      if (spacing >= label + LABEL_GAP) {
        return step;
      }
    }
    return STEPS[STEPS.length - 1];
  }

  /** Ticks at multiples of {@code step} inside {@code view}, labelled in {@code zone}. */
  public static List<Tick> ticks(TimeRange view, long step, ZoneId zone) {
    List<Tick> out = new ArrayList<>();
    long first = -TimeUnits.floorToStep(-view.startNanos(), step);
    for (long t = first; t < view.endNanos(); t += step) {
      out.add(new Tick(t, label(t, step, zone)));
    }
    return out;
  }

  /** The label of {@code t} on an axis of {@code step}, in {@code zone}. */
  public static String label(long t, long step, ZoneId zone) {
    ZonedDateTime z = TimeUnits.toInstant(t).atZone(zone);
    boolean midnight = z.getHour() == 0 && z.getMinute() == 0 && z.getSecond() == 0 && z.getNano() == 0;
    if (step >= D || midnight) {
      return DATE.format(z);
    }
    return DateTimeFormatter.ofPattern(pattern(step)).format(z);
  }

  /** What the axis leaves unsaid at its left end: the date of {@code t} and the zone, e.g. {@code 2010-02-01 UTC}. */
  public static String context(long t, long step, ZoneId zone) {
    String name = zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    return step >= D ? name : DATE.format(TimeUnits.toInstant(t).atZone(zone)) + " " + name;
  }

  private static String pattern(long step) {
    if (step >= MIN) {
      return "HH:mm";
    }
    if (step >= S) {
      return "HH:mm:ss";
    }
    if (step >= 100 * MS) {
      return "HH:mm:ss.S";
    }
    return step >= 10 * MS ? "HH:mm:ss.SS" : "HH:mm:ss.SSS";
  }

  private static String sample(long step) {
    return step >= D ? "0000-00-00" : pattern(step).replace("HH", "00").replace("mm", "00").replace("ss", "00").replace('S', '0');
  }
}
