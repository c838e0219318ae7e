package org.dnsseismograph.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dnsseismograph.series.LabelConvention;

/**
 * Reads a Prometheus HTTP API {@code query_range} response: one series per {@code result} element,
 * named by its label set; values are strings ({@code "NaN"}, {@code "+Inf"} are gaps), times epoch
 * seconds with fractions, labelled at the end of their interval. A series whose name ends in {@code
 * _total} and whose values never fall except to a lower restart value is a counter. Stateless.
 *
 * @see <a href="https://prometheus.io/docs/prometheus/latest/querying/api/#range-queries">Range queries</a>
 */
final class PrometheusJsonReader implements FormatReader {

  @Override
  public ImportFormat format() {
    return ImportFormat.PROMETHEUS_JSON;
  }

  @Override
  public String rejection(ExportText text) {
    String h = text.head(4096);
    return h.startsWith("{") && h.contains("\"status\"") ? null : "not a JSON object with a \"status\" field";
  }

  @Override
  public List<RawSeries> read(ExportText text, ImportOptions options, ImportLog log) throws NotThisFormat {
    JsonNode root = JsonTrees.parse(text.text());
    String status = root.path("status").asText("");
    if ("error".equals(status)) {
      throw new NotThisFormat("Prometheus answered an error: " + root.path("errorType").asText("") + " "
          + root.path("error").asText(""));
    }
    JsonNode data = root.path("data");
    if (!"success".equals(status) || !data.isObject()) {
      throw new NotThisFormat("no \"status\": \"success\" with a \"data\" object");
    }
    String type = data.path("resultType").asText("");
    if (!"matrix".equals(type)) {
      throw new NotThisFormat("resultType is \"" + type + "\", not \"matrix\" (only query_range results are series)");
    }
    JsonNode result = data.path("result");
    if (!result.isArray()) {
      throw new NotThisFormat("data.result is not an array");
    }
    log.timeBasis("epoch seconds, UTC");
    List<RawSeries> out = new ArrayList<>();
    for (JsonNode r : result) {
      out.add(series(r, log));
    }
    return out;
  }

  private static RawSeries series(JsonNode r, ImportLog log) {
    Map<String, String> labels = new LinkedHashMap<>();
    r.path("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    RawSeries s = new RawSeries(MetricNames.fromLabels(labels));
    s.label = LabelConvention.END;
    s.guessCounter = true;
    s.kindBasis = "query result values, kept as they are";
    JsonNode values = r.path("values");
    if (!values.isArray()) {
      log.skip(0, "result element without a \"values\" array");
      return s;
    }
    for (JsonNode pair : values) {
      Long t = pair.isArray() && pair.size() == 2 ? JsonTrees.epochSeconds(pair.get(0)) : null;
      Double v = pair.isArray() && pair.size() == 2 ? JsonTrees.number(pair.get(1)) : null;
      if (t == null || v == null) {
        log.skip(0, "point is not [epoch seconds, \"value\"]");
        continue;
      }
      s.add(t, v, 0);
    }
    if (s.name.endsWith("_total") || s.name.contains("_total[")) {
      s.kind = SeriesKind.COUNTER;
      s.kindBasis = "name ends in _total (a Prometheus counter): turned into a per-second rate";
    }
    return s;
  }
}
