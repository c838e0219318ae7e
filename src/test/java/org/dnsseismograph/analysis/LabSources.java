package org.dnsseismograph.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;

/**
 * The demo incident's capture as the aligners' reference: each resolver's client queries, timed by
 * tshark (the trusted peer; our own capture pipeline is not needed for these tests).
 */
final class LabSources {
  static final Path DEMO = Path.of("assets/demo");
  static final Path SHIFTED = Path.of("src/test/resources/org/dnsseismograph/imports/unbound-stats-shifted-37s-europe-berlin.csv");
  static final ZoneId SHIFTED_ZONE = ZoneId.of("Europe/Berlin");
  static final long SHIFT_NANOS = 37 * TimeUnits.NANOS_PER_SECOND;
  private static final Map<String, EventSeries> CACHE = new ConcurrentHashMap<>();

  private LabSources() {}

  /** Client queries to {@code resolver} in the demo capture, as tshark sees them. */
  static EventSeries clientQueries(String resolver) throws IOException, InterruptedException {
    EventSeries cached = CACHE.get(resolver);
    if (cached != null) {
      return cached;
    }
    Process p = new ProcessBuilder("/usr/bin/tshark", "-r", DEMO.resolve("capture.pcap.gz").toString(), "-Y",
        "dns.flags.response==0 && ip.dst==" + resolver, "-T", "fields", "-e", "frame.time_epoch")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    List<Long> times = new ArrayList<>();
    try (InputStream in = p.getInputStream()) {
      for (String l : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        if (!l.isBlank()) {
          times.add(TimeUnits.parseInstant(l.strip()));
        }
      }
    }
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException("tshark failed");
    }
    long[] t = times.stream().mapToLong(Long::longValue).toArray();
    EventSeries s = EventSeries.of(MetricId.of("client.queries"), new TimeRange(t[0], t[t.length - 1] + 1), t);
    CACHE.put(resolver, s);
    return s;
  }

  /** A capture-like source holding one resolver's client queries. */
  static SeriesSet capture(String resolver) throws IOException, InterruptedException {
    return SeriesSet.of("capture.pcap.gz " + resolver, List.of(clientQueries(resolver)));
  }
}
