package org.dnsseismograph.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.series.LabelConvention;

/**
 * Reads {@code rrdtool xport --json}: {@code meta} gives start, step and the legend (one series per
 * entry), {@code data} one row per step from {@code start} on, {@code null} for unknown. RRDtool's
 * timestamps label the end of their interval; its values are already consolidated rates or gauges.
 * Stateless.
 *
 * @see <a href="https://oss.oetiker.ch/rrdtool/doc/rrdxport.en.html">rrdxport</a>
 */
final class RrdXportJsonReader implements FormatReader {

  @Override
  public ImportFormat format() {
    return ImportFormat.RRD_XPORT_JSON;
  }

  @Override
  public String rejection(ExportText text) {
    String h = text.head(4096);
    return h.startsWith("{") && h.contains("meta") && h.contains("legend") ? null : "not a JSON object with \"meta\" and a legend";
  }

  @Override
  public List<RawSeries> read(ExportText text, ImportOptions options, ImportLog log) throws NotThisFormat {
    JsonNode root = JsonTrees.parse(text.text());
    JsonNode meta = root.path("meta");
    Long start = JsonTrees.epochSeconds(meta.get("start"));
    Long step = JsonTrees.epochSeconds(meta.get("step"));
    JsonNode legend = meta.path("legend");
    JsonNode data = root.path("data");
    if (start == null || step == null || step <= 0 || !legend.isArray() || !data.isArray()) {
      throw new NotThisFormat("meta needs start, a positive step and a legend, and data rows");
    }
    List<RawSeries> out = new ArrayList<>();
    for (JsonNode name : legend) {
      out.add(RrdSeries.create(name.asText(), step, "declared by the file (meta.step)"));
    }
    long t = start;
    for (JsonNode row : data) {
      if (!row.isArray() || row.size() != out.size()) {
        log.skip(0, "data row does not have one value per legend entry");
      } else {
        for (int i = 0; i < out.size(); i++) {
          Double v = JsonTrees.number(row.get(i));
          if (v == null) {
            log.skip(0, "value is not a number");
            v = Double.NaN;
          }
          out.get(i).add(t, v, 0);
        }
      }
      t += step;
    }
    log.timeBasis("epoch seconds from meta.start and meta.step, UTC");
    return out;
  }

  /** The shared shape of RRDtool's series. */
  static final class RrdSeries {
    private RrdSeries() {}

    static RawSeries create(String name, long step, String stepBasis) {
      RawSeries s = new RawSeries(name);
      s.declaredStep = step;
      s.stepBasis = stepBasis;
      s.label = LabelConvention.END;
      s.kind = SeriesKind.GAUGE;
      s.kindBasis = "rrdtool output: consolidated values (counters already per-second rates), kept as they are";
      return s;
    }
  }
}
