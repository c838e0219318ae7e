package org.dnsseismograph.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dnsseismograph.series.MetricId;

/**
 * Suspects outages from the clients' side alone, for captures without upstream traffic: a surge
 * of client failures (SERVFAIL answers plus unanswered queries, found as a spike by {@link
 * SpikeDetector}) whose failing names mostly share a suffix points at that suffix's servers. The
 * suffix is the longest one common to the parents of the names that make up at least {@value
 * #COVER} of the surge's failures. Confidence stays low (at most {@value #MAX_CONFIDENCE}): no
 * server was seen failing. Stateless.
 */
final class ClientOnlyInference {
  static final double COVER = 0.8;
  static final double MAX_CONFIDENCE = 0.45;
  static final MetricId FAILURES = MetricId.of("client.failures");

  private ClientOnlyInference() {}

  static List<Outage> detect(DetectionInput in, List<Spike> spikes) {
    CountGrid g = in.grid();
    double[] failures = g.get("client.rcode.SERVFAIL").clone();
    double[] unanswered = g.get("client.unanswered");
    for (int i = 0; i < failures.length; i++) {
      failures[i] += unanswered[i];
    }
    List<Outage> out = new ArrayList<>();
    for (Spike surge : SpikeDetector.detect(FAILURES, g.originNanos(), g.stepNanos(), failures, g.known("client.unanswered"))) {
      out.add(outage(in, surge, spikes));
    }
    return out;
  }

  private static Outage outage(DetectionInput in, Spike surge, List<Spike> spikes) {
    long start = surge.startNanos();
    long end = surge.endNanos();
    List<SuffixFailures> bySuffix = in.failures().bySuffix(start, end);
    long total = bySuffix.stream().mapToLong(SuffixFailures::failures).sum();
    String common = commonSuffix(covering(bySuffix, total));
    String zone = common == null || common.equals(ZoneNames.ROOT) ? null : common;
    long underZone = zone == null ? 0 : under(zone, bySuffix);
    double share = total == 0 ? 0 : (double) underZone / total;
    int stretch = in.tracker().gaps().stretchOf(start);
    ClientImpact client = ClientImpacts.measure(in, start, end, stretch);
    long unanswered = Math.round(in.grid().rate("client.unanswered", start, end) * (end - start) / 1e9);
    OutageEvidence evidence = new OutageEvidence(zone == null ? List.of() : List.of(ZoneNames.absolute(zone)), List.of(), List.of(), 0, 0, Double.NaN,
        Long.MIN_VALUE, Long.MIN_VALUE, client, ClientImpacts.querySpike(spikes, start, end), ClientImpacts.otherSpikes(spikes, start, end),
        bySuffix.subList(0, Math.min(10, bySuffix.size())));
    double confidence = Math.min(MAX_CONFIDENCE, 0.2 + 0.2 * share + (ClientImpacts.querySpike(spikes, start, end) != null ? 0.05 : 0));
    String reason = String.format(Locale.ROOT, "No upstream traffic in the capture: the clients' failures (SERVFAIL and unanswered) rose %s to %.1f/s"
        + " for %.1f s, %s; inferred from the clients only", factor(surge), surge.peakRate(), (end - start) / 1e9,
        zone == null ? "for names under no common zone" : String.format(Locale.ROOT, "%.0f %% of them for names under %s", 100 * share,
            ZoneNames.absolute(zone)));
    return new Outage(start, end, Outage.Scope.CLIENT_INFERRED, zone == null ? null : ZoneNames.absolute(zone), List.of(), unanswered, confidence,
        reason + ".", start <= in.captureStartNanos(), evidence, in.tracker().gaps().stretchEnd(stretch));
  }

  /** The most failing names' parents that together make up {@value #COVER} of the failures. */
  private static List<String> covering(List<SuffixFailures> bySuffix, long total) {
    List<String> names = new ArrayList<>();
    long covered = 0;
    for (SuffixFailures e : bySuffix) {
      if (covered >= COVER * total) {
        break;
      }
      names.add(e.suffix());
      covered += e.failures();
    }
    return names;
  }

  /** Failures of names at or under {@code zone}. */
  private static long under(String zone, List<SuffixFailures> bySuffix) {
    byte[] zb = ZoneNames.bytes(zone);
    long n = 0;
    for (SuffixFailures e : bySuffix) {
      byte[] nb = ZoneNames.bytes(e.suffix());
      n += ZoneNames.covers(zb, nb, nb.length) ? e.failures() : 0;
    }
    return n;
  }

  private static String factor(Spike s) {
    return Double.isInfinite(s.factor()) ? "from none" : String.format(Locale.ROOT, "%.1f-fold", s.factor());
  }

  /** The longest label-wise suffix shared by all names, or null for none given. */
  static String commonSuffix(List<String> names) {
    if (names.isEmpty()) {
      return null;
    }
    List<String> common = null;
    for (String n : names) {
      List<String> labels = n.equals(ZoneNames.ROOT) ? List.of() : Arrays.asList(n.split("(?<!\\\\)\\."));
      if (common == null) {
        common = labels;
        continue;
      }
      int k = 0;
      while (k < common.size() && k < labels.size() && common.get(common.size() - 1 - k).equals(labels.get(labels.size() - 1 - k))) {
        k++;
      }
      common = common.subList(common.size() - k, common.size());
    }
    return common.isEmpty() ? ZoneNames.ROOT : String.join(".", common);
  }
}
