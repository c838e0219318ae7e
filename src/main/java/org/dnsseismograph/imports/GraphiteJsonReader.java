package org.dnsseismograph.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.series.LabelConvention;

/**
 * Reads Graphite's render API {@code format=json}: an array of {@code {"target", "datapoints":
 * [[value, epoch-seconds], ...]}} (value first, {@code null} for none), optionally wrapped in a
 * JSONP call. Timestamps label the start of their interval. Stateless.
 *
 * @see <a href="https://graphite.readthedocs.io/en/latest/render_api.html#json">Render API: json</a>
 */
final class GraphiteJsonReader implements FormatReader {

  @Override
  public ImportFormat format() {
    return ImportFormat.GRAPHITE_JSON;
  }

  @Override
  public String rejection(ExportText text) {
    String h = unwrap(text.head(4096));
    return h.startsWith("[") && h.contains("\"target\"") && h.contains("\"datapoints\"") ? null
        : "not a JSON array of {\"target\", \"datapoints\"} objects";
  }

  @Override
  public List<RawSeries> read(ExportText text, ImportOptions options, ImportLog log) throws NotThisFormat {
    JsonNode root = JsonTrees.parse(unwrap(text.text().strip()));
    if (!root.isArray()) {
      throw new NotThisFormat("the top level is not an array");
    }
    log.timeBasis("epoch seconds, UTC");
    List<RawSeries> out = new ArrayList<>();
    for (JsonNode target : root) {
      JsonNode points = target.path("datapoints");
      if (!target.has("target") || !points.isArray()) {
        throw new NotThisFormat("an element has no \"target\" and \"datapoints\"");
      }
      RawSeries s = new RawSeries(target.path("target").asText());
      s.label = LabelConvention.START;
      s.guessCounter = true;
      s.kindBasis = "Graphite render output: plotted values, kept as they are";
      for (JsonNode p : points) {
        Double v = p.isArray() && p.size() == 2 ? JsonTrees.number(p.get(0)) : null;
        Long t = p.isArray() && p.size() == 2 ? JsonTrees.epochSeconds(p.get(1)) : null;
        if (v == null || t == null) {
          log.skip(0, "datapoint is not [value, epoch seconds]");
          continue;
        }
        s.add(t, v, 0);
      }
      out.add(s);
    }
    return out;
  }

  /** Strips a JSONP wrapper {@code name(...)}. */
  private static String unwrap(String s) {
    String t = s.strip();
    int paren = t.indexOf('(');
    if (paren > 0 && !t.startsWith("[") && t.substring(0, paren).matches("[\\w.$]+")) {
      int close = t.lastIndexOf(')');
      return (close > paren ? t.substring(paren + 1, close) : t.substring(paren + 1)).strip();
    }
    return t;
  }
}
