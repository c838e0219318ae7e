package org.dnsseismograph.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code lab/run-lab} wrote in {@code truth.json} (schema in lab/README.md): the resolvers,
 * the zones and their servers, and the outage it caused, if any.
 *
 * @param resolvers the resolvers' addresses
 * @param zoneServers per zone (absolute name, e.g. "example.test."), its servers
 * @param outageZone the dark zone, or null for a baseline run
 * @param outageServers the servers that went dark (empty for a baseline run)
 * @param outageStartNanos the moment before the first SIGSTOP, epoch ns (0 without an outage)
 * @param outageEndNanos the moment before the first SIGCONT, epoch ns (0 without an outage)
 * @param loadStartNanos when the client load started
 * @param loadEndNanos when the client load ended
 */
public record LabTruth(List<String> resolvers, Map<String, List<String>> zoneServers, String outageZone, List<String> outageServers,
    long outageStartNanos, long outageEndNanos, long loadStartNanos, long loadEndNanos) {

  public static LabTruth read(Path truthJson) throws IOException {
    JsonNode t = new ObjectMapper().readTree(truthJson.toFile());
    List<String> resolvers = new ArrayList<>();
    t.get("resolvers").forEach(r -> resolvers.add(r.get("address").asText()));
    Map<String, List<String>> zones = new LinkedHashMap<>();
    t.get("zones").forEach(z -> zones.put(z.get("zone").asText(), texts(z.get("servers"))));
    JsonNode o = t.get("outage");
    boolean outage = o != null && !o.isNull();
    return new LabTruth(resolvers, zones, outage ? o.get("zone").asText() : null, outage ? texts(o.get("servers")) : List.of(),
        outage ? o.get("startNs").asLong() : 0, outage ? o.get("endNs").asLong() : 0, t.get("load").get("startNs").asLong(),
        t.get("load").get("endNs").asLong());
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
