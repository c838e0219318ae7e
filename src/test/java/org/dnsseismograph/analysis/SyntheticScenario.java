package org.dnsseismograph.analysis;

import static org.dnsseismograph.analysis.SyntheticCapture.S;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.dnsseismograph.wire.IpAddress;

/**
 * What {@link SyntheticCapture} generates: mutable settings with defaults, read once by {@link
 * SyntheticCapture#write}. Times are offsets from {@link #start}, in ns.
 */
final class SyntheticScenario {
  /** A zone of the scenario, its servers and its share of the unique names looked up. */
  record Zone(String name, List<IpAddress> servers, double share) {}

  /** A server that answers only with probability {@code answerProbability} during {@code [from, to)} (offsets from the start). */
  record Dark(IpAddress server, long fromOffset, long toOffset, double answerProbability) {}

  /** A server that answers {@code delay} late during {@code [from, to)}. */
  record Slow(IpAddress server, long fromOffset, long toOffset, long delay) {}

  long start = 1_700_000_000L * S;
  long duration = 60 * S;
  double lookupsPerSecond = 200;
  int clients = 40;
  List<Zone> zones = List.of(new Zone("example.net", servers("192.0.2.1", "192.0.2.2", "192.0.2.3"), 0.5),
      new Zone("shop.net", servers("198.51.100.1", "198.51.100.2"), 0.3), new Zone("media.net", servers("203.0.113.1"), 0.2));
  List<Dark> dark = new ArrayList<>();
  List<Slow> slow = new ArrayList<>();
  double cachedShare = 0.25;
  double nxShare = 0.05;
  double upstreamLoss;
  double resolverDrops;
  double tcpShare;
  DoubleUnaryOperator shape = x -> 1;
  double shapeMax = 1;
  boolean clientSideOnly;
  long seed = 1;

  static List<IpAddress> servers(String... addresses) {
    return java.util.Arrays.stream(addresses).map(IpAddress::parse).toList();
  }

  SyntheticScenario darken(long fromSeconds, long toSeconds, String... servers) {
    for (String s : servers) {
      dark.add(new Dark(IpAddress.parse(s), fromSeconds * S, toSeconds * S, 0));
    }
    return this;
  }
}
