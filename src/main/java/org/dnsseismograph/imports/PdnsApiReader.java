package org.dnsseismograph.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads PowerDNS Recursor's API statistics ({@code GET /api/v1/servers/localhost/statistics}): a
 * JSON array of {@code {"name", "type", "value"}} items, one snapshot per file or per {@code # time}
 * header. A {@code MapStatisticItem} becomes one series per entry ({@code name.entry}); ring items
 * (top-N lists) are not series and are left out, with a warning. Stateless.
 *
 * @see <a href="https://doc.powerdns.com/recursor/http-api/endpoint-statistics.html">Statistics endpoint</a>
 */
final class PdnsApiReader extends SnapshotReader {

  @Override
  public ImportFormat format() {
    return ImportFormat.PDNS_API_JSON;
  }

  @Override
  public String rejection(ExportText text) {
    String body = StampedChunks.isStamped(text) && text.lines().size() > 1 ? text.lines().get(1).strip() : text.head(2048);
    return body.startsWith("[") && body.contains("\"name\"") && body.contains("Item\"") ? null
        : "not a JSON array of {\"name\", \"type\": \"StatisticItem\", \"value\"} items";
  }

  @Override
  StatsDialect dialect(List<Snapshot> snapshots) {
    return StatsDialect.PDNS;
  }

  @Override
  List<Snapshot> snapshots(ExportText text, ImportOptions options, ImportLog log) throws NotThisFormat {
    List<Snapshot> out = new ArrayList<>();
    int rings = 0;
    for (StampedChunks.Chunk c : StampedChunks.split(text, log)) {
      if (c.failed()) {
        out.add(new Snapshot(c.time(), "# time header", Map.of(), c.firstLine(), text.name(), true));
        continue;
      }
      String json = String.join("\n", c.lines()).strip();
      JsonNode root;
      try {
        root = JsonTrees.parse(json);
      } catch (NotThisFormat e) {
        if (c.time() == Long.MIN_VALUE) {
          throw e;
        }
        log.skip(c.firstLine(), "snapshot is not valid JSON");
        continue;
      }
      if (!root.isArray()) {
        throw new NotThisFormat("the statistics are not a JSON array");
      }
      Map<String, Double> values = new LinkedHashMap<>();
      for (JsonNode item : root) {
        rings += add(item, values, c.firstLine(), log);
      }
      out.add(new Snapshot(c.time(), c.time() == Long.MIN_VALUE ? "" : "# time header", values, c.firstLine(), text.name(), false));
    }
    if (rings > 0) {
      log.warn(rings + " ring statistics (top-N lists such as remotes) are not series and were left out");
    }
    return out;
  }

  /** Adds one item's values; returns 1 for a ring item left out, else 0. */
  private static int add(JsonNode item, Map<String, Double> values, long line, ImportLog log) {
    String name = item.path("name").asText("");
    String type = item.path("type").asText("");
    if (name.isEmpty()) {
      log.skip(line, "statistics item without a name");
      return 0;
    }
    if ("RingStatisticItem".equals(type)) {
      return 1;
    }
    JsonNode value = item.get("value");
    if ("MapStatisticItem".equals(type) && value != null && value.isArray()) {
      for (JsonNode e : value) {
        values.put(name + "." + e.path("name").asText("?"), number(e.get("value"), line, log));
      }
      return 0;
    }
    values.put(name, number(value, line, log));
    return 0;
  }

  private static double number(JsonNode v, long line, ImportLog log) {
    Double d = JsonTrees.number(v);
    if (d == null) {
      log.skip(line, "statistics value is not a number");
      return Double.NaN;
    }
    return d;
  }
}
