package org.dnsseismograph.imports;

import java.util.Locale;
import java.util.Set;

/**
 * Reads one value cell of an export: a number, or one of the words exports write for "no value"
 * ({@code null}, empty, {@code NaN}, {@code Inf}, Python's {@code None}...), which is a gap. Stateless.
 */
final class Cells {
  private static final Set<String> MISSING = Set.of("", "null", "none", "nan", "-nan", "+nan", "inf", "+inf", "-inf",
      "infinity", "+infinity", "-infinity", "undefined", "n/a", "na", "-", "u", "unkn");

  private Cells() {}

  /** True for a cell that says "no value". */
  static boolean isMissing(String cell) {
    return MISSING.contains(cell.strip().toLowerCase(Locale.ROOT));
  }

  /**
   * The cell's value: NaN for a missing value, null when the cell is neither a number nor a
   * missing-value word.
   */
  static Double parse(String cell) {
    String c = cell.strip();
    if (isMissing(c)) {
      return Double.NaN;
    }
    if (!looksNumeric(c)) {
      return null;
    }
    try {
      double v = Double.parseDouble(c);
      return Double.isFinite(v) ? v : Double.NaN;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Digits with an optional sign, point and exponent: what Double.parseDouble should see (no hex, no "d"/"f" suffix). */
  private static boolean looksNumeric(String c) {
    if (c.isEmpty()) {
      return false;
    }
    boolean digit = false;
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      if (ch >= '0' && ch <= '9') {
        digit = true;
      } else if ("+-.eE".indexOf(ch) < 0) {
        return false;
      }
    }
    return digit;
  }
}
