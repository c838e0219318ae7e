package org.dnsseismograph.analysis;

import static org.dnsseismograph.analysis.SyntheticCapture.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.series.SeriesTable;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.IpAddress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every client and upstream metric issue 3 names, through {@code series} on a generated capture
 * of a resolver whose zone example.net goes dark from second 20 to 28 ({@link SyntheticCapture}):
 * per-server counts equal the generator's record of every upstream query, and the rest hold what
 * their definitions force (quantiles in order, ratios within 0..1, failures only where the
 * generator made them).
 */
class RoleMetricsTest {
  private static final String SERVER = "192.0.2.1";
  @TempDir static Path dir;
  private static Path file;
  private static SyntheticCapture.Truth truth;
  private static SyntheticScenario scenario;

  @BeforeAll
  static void generate() throws IOException {
    scenario = new SyntheticScenario().darken(20, 28, "192.0.2.1", "192.0.2.2", "192.0.2.3");
    scenario.resolverDrops = 0.02;
    file = dir.resolve("dark.pcap");
    truth = SyntheticCapture.write(file, scenario);
  }

  private static double[] series(String metric) throws IOException {
    SeriesRequest request = new SeriesRequest(List.of(file), DecodeOptions.defaults(), List.of(metric), S, null, 3 * S);
    SeriesTable table = CaptureSeries.compute(request, Progress.NONE).table();
    assertEquals(1, table.columns().size(), metric);
    return table.columnValues(0);
  }

  private static double total(String metric) throws IOException {
    double sum = 0;
    for (double v : series(metric)) {
      sum += Double.isNaN(v) ? 0 : v;
    }
    return sum;
  }

  @Test
  void perServerCountsAreTheQueriesTheGeneratorSentAndWhatCameBack() throws IOException {
    List<long[]> asked = truth.of(IpAddress.parse(SERVER));
    long answered = asked.stream().filter(q -> q[1] >= 0).count();

    assertEquals(asked.size(), total("upstream.server." + SERVER + ".queries"));
    assertEquals(answered, total("upstream.server." + SERVER + ".responses"));
    assertEquals(asked.size() - answered, total("upstream.server." + SERVER + ".timeouts"));
    assertTrue(asked.size() - answered > 20, "the dark span left queries unanswered: " + (asked.size() - answered));
  }

  @Test
  void theZoneCountsAreItsServersCounts() throws IOException {
    long asked = 0;
    for (String s : List.of("192.0.2.1", "192.0.2.2", "192.0.2.3")) {
      asked += truth.of(IpAddress.parse(s)).size();
    }

    assertEquals(asked, total("upstream.zone.example.net.queries"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"upstream.server.192.0.2.1.answer_ratio", "upstream.zone.example.net.answer_ratio"})
  void theAnswerRatioIsNoneWhileDarkAndAllOtherwise(String metric) throws IOException {
    double[] ratio = series(metric);
    for (int second = 0; second < ratio.length; second++) {
      if (Double.isNaN(ratio[second])) {
        continue;
      }
      // Queries sent while dark get no answer; a second from 19 to 28 may mix the two.
      if (second >= 20 && second < 27) {
        assertEquals(0, ratio[second], 1e-12, metric + " at second " + second);
      } else if (second < 19 || second > 28) {
        assertEquals(1, ratio[second], 1e-12, metric + " at second " + second);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"client", "upstream"})
  void latencyQuantilesAreInOrderEverySecond(String side) throws IOException {
    double[] p50 = series(side + ".latency.p50");
    double[] p90 = series(side + ".latency.p90");
    double[] p99 = series(side + ".latency.p99");
    double[] max = series(side + ".latency.max");
    int seen = 0;
    for (int i = 0; i < p50.length; i++) {
      if (!Double.isNaN(p50[i])) {
        seen++;
        assertTrue(0 < p50[i] && p50[i] <= p90[i] && p90[i] <= p99[i] && p99[i] <= max[i], side + " second " + i);
      }
    }
    assertTrue(seen > 50, side + ": seconds with answers " + seen);
  }

  @Test
  void clientFailuresAreWhereTheGeneratorMadeThem() throws IOException {
    double[] servfail = series("client.rcode.SERVFAIL");
    double before = 0;
    double during = 0;
    for (int second = 0; second < servfail.length; second++) {
      double v = Double.isNaN(servfail[second]) ? 0 : servfail[second];
      before += second < 20 ? v : 0;
      during += second >= 21 && second < 29 ? v : 0;
    }
    assertEquals(0, before);
    assertTrue(during > 50, "SERVFAIL while dark: " + during);
    assertTrue(total("client.unanswered") > 0, "the resolver dropped 2 % of the queries");
    assertTrue(total("upstream.rcode.NXDOMAIN") > 0, "the TLD denies the nosuch.net names");
    assertTrue(total("client.retries") > 0);
  }

  @Test
  void sourcesAndRetryRatioStayWithinWhatTheyCanBe() throws IOException {
    for (double v : series("client.sources")) {
      assertTrue(Double.isNaN(v) || v >= 1 && v <= scenario.clients, "sources " + v);
    }
    for (double v : series("client.retry_ratio")) {
      assertTrue(Double.isNaN(v) || v >= 0 && v <= 1, "retry ratio " + v);
    }
  }
}
