package org.dnsseismograph.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.traffic.ResolverRole;
import org.dnsseismograph.traffic.RoleDetector;
import org.dnsseismograph.traffic.Side;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.IpAddress;

/**
 * The metric families that need roles — {@code client.*}, {@code upstream.*}, {@code
 * upstream.server.*}, {@code upstream.zone.*} — registered on one aggregator together with the
 * classifier that tells each message's side. Built once per pass, on the aggregating thread.
 */
final class RoleFamilies {
  private final SideClassifier sides;
  private final ClientMetricFamily client;
  private final UpstreamDetailFamily upstream;

  private RoleFamilies(SideClassifier sides, ClientMetricFamily client, UpstreamDetailFamily upstream) {
    this.sides = sides;
    this.client = client;
    this.upstream = upstream;
  }

  /** Registers the role families on {@code aggregator} (after {@code dns.*} and {@code packets.skipped}). */
  static RoleFamilies register(MetricAggregator aggregator, SideClassifier sides) {
    MetricSink sink = aggregator.sink();
    aggregator.register(new DnsMetricFamily("client", Side.CLIENT, "unanswered", sink, aggregator.rcodeName(), aggregator.rcodeNumber()));
    ClientMetricFamily client = new ClientMetricFamily(sink);
    aggregator.register(client);
    aggregator.register(new DnsMetricFamily("upstream", Side.UPSTREAM, "timeouts", sink, aggregator.rcodeName(), aggregator.rcodeNumber()));
    UpstreamDetailFamily upstream = new UpstreamDetailFamily(sink);
    aggregator.register(upstream);
    aggregator.classifyBy(sides);
    return new RoleFamilies(sides, client, upstream);
  }

  /**
   * The classifier for a pass over {@code files}: the given resolvers as they are, or, when none
   * is given, those {@link RoleScan} finds in the first messages, with more recognised on the way.
   *
   * @throws IOException when a file cannot be read or is no capture
   */
  static SideClassifier classifier(List<Path> files, DecodeOptions decode, List<IpAddress> given, Progress progress) throws IOException {
    if (!given.isEmpty()) {
      return new SideClassifier(given.stream().map(a -> new ResolverRole(a, ResolverRole.Basis.GIVEN, 0, 0)).toList(), null);
    }
    List<IpAddress> named = decode.messages().namedResolvers(files, progress);
    if (!named.isEmpty()) {
      return new SideClassifier(named.stream().map(a -> new ResolverRole(a, ResolverRole.Basis.NAMED_BY_SOURCE, 0, 0)).toList(), null);
    }
    return new SideClassifier(RoleScan.resolvers(files, decode, progress), new RoleDetector(decode.ports(), RoleDetector.DEFAULT_MAX_ADDRESSES));
  }

  /** True when a metric name needs roles to be computed. */
  static boolean needsRoles(String metric) {
    String m = metric.strip();
    return m.startsWith("client.") || m.startsWith("upstream.");
  }

  SideClassifier sides() {
    return sides;
  }

  ClientMetricFamily client() {
    return client;
  }

  UpstreamDetailFamily upstream() {
    return upstream;
  }
}
