package org.dnsseismograph.analysis;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.dnsseismograph.series.TimeUnits;

/**
 * A minimal JSON writer for the detection report: objects and arrays with two-space indentation,
 * strings escaped, numbers rounded to three decimals, times as ISO-8601 UTC with milliseconds.
 * Not a general library: it writes what {@link HealthReportJson} needs, in order. Not thread-safe;
 * I/O errors of the {@link Appendable} are passed on.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8259">RFC 8259</a>
 */
final class JsonOut {
  private final Appendable out;
  private int depth;
  private boolean first = true;

  JsonOut(Appendable out) {
    this.out = out;
  }

  JsonOut beginObject(String name) throws IOException {
    key(name);
    out.append('{');
    depth++;
    first = true;
    return this;
  }

  JsonOut endObject() throws IOException {
    depth--;
    newline();
    out.append('}');
    first = false;
    return this;
  }

  JsonOut beginArray(String name) throws IOException {
    key(name);
    out.append('[');
    depth++;
    first = true;
    return this;
  }

  JsonOut endArray() throws IOException {
    depth--;
    if (!first) {
      newline();
    }
    out.append(']');
    first = false;
    return this;
  }

  JsonOut string(String name, String value) throws IOException {
    key(name);
    out.append(value == null ? "null" : quote(value));
    return this;
  }

  JsonOut number(String name, long value) throws IOException {
    key(name);
    out.append(Long.toString(value));
    return this;
  }

  /** A number rounded to three decimals; NaN and infinities are null. */
  JsonOut number(String name, double value) throws IOException {
    key(name);
    out.append(Double.isFinite(value) ? decimal(value) : "null");
    return this;
  }

  JsonOut bool(String name, boolean value) throws IOException {
    key(name);
    out.append(Boolean.toString(value));
    return this;
  }

  /** A time as ISO-8601 UTC with milliseconds; null for {@code Long.MIN_VALUE} and {@code Long.MAX_VALUE}. */
  JsonOut time(String name, long epochNanos) throws IOException {
    return string(name, epochNanos == Long.MIN_VALUE || epochNanos == Long.MAX_VALUE ? null : TimeUnits.format(epochNanos));
  }

  /** Starts the next element: a separator, a new line, and {@code "name": } unless inside an array ({@code name} null). */
  private void key(String name) throws IOException {
    if (depth > 0) {
      if (!first) {
        out.append(',');
      }
      newline();
    }
    first = false;
    if (name != null) {
      out.append(quote(name)).append(": ");
    }
  }

  private void newline() throws IOException {
    out.append('\n');
    for (int i = 0; i < depth; i++) {
      out.append("  ");
    }
  }

  static String decimal(double v) {
    BigDecimal d = BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
