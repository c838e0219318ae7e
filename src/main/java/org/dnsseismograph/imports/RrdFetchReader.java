package org.dnsseismograph.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.dnsseismograph.series.Consolidation;

/**
 * Reads {@code rrdtool fetch} text: a line of data-source names, a blank line, then {@code
 * epoch-seconds: value value ...} rows ({@code nan} or {@code -nan} unknown). Timestamps label the
 * end of their interval; the step is the spacing of the rows (the resolution fetch chose). A file
 * name saying MAX or MIN sets the consolidation. Stateless.
 *
 * @see <a href="https://oss.oetiker.ch/rrdtool/doc/rrdfetch.en.html">rrdfetch</a>
 */
final class RrdFetchReader implements FormatReader {
  private static final Pattern ROW = Pattern.compile("\\d{9,11}: .*");

  @Override
  public ImportFormat format() {
    return ImportFormat.RRD_FETCH;
  }

  @Override
  public String rejection(ExportText text) {
    List<String> content = text.lines().stream().filter(l -> !l.isBlank()).limit(3).toList();
    if (content.size() < 2 || ROW.matcher(content.get(0).strip()).matches() || !ROW.matcher(content.get(1).strip()).matches()) {
      return "not a line of data-source names followed by \"epoch-seconds: values\" rows";
    }
    return null;
  }

  @Override
  public List<RawSeries> read(ExportText text, ImportOptions options, ImportLog log) throws NotThisFormat {
    List<String> lines = text.lines();
    int header = 0;
    while (header < lines.size() && lines.get(header).isBlank()) {
      header++;
    }
    String[] names = lines.get(header).strip().split("\\s+");
    List<RawSeries> out = new ArrayList<>();
    for (String n : names) {
      RawSeries s = RrdXportJsonReader.RrdSeries.create(n, 0, null);
      s.consolidation = consolidation(text.name());
      out.add(s);
    }
    for (int i = header + 1; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (l.isEmpty()) {
        continue;
      }
      int colon = l.indexOf(':');
      Long t = colon > 0 ? JsonTrees.epochSeconds(l.substring(0, colon)) : null;
      String[] cells = colon > 0 ? l.substring(colon + 1).strip().split("\\s+") : new String[0];
      if (t == null || cells.length != names.length) {
        log.skip(i + 1, "not \"epoch-seconds: value\" with one value per data source");
        continue;
      }
      for (int k = 0; k < cells.length; k++) {
        Double v = Cells.parse(cells[k]);
        if (v == null) {
          log.skip(i + 1, "value is not a number");
          v = Double.NaN;
        }
        out.get(k).add(t, v, i + 1);
      }
    }
    log.timeBasis("epoch seconds, UTC");
    return out;
  }

  private static Consolidation consolidation(String fileName) {
    String n = fileName.toLowerCase(java.util.Locale.ROOT);
    return n.contains("max") ? Consolidation.MAX : n.contains("min") ? Consolidation.MIN : Consolidation.AVERAGE;
  }
}
