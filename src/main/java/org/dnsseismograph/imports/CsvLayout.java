package org.dnsseismograph.imports;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a delimited export looks like, found from its first lines: the delimiter, whether the first
 * record is a header, which column holds the time (and how it is written), which columns hold
 * values and whether the series are columns ("wide") or named in a column of their own ("long":
 * series as rows). Immutable.
 *
 * @param delimiter the field delimiter
 * @param header true when the first record names the columns
 * @param columns the number of fields in a record
 * @param names the column names (from the header, or {@code column1}...)
 * @param timeColumn the index of the time column
 * @param time how the time column is written
 * @param valueColumns the indices of the value columns
 * @param nameColumn the index of the series-name column in a long layout, or -1 for a wide one
 * @param skipFirstLines lines before the records (Excel's {@code sep=;} line)
 */
record CsvLayout(char delimiter, boolean header, int columns, List<String> names, int timeColumn, TimeReader time,
    List<Integer> valueColumns, int nameColumn, int skipFirstLines) {
  private static final char[] DELIMITERS = {',', ';', '\t', '|'};
  private static final Set<String> TIME_NAMES = Set.of("time", "timestamp", "date", "datetime", "_time", "ts", "date_time",
      "time_utc", "epoch");
  private static final int SAMPLE = 50;
  /** The share of sampled lines that must split alike for a delimiter to be trusted. */
  private static final double MIN_AGREEMENT = 0.8;

  /** The layout of {@code text}, or the reason why it is not a delimited time-series table. */
  static Object analyse(ExportText text, ZoneId zone) {
    List<String> lines = text.lines();
    int skip = 0;
    Character forced = null;
    String first = text.firstContentLine();
    if (first.toLowerCase(Locale.ROOT).startsWith("sep=") && first.length() == 5) {
      forced = first.charAt(4);
      skip = lines.indexOf(lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("")) + 1;
    }
    List<String> body = lines.subList(skip, lines.size());
    Object d = forced != null ? (Object) forced : delimiter(body);
    if (d instanceof String why) {
      return why;
    }
    char delim = (Character) d;
    String head = String.join("\n", body.subList(0, Math.min(body.size(), SAMPLE + 1)));
    List<CsvRecords.Record> recs = CsvRecords.split(head, delim, skip + 1);
    if (recs.size() < 2) {
      return "fewer than two records";
    }
    return columns(recs, delim, zone, skip);
  }

  /** The delimiter that splits the sample into the same number (> 1) of fields most often; a reason string if none does. */
  private static Object delimiter(List<String> lines) {
    char best = 0;
    double bestShare = 0;
    int bestFields = 0;
    for (char c : DELIMITERS) {
      int[] counts = CsvRecords.fieldCounts(lines, c, SAMPLE);
      if (counts.length == 0) {
        return "no content";
      }
      int mode = mode(counts);
      long agree = java.util.Arrays.stream(counts).filter(x -> x == mode).count();
      double share = (double) agree / counts.length;
      if (mode > 1 && (share > bestShare || share == bestShare && mode > bestFields)) {
        best = c;
        bestShare = share;
        bestFields = mode;
      }
    }
    if (best == 0) {
      return "no delimiter (, ; TAB |) splits the lines into fields";
    }
    if (bestShare < MIN_AGREEMENT) {
      return "the lines do not agree on a delimiter: '" + printable(best) + "' gives " + bestFields + " fields in only "
          + Math.round(bestShare * 100) + "% of the first lines (mixed delimiters?)";
    }
    return best;
  }

  private static int mode(int[] counts) {
    java.util.Map<Integer, Integer> freq = new java.util.HashMap<>();
    int best = counts[0];
    for (int c : counts) {
      int f = freq.merge(c, 1, Integer::sum);
      if (f > freq.get(best) || f == freq.get(best) && c > best) {
        best = c;
      }
    }
    return best;
  }

  static String printable(char c) {
    return c == '\t' ? "TAB" : String.valueOf(c);
  }

  private static Object columns(List<CsvRecords.Record> recs, char delim, ZoneId zone, int skip) {
    int width = mode(recs.stream().mapToInt(r -> r.cells().size()).toArray());
    List<CsvRecords.Record> rows = recs.stream().filter(r -> r.cells().size() == width).toList();
    if (rows.size() < 2) {
      return "fewer than two records with " + width + " fields";
    }
    List<String> firstRow = rows.get(0).cells();
    int time = timeColumn(rows, zone, firstRow);
    if (time < 0) {
      return "no column holds times (epoch seconds/ms/µs/ns, ISO-8601 or local date-times)";
    }
    List<CsvRecords.Record> data = rows.subList(1, rows.size());
    boolean header = TimeReader.detect(List.of(firstRow.get(time)), zone) == null;
    List<CsvRecords.Record> sample = header ? data : rows;
    TimeReader reader = TimeReader.detect(sample.stream().map(r -> r.cells().get(time)).toList(), zone);
    List<Integer> values = new ArrayList<>();
    List<Integer> texts = new ArrayList<>();
    for (int c = 0; c < width; c++) {
      if (c != time) {
        (numeric(sample, c) ? values : texts).add(c);
      }
    }
    if (values.isEmpty()) {
      return "no column of numbers besides the time";
    }
    int nameColumn = values.size() == 1 && texts.size() == 1 ? texts.get(0) : -1;
    List<String> names = new ArrayList<>();
    for (int c = 0; c < width; c++) {
      names.add(header ? firstRow.get(c).strip() : "column" + (c + 1));
    }
    return new CsvLayout(delim, header, width, names, time, reader, values, nameColumn, skip);
  }

  private static int timeColumn(List<CsvRecords.Record> rows, ZoneId zone, List<String> firstRow) {
    int width = firstRow.size();
    List<CsvRecords.Record> data = rows.subList(1, rows.size());
    int found = -1;
    for (int c = 0; c < width; c++) {
      final int col = c;
      if (TimeReader.detect(data.stream().map(r -> r.cells().get(col)).toList(), zone) != null) {
        if (TIME_NAMES.contains(TimeReader.unquote(firstRow.get(c)).toLowerCase(Locale.ROOT))) {
          return c;
        }
        if (found < 0) {
          found = c;
        }
      }
    }
    return found;
  }

  /** True when most non-blank cells of column {@code c} are numbers or missing-value words. */
  private static boolean numeric(List<CsvRecords.Record> rows, int c) {
    int numbers = 0;
    int words = 0;
    for (CsvRecords.Record r : rows) {
      String cell = r.cells().get(c).strip();
      Double v = Cells.parse(cell);
      if (v == null) {
        words++;
      } else if (!Double.isNaN(v)) {
        numbers++;
      }
    }
    return numbers > 0 && words * 10 <= numbers + words;
  }

  /** True for a Grafana legacy header: Series, Time, Value. */
  boolean isSeriesTimeValue() {
    return header && names.size() == 3 && names.get(0).equalsIgnoreCase("Series") && names.get(1).equalsIgnoreCase("Time")
        && names.get(2).equalsIgnoreCase("Value");
  }
}
