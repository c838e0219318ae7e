package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SeriesTable;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.testsupport.LabTruth;
import org.dnsseismograph.testsupport.Tshark;
import org.dnsseismograph.wire.DecodeOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The role metrics of the demo incident (two real resolvers, lab/README.md), second by second,
 * against what tshark decodes from the same capture with the lab's truth.json saying who is who.
 * The resolvers are found by {@code series} itself (no {@code --resolver}): equal to truth.json's
 * (see {@link RoleScanTsharkTest}), so the sides agree.
 */
class RoleMetricsTsharkTest {
  private static final long S = TimeUnits.NANOS_PER_SECOND;
  private static final Path TRUTH = Path.of("assets/demo/truth.json");
  private static final String DARK = "127.0.0.21";
  private static Map<String, Map<Long, Double>> peer;
  private static TimeRange seconds;

  @BeforeAll
  static void readWithTshark() throws IOException {
    assumeTrue(Tshark.available(), "tshark is the trusted peer; install it (Debian package tshark)");
    LabTruth truth = LabTruth.read(TRUTH);
    Set<String> resolvers = new HashSet<>(truth.resolvers());
    Set<String> exampleServers = new HashSet<>(truth.zoneServers().get("example.test."));
    peer = new HashMap<>();
    Map<String, long[]> lastAsk = new HashMap<>();
    Map<Long, Set<String>> sources = new TreeMap<>();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (String line : Tshark.fields(CaptureLoaderTest.DEMO, List.of(), "dns", "frame.time_epoch", "ip.src", "ip.dst", "udp.srcport", "udp.dstport",
        "dns.flags.response", "dns.qry.name", "dns.qry.type")) {
      String[] f = line.split("\t", -1);
      long t = Tshark.epochNanos(f[0]);
      long second = Math.floorDiv(t, S) * S;
      first = Math.min(first, t);
      last = Math.max(last, t);
      boolean response = f[5].equals("1") || f[5].equalsIgnoreCase("true");
      String src = f[1];
      String dst = f[2];
      if (!response && resolvers.contains(dst) && f[4].equals("53")) {
        bump("client.queries", second, 1);
        sources.computeIfAbsent(second, k -> new HashSet<>()).add(src);
        String key = src + " " + f[6].toLowerCase() + " " + f[7];
        long[] previous = lastAsk.get(key);
        boolean retry = previous != null && t - previous[0] <= 10 * S;
        bump("client.retries", second, retry ? 1 : 0);
        lastAsk.put(key, new long[] {t});
      } else if (response && resolvers.contains(src) && f[3].equals("53")) {
        bump("client.responses", second, 1);
      } else if (!response && resolvers.contains(src)) {
        bump("upstream.queries", second, 1);
        bump("upstream.server." + dst + ".queries", second, 1);
        if (exampleServers.contains(dst)) {
          bump("upstream.zone.example.test.queries", second, 1);
        }
      } else if (response && resolvers.contains(dst)) {
        bump("upstream.responses", second, 1);
        bump("upstream.server." + src + ".responses", second, 1);
      }
    }
    sources.forEach((second, set) -> bump("client.sources", second, set.size()));
    seconds = new TimeRange(Math.floorDiv(first, S) * S, Math.floorDiv(last, S) * S + S);
  }

  private static void bump(String metric, long second, double by) {
    peer.computeIfAbsent(metric, k -> new TreeMap<>()).merge(second, by, Double::sum);
  }

  @Test
  void clientAndUpstreamCountsPerSecondEqualTsharks() throws IOException {
    List<String> metrics = List.of("client.queries", "client.responses", "client.retries", "client.sources", "upstream.queries", "upstream.responses",
        "upstream.server." + DARK + ".queries", "upstream.server." + DARK + ".responses", "upstream.zone.example.test.queries");
    SeriesTable table = ours(metrics);

    for (String metric : metrics) {
      Map<Long, Double> expected = peer.getOrDefault(metric, Map.of());
      double[] values = table.columnValues(table.indexOf(MetricId.of(metric)));
      for (int row = 0; row < table.rowCount(); row++) {
        long second = table.rowStartNanos(row);
        assertEquals(expected.getOrDefault(second, 0.0), values[row], metric + " in " + TimeUnits.format(second));
      }
    }
    assertTrue(peer.get("client.retries").values().stream().mapToDouble(Double::doubleValue).sum() > 6000, "the demo has thousands of retries");
  }

  @Test
  void theRetryRatioIsRetriesPerClientQueryAndGapsWithoutQueries() throws IOException {
    SeriesTable table = ours(List.of("client.retry_ratio"));

    double[] ratio = table.columnValues(0);
    for (int row = 0; row < table.rowCount(); row++) {
      long second = table.rowStartNanos(row);
      double queries = peer.get("client.queries").getOrDefault(second, 0.0);
      double retries = peer.get("client.retries").getOrDefault(second, 0.0);
      if (queries == 0) {
        assertTrue(Double.isNaN(ratio[row]), "no query, no ratio in " + TimeUnits.format(second));
      } else {
        assertEquals(retries / queries, ratio[row], 1e-12, TimeUnits.format(second));
      }
    }
  }

  private static SeriesTable ours(List<String> metrics) throws IOException {
    SeriesRequest request = new SeriesRequest(List.of(CaptureLoaderTest.DEMO), DecodeOptions.defaults(), metrics, S, seconds, 3 * S);
    return CaptureSeries.compute(request, Progress.NONE).table();
  }
}
