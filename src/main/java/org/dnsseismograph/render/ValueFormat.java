package org.dnsseismograph.render;

import java.util.Locale;
import org.dnsseismograph.series.Unit;

/**
 * Short text for values on axes, readouts and legends: three significant digits with k/M/G
 * suffixes, and the unit a lane shows (a {@link Unit#COUNT} series shows a rate, "/s"). Stateless.
 */
public final class ValueFormat {
  private ValueFormat() {}

  /** {@code 1.25k/s}, {@code 12.5 ms}, {@code 0.97}; an em dash for no data. */
  public static String format(double v, Unit unit) {
    if (Double.isNaN(v)) {
      return "—";
    }
    String n = number(v);
    return switch (unit) {
      case COUNT, PER_SECOND -> n + "/s";
      case MILLISECONDS -> n + " ms";
      case BYTES -> n + "B";
      case RATIO, NUMBER -> n;
    };
  }

  /** The unit text shown in a lane's title: "/s", "ms", "ratio" or "". */
  public static String unitText(Unit unit) {
    return switch (unit) {
      case COUNT, PER_SECOND -> "/s";
      case MILLISECONDS -> "ms";
      case BYTES -> "B";
      case RATIO -> "ratio";
      case NUMBER -> "";
    };
  }

  /** Three significant digits with a k/M/G/T suffix: {@code 0}, {@code 0.5}, {@code 12.3}, {@code 4.5k}. */
  public static String number(double v) {
    double a = Math.abs(v);
    if (a == 0) {
      return "0";
    }
    String[] suffix = {"", "k", "M", "G", "T"};
    int k = 0;
    while (a >= 999.5 && k < suffix.length - 1) {
      a /= 1000;
      v /= 1000;
      k++;
    }
    String s;
    if (a >= 99.95 || a == Math.rint(a) && a < 1e15) {
      s = String.format(Locale.ROOT, "%.0f", v);
    } else if (a >= 9.995) {
      s = String.format(Locale.ROOT, "%.1f", v);
    } else if (a >= 0.9995) {
      s = String.format(Locale.ROOT, "%.2f", v);
    } else {
      s = String.format(Locale.ROOT, "%.3g", v);
    }
    if (s.contains(".") && !s.contains("e")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s + suffix[k];
  }
}
