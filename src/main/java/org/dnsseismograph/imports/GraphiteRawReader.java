package org.dnsseismograph.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dnsseismograph.series.LabelConvention;
import org.dnsseismograph.series.TimeUnits;

/**
 * Reads Graphite's render API {@code format=raw}: one line per target, {@code
 * name,start,end,step|v1,v2,...} ({@code None} for no value); the name may itself hold commas.
 * Value {@code i} is labelled {@code start + i × step}, the start of its interval. Stateless.
 *
 * @see <a href="https://graphite.readthedocs.io/en/latest/render_api.html#raw">Render API: raw</a>
 */
final class GraphiteRawReader implements FormatReader {
  private static final Pattern LINE = Pattern.compile("(.+),(\\d{1,12}),(\\d{1,12}),(\\d{1,12})\\|(.*)");

  @Override
  public ImportFormat format() {
    return ImportFormat.GRAPHITE_RAW;
  }

  @Override
  public String rejection(ExportText text) {
    return LINE.matcher(text.firstContentLine()).matches() ? null : "first line is not \"name,start,end,step|values\"";
  }

  @Override
  public List<RawSeries> read(ExportText text, ImportOptions options, ImportLog log) throws NotThisFormat {
    List<RawSeries> out = new ArrayList<>();
    long n = 0;
    for (String l : text.lines()) {
      n++;
      if (l.isBlank()) {
        continue;
      }
      Matcher m = LINE.matcher(l.strip());
      if (!m.matches() || Long.parseLong(m.group(4)) == 0) {
        log.skip(n, "not \"name,start,end,step|values\"");
        continue;
      }
      long start = Long.parseLong(m.group(2)) * TimeUnits.NANOS_PER_SECOND;
      long end = Long.parseLong(m.group(3)) * TimeUnits.NANOS_PER_SECOND;
      long step = Long.parseLong(m.group(4)) * TimeUnits.NANOS_PER_SECOND;
      RawSeries s = new RawSeries(m.group(1));
      s.declaredStep = step;
      s.stepBasis = "declared by the file";
      s.label = LabelConvention.START;
      s.guessCounter = true;
      s.kindBasis = "Graphite render output: plotted values, kept as they are";
      String[] cells = m.group(5).isEmpty() ? new String[0] : m.group(5).split(",", -1);
      for (int i = 0; i < cells.length; i++) {
        Double v = Cells.parse(cells[i]);
        if (v == null) {
          log.skip(n, "value is not a number");
          v = Double.NaN;
        }
        s.add(start + i * step, v, n);
      }
      if ((end - start) / step != cells.length) {
        log.warn(s.name + ": " + cells.length + " values where start, end and step make " + (end - start) / step);
      }
      out.add(s);
    }
    log.timeBasis("epoch seconds, UTC");
    return out;
  }
}
