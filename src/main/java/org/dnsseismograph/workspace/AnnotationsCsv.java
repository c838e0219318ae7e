package org.dnsseismograph.workspace;

import java.util.List;
import org.dnsseismograph.series.TimeUnits;

/**
 * Annotations as CSV for spreadsheets ({@code seismograph annotations --format csv}, the evidence
 * bundle): a header line, then one line per annotation in book order with the columns {@link
 * #HEADER}. Times are nanosecond-exact ISO-8601 UTC instants, the duration in milliseconds (a
 * plain decimal), servers separated by spaces. Fields holding a comma, a quote or a line break are
 * quoted, quotes doubled; lines end with {@code \n}. Stateless and thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4180">RFC 4180</a>
 */
public final class AnnotationsCsv {
  /** The header line's columns, in order. */
  public static final List<String> HEADER = List.of("id", "kind", "state", "start", "end", "duration_ms", "label", "text", "zone",
      "servers", "proposed_by");

  private AnnotationsCsv() {}

  /** The whole CSV text. */
  public static String write(List<Annotation> annotations) {
    StringBuilder b = new StringBuilder(String.join(",", HEADER)).append('\n');
    for (Annotation a : annotations) {
      List<String> cells = List.of(a.id(), a.kind().word(), a.state().word(), instant(a.span().startNanos()), instant(a.span().endNanos()),
          millis(a.span().durationNanos()), a.label(), a.text(), a.zone(), String.join(" ", a.servers()), a.proposedBy());
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        b.append(quote(cells.get(i)));
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** {@code s} as one CSV field. */
  static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  private static String instant(long nanos) {
    return TimeUnits.toInstant(nanos).toString();
  }

  /** Milliseconds as a plain decimal without trailing zeros: 20010.132, 0, 1.5. */
  static String millis(long nanos) {
    return new java.math.BigDecimal(nanos).movePointLeft(6).stripTrailingZeros().toPlainString();
  }
}
