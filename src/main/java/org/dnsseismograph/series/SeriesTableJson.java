package org.dnsseismograph.series;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a {@link SeriesTable} as JSON, the contract of {@code seismograph series --format json}.
 * The shape, stable and versioned:
 *
 * <pre>{@code
 * {
 *   "version": 1,
 *   "start": "2010-02-01T20:49:10.000Z",       first row's start (ISO-8601 UTC, milliseconds)
 *   "end": "2010-02-01T20:49:12.000Z",         last row's end, exclusive
 *   "step": "1s",                              the row width, human-readable
 *   "stepNanos": 1000000000,                   the row width, exact
 *   "metrics": [{"name": "dns.queries", "unit": "count"},
 *               {"name": "dns.latency.p50", "unit": "ms"}],
 *   "rows": [
 *     {"time": "2010-02-01T20:49:10.000Z", "dns.queries": 12, "dns.latency.p50": 3.5},
 *     {"time": "2010-02-01T20:49:11.000Z", "dns.queries": 0, "dns.latency.p50": null}
 *   ]
 * }
 * }</pre>
 *
 * Every row object has {@code time} and every metric, in the order of {@code metrics}; {@code
 * null} is NaN ("no value"); the units are {@link Unit#symbol()}. Numbers are written as in
 * {@link SeriesTableCsv}; infinities, which JSON cannot express, are the strings {@code
 * "Infinity"} and {@code "-Infinity"}.
 *
 * <p>Stateless and thread-safe. I/O errors of the {@link Appendable} are passed on.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8259">RFC 8259</a>
 */
public final class SeriesTableJson {
  /** The value of the {@code version} field. */
  public static final int VERSION = 1;

  private SeriesTableJson() {}

  /** Writes the whole table, ending with a newline. */
  public static void write(SeriesTable table, Appendable out) throws IOException {
    out.append("{\n  \"version\": ").append(Integer.toString(VERSION));
    out.append(",\n  \"start\": ").append(quote(TimeUnits.format(table.originNanos())));
    out.append(",\n  \"end\": ").append(quote(TimeUnits.format(table.endNanos())));
    out.append(",\n  \"step\": ").append(quote(TimeUnits.formatDuration(table.stepNanos())));
    out.append(",\n  \"stepNanos\": ").append(Long.toString(table.stepNanos()));
    out.append(",\n  \"metrics\": [");
    String sep = "";
    for (SeriesTable.Column c : table.columns()) {
      out.append(sep).append("\n    {\"name\": ").append(quote(c.metric().name()));
      out.append(", \"unit\": ").append(quote(c.unit().symbol())).append('}');
      sep = ",";
    }
    out.append(table.columns().isEmpty() ? "]" : "\n  ]");
    out.append(",\n  \"rows\": [");
    for (int row = 0; row < table.rowCount(); row++) {
      out.append(row == 0 ? "\n    " : ",\n    ");
      writeRow(table, row, out);
    }
    out.append(table.rowCount() == 0 ? "]" : "\n  ]").append("\n}\n");
  }

  private static void writeRow(SeriesTable table, int row, Appendable out) throws IOException {
    out.append("{\"").append(SeriesTable.TIME_COLUMN).append("\": ").append(quote(TimeUnits.format(table.rowStartNanos(row))));
    for (int col = 0; col < table.columns().size(); col++) {
      out.append(", ").append(quote(table.columns().get(col).metric().name())).append(": ");
      double v = table.value(col, row);
      if (Double.isNaN(v)) {
        out.append("null");
      } else if (Double.isInfinite(v)) {
        out.append(quote(SeriesTableCsv.formatNumber(v)));
      } else {
        out.append(SeriesTableCsv.formatNumber(v));
      }
    }
    out.append('}');
  }

  /** The table as one JSON string. */
  public static String toString(SeriesTable table) {
    StringBuilder sb = new StringBuilder();
    try {
      write(table, sb);
    } catch (IOException e) {
      throw new UncheckedIOException("a StringBuilder does not fail", e);
    }
    return sb.toString();
  }

  /** A JSON string literal; escapes quotes, backslashes and control characters. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
