package org.dnsseismograph.series;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * Writes a {@link SeriesTable} as CSV, the contract of {@code seismograph series --format csv}:
 * a header {@code time,<metric>,<metric>...}, then one line per row whose {@code time} is the
 * row's start in ISO-8601 UTC with milliseconds ({@link TimeUnits#format}, e.g. {@code
 * 2010-02-01T20:49:10.000Z}). A NaN cell is empty. Numbers are plain decimals without exponent
 * and without trailing zeros ({@code 12}, {@code 0.25}); infinities are {@code Infinity} and
 * {@code -Infinity}. Lines end with {@code \n}. Metric names need no quoting: {@link MetricId}
 * admits no comma, quote or white space.
 *
 * <p>Stateless and thread-safe. I/O errors of the {@link Appendable} are passed on.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4180">RFC 4180</a>
 */
public final class SeriesTableCsv {
  private SeriesTableCsv() {}

  /** Writes the whole table. */
  public static void write(SeriesTable table, Appendable out) throws IOException {
    out.append(SeriesTable.TIME_COLUMN);
    for (SeriesTable.Column c : table.columns()) {
      out.append(',').append(c.metric().name());
    }
    out.append('\n');
    int columns = table.columns().size();
    for (int row = 0; row < table.rowCount(); row++) {
      out.append(TimeUnits.format(table.rowStartNanos(row)));
      for (int col = 0; col < columns; col++) {
        out.append(',');
        double v = table.value(col, row);
        if (!Double.isNaN(v)) {
          out.append(formatNumber(v));
        }
      }
      out.append('\n');
    }
  }

  /** The table as one CSV string. */
  public static String toString(SeriesTable table) {
    StringBuilder sb = new StringBuilder();
    try {
      write(table, sb);
    } catch (IOException e) {
      throw new UncheckedIOException("a StringBuilder does not fail", e);
    }
    return sb.toString();
  }

  /** A finite number as a plain decimal (shortest round-trip digits); infinities by name. */
  static String formatNumber(double v) {
    if (Double.isInfinite(v)) {
      return v > 0 ? "Infinity" : "-Infinity";
    }
    if (v == Math.rint(v) && Math.abs(v) < 0x1p53) {
      return Long.toString((long) v);
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
