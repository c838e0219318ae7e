package org.dnsseismograph.ui.sources;

import java.math.BigDecimal;
import org.dnsseismograph.series.TimeUnits;

/**
 * Clock offsets as the analyst reads and types them: always signed, in seconds with as many
 * decimals as the value needs ({@code +37s}, {@code -1.5s}, {@code +0.000250s}), exact to the
 * nanosecond; typed as a number of seconds or a number with a unit ({@code 250ms}, {@code -2min},
 * {@code +1.5 s}). Stateless.
 */
public final class OffsetText {
  private OffsetText() {}

  /** The offset as text, exact: {@code +37s}, {@code -0.25s}, {@code 0s}. */
  public static String format(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    BigDecimal s = BigDecimal.valueOf(nanos, 9).stripTrailingZeros();
    return (nanos > 0 ? "+" : "") + s.toPlainString() + "s";
  }

  /**
   * Parses typed text: a bare number is seconds.
   *
   * @throws IllegalArgumentException with a message for people when it is not an offset
   */
  public static long parse(String text) {
    String t = text.strip().replace('−', '-');
    if (t.isEmpty()) {
      throw new IllegalArgumentException("type an offset such as +37s, -1.5s or 250ms");
    }
    if (t.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
      try {
        return new BigDecimal(t).movePointRight(9).setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("offset too large: " + text);
      }
    }
    try {
      return TimeUnits.parseDuration(t.replaceAll("\\s+", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not an offset: '" + text + "' (type e.g. +37s, -1.5s or 250ms)");
    }
  }
}
