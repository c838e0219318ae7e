package org.dnsseismograph.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dnsseismograph.series.LabelConvention;

/**
 * Reads delimited time-series tables: generic CSV/TSV, Grafana's legacy "series as rows" export
 * ({@code "Series";"Time";"Value"}), Grafana 7+ "series joined by time" / "series as columns"
 * (a time column and one column per series, headers often label sets), and Graphite's {@code
 * format=csv} ({@code name,local date-time,value}, no header). One class, four variants: each
 * variant accepts only the layouts that are its own, so detection can name the format. Records
 * with the wrong number of fields, unreadable times or values are skipped and counted; a quote
 * left open at the end makes the import partial. Stateless.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4180">RFC 4180</a>
 * @see <a href="https://graphite.readthedocs.io/en/latest/render_api.html#csv">Graphite render API: csv</a>
 */
final class CsvReader implements FormatReader {
  private final ImportFormat variant;

  CsvReader(ImportFormat variant) {
    this.variant = variant;
  }

  @Override
  public ImportFormat format() {
    return variant;
  }

  @Override
  public String rejection(ExportText text) {
    Object a = CsvLayout.analyse(text, null);
    if (a instanceof String why) {
      return why;
    }
    return mismatch((CsvLayout) a);
  }

  /** Why {@code layout} is not this variant's, or null. */
  private String mismatch(CsvLayout l) {
    return switch (variant) {
      case GRAFANA_LEGACY_CSV -> l.isSeriesTimeValue() ? null : "header is not \"Series\", \"Time\", \"Value\"";
      case GRAPHITE_CSV -> !l.header() && l.columns() == 3 && l.nameColumn() == 0 && l.timeColumn() == 1
          && l.time().style() == TimeReader.Style.LOCAL ? null : "not headerless \"name,YYYY-MM-DD HH:MM:SS,value\" rows";
      case GRAFANA_WIDE_CSV -> l.header() && l.timeColumn() == 0 && l.nameColumn() < 0 && l.names().get(0).equalsIgnoreCase("Time")
          ? null : "not a \"Time\" column followed by one column per series";
      default -> null;
    };
  }

  @Override
  public List<RawSeries> read(ExportText text, ImportOptions options, ImportLog log) throws NotThisFormat {
    Object a = CsvLayout.analyse(text, options.zone());
    if (a instanceof String why) {
      throw new NotThisFormat(why);
    }
    CsvLayout l = (CsvLayout) a;
    String mismatch = mismatch(l);
    if (mismatch != null) {
      throw new NotThisFormat(mismatch);
    }
    TimeReader time = variant == ImportFormat.GRAPHITE_CSV && options.zone() != null ? TimeReader.local(options.zone()) : l.time();
    log.timeBasis(time.basis() + " (column \"" + l.names().get(l.timeColumn()) + "\")");
    if (time.assumedUtc()) {
      log.warn("the times have no offset and no time zone was given: read as UTC (name the zone to correct this)");
    }
    String body = String.join("\n", text.lines().subList(l.skipFirstLines(), text.lines().size()));
    List<CsvRecords.Record> records = CsvRecords.split(body, l.delimiter(), l.skipFirstLines() + 1);
    List<CsvRecords.Record> rows = l.header() ? records.subList(1, records.size()) : records;
    return l.nameColumn() >= 0 ? readLong(rows, l, time, log) : readWide(rows, l, time, log);
  }

  private List<RawSeries> readWide(List<CsvRecords.Record> rows, CsvLayout l, TimeReader time, ImportLog log) {
    List<RawSeries> out = new ArrayList<>();
    for (int c : l.valueColumns()) {
      out.add(newSeries(seriesName(l.names().get(c))));
    }
    for (CsvRecords.Record r : rows) {
      if (!usable(r, l, log)) {
        continue;
      }
      long t = time.parse(r.cells().get(l.timeColumn()), "", r.line(), log);
      if (t == Long.MIN_VALUE) {
        continue;
      }
      for (int k = 0; k < out.size(); k++) {
        out.get(k).add(t, value(r.cells().get(l.valueColumns().get(k)), r.line(), log), r.line());
      }
    }
    return out;
  }

  private List<RawSeries> readLong(List<CsvRecords.Record> rows, CsvLayout l, TimeReader time, ImportLog log) {
    Map<String, RawSeries> out = new LinkedHashMap<>();
    int valueColumn = l.valueColumns().get(0);
    for (CsvRecords.Record r : rows) {
      if (!usable(r, l, log)) {
        continue;
      }
      String name = seriesName(r.cells().get(l.nameColumn()));
      long t = time.parse(r.cells().get(l.timeColumn()), name, r.line(), log);
      if (t == Long.MIN_VALUE) {
        continue;
      }
      out.computeIfAbsent(name, this::newSeries).add(t, value(r.cells().get(valueColumn), r.line(), log), r.line());
    }
    return new ArrayList<>(out.values());
  }

  private static boolean usable(CsvRecords.Record r, CsvLayout l, ImportLog log) {
    if (r.unterminated()) {
      log.skip(r.line(), "a quoted field is never closed (the file ends inside it: truncated?)");
      return false;
    }
    if (r.cells().size() != l.columns()) {
      log.skip(r.line(), "wrong number of fields for '" + CsvLayout.printable(l.delimiter()) + "'-delimited records of "
          + l.columns() + " fields (mixed delimiters or a broken line?)");
      return false;
    }
    return true;
  }

  private RawSeries newSeries(String name) {
    RawSeries s = new RawSeries(name);
    s.label = LabelConvention.START;
    s.guessCounter = true;
    s.kindBasis = variant == ImportFormat.CSV ? "table values, kept as they are" : variant.title() + ": plotted values, kept as they are";
    return s;
  }

  /** A Grafana label-set header becomes {@code name[label:value|...]}; other names stay as written. */
  private static String seriesName(String cell) {
    String n = cell.strip();
    Map<String, String> labels = MetricNames.parseLabelSet(n);
    return labels != null ? MetricNames.fromLabels(labels) : n.isEmpty() ? "value" : n;
  }

  private static double value(String cell, long line, ImportLog log) {
    Double v = Cells.parse(cell);
    if (v == null) {
      log.skip(line, "value is not a number");
      return Double.NaN;
    }
    return v;
  }
}
