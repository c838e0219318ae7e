package org.dnsseismograph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.series.TimeRange;

/** The demo incident under {@code assets/demo/}: the capture and the outage as the lab's truth.json records it. */
final class DemoIncident {
  static final Path CAPTURE = Path.of("assets/demo/capture.pcap.gz");
  static final Path TRUTH = Path.of("assets/demo/truth.json");

  private DemoIncident() {}

  private static JsonNode truth() {
    try {
      return new ObjectMapper().readTree(TRUTH.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** When example.test's servers were stopped and continued (SIGSTOP to SIGCONT), epoch ns. */
  static TimeRange outage() {
    JsonNode o = truth().get("outage");
    return new TimeRange(o.get("startNs").asLong(), o.get("endNs").asLong());
  }

  static String zone() {
    return truth().get("outage").get("zone").asText();
  }

  static List<String> servers() {
    List<String> out = new ArrayList<>();
    truth().get("outage").get("servers").forEach(s -> out.add(s.asText()));
    return out;
  }
}
