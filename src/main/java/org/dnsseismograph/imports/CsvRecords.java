package org.dnsseismograph.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits delimited text into records of cells by RFC 4180 rules: a field may be quoted with {@code
 * "}, a quote inside is doubled, a quoted field may hold the delimiter and line breaks. Blank lines
 * are dropped. A quote left open at the end of the text makes the last record {@link
 * Record#unterminated()}. Stateless.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4180">RFC 4180</a>
 */
final class CsvRecords {

  /** One record: its cells (quotes removed) and the 1-based line it starts on. */
  record Record(long line, List<String> cells, boolean unterminated) {}

  private CsvRecords() {}

  /** The records of {@code text} split on {@code delimiter}, starting at line {@code firstLine} of the file. */
  static List<Record> split(String text, char delimiter, long firstLine) {
    List<Record> out = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    long line = firstLine;
    long start = firstLine;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          cell.append(c);
        }
      } else if (c == '"' && cell.toString().isBlank()) {
        cell.setLength(0);
        quoted = true;
        any = true;
      } else if (c == delimiter) {
        cells.add(cell.toString());
        cell.setLength(0);
        any = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (any || cell.length() > 0 && !cell.toString().isBlank()) {
          cells.add(cell.toString());
          out.add(new Record(start, cells, false));
        }
        cells = new ArrayList<>();
        cell.setLength(0);
        any = false;
        line++;
        start = line;
      } else {
        cell.append(c);
      }
    }
    if (any || cell.length() > 0 && !cell.toString().isBlank()) {
      cells.add(cell.toString());
      out.add(new Record(start, cells, quoted));
    }
    return out;
  }

  /** How many fields each of the first {@code maxLines} non-blank lines splits into on {@code delimiter} (quotes respected). */
  static int[] fieldCounts(List<String> lines, char delimiter, int maxLines) {
    List<Integer> counts = new ArrayList<>();
    for (String l : lines) {
      if (l.isBlank()) {
        continue;
      }
      int fields = 1;
      boolean q = false;
      for (int i = 0; i < l.length(); i++) {
        char c = l.charAt(i);
        if (c == '"') {
          q = !q;
        } else if (c == delimiter && !q) {
          fields++;
        }
      }
      counts.add(fields);
      if (counts.size() == maxLines) {
        break;
      }
    }
    return counts.stream().mapToInt(Integer::intValue).toArray();
  }
}
