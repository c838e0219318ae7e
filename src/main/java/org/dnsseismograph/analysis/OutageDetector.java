package org.dnsseismograph.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.wire.IpAddress;

/**
 * Turns the servers' dark spans ({@link DarkServerTracker}) into suspected outages: spans that
 * overlap in time and whose servers serve a common zone are one outage. When every server of that
 * zone which received queries in the capture is among them, the outage is the zone's: it runs from
 * the first unanswered query after the zone's last answer to the first answer again from any of
 * its servers. Otherwise it is the servers' own (some of a zone's servers, or a server of no known
 * zone), from the first of their spans to the last.
 *
 * <p>Confidence starts at 0.7 for a zone and 0.5 for servers, and moves with the evidence: enough
 * unanswered queries (at least {@value #ENOUGH_UNANSWERED}), servers that answered well outside
 * the span, clients that suffered (SERVFAIL, retries or unanswered queries at least doubled), and
 * down for spans cut by the capture's edges (or by a gap between its files: {@link CaptureGaps}).
 * The reason names each factor. Stateless.
 */
final class OutageDetector {
  static final int ENOUGH_UNANSWERED = 20;

  private OutageDetector() {}

  static List<Outage> detect(DetectionInput in, List<Spike> spikes) {
    List<DarkSpan> spans = in.tracker().spans();
    int n = spans.size();
    int[] group = new int[n];
    for (int i = 0; i < n; i++) {
      group[i] = i;
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (together(in.zones(), spans.get(i), spans.get(j))) {
          union(group, i, j);
        }
      }
    }
    List<Outage> outages = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (root(group, i) == i) {
        List<DarkSpan> members = new ArrayList<>();
        for (int j = 0; j < n; j++) {
          if (root(group, j) == i) {
            members.add(spans.get(j));
          }
        }
        outages.add(outage(in, members, spikes));
      }
    }
    outages.sort(Comparator.comparingLong(Outage::startNanos));
    return outages;
  }

  private static boolean together(ZoneMap zones, DarkSpan a, DarkSpan b) {
    if (a.server() == b.server() || !(a.startNanos() < b.darkUntilNanos() && b.startNanos() < a.darkUntilNanos())) {
      return false;
    }
    for (int za : zones.zonesOf(a.server())) {
      for (int zb : zones.zonesOf(b.server())) {
        if (za == zb) {
          return true;
        }
      }
    }
    return false;
  }

  private static int root(int[] group, int i) {
    while (group[i] != i) {
      group[i] = group[group[i]];
      i = group[i];
    }
    return i;
  }

  private static void union(int[] group, int a, int b) {
    int ra = root(group, a);
    int rb = root(group, b);
    group[Math.max(ra, rb)] = Math.min(ra, rb);
  }

  private static Outage outage(DetectionInput in, List<DarkSpan> members, List<Spike> spikes) {
    ZoneMap zones = in.zones();
    Set<Integer> servers = new LinkedHashSet<>();
    members.forEach(m -> servers.add(m.server()));
    int zone = bestZone(in, servers);
    List<Integer> queried = zone < 0 ? List.of() : queried(in, zone);
    boolean whole = zone >= 0 && servers.containsAll(queried);
    long[] span = whole ? zoneSpan(members) : null;
    if (span == null || span[0] >= span[1]) {
      whole = false;
      span = new long[] {members.stream().mapToLong(DarkSpan::startNanos).min().orElseThrow(),
          members.stream().mapToLong(DarkSpan::endNanos).max().orElseThrow()};
    }
    long queries = members.stream().mapToLong(DarkSpan::queries).sum();
    long unanswered = members.stream().mapToLong(DarkSpan::unanswered).sum();
    List<ServerSpan> perServer = members.stream()
        .map(m -> new ServerSpan(zones.servers().address(m.server()), m.startNanos(), m.endNanos(), m.queries(), m.unanswered())).toList();
    long lastAnswer = members.stream().mapToLong(DarkSpan::lastAnswerBeforeNanos).max().orElseThrow();
    long end = span[1];
    long lastUnanswered = members.stream().mapToLong(DarkSpan::lastUnansweredNanos).filter(t -> t < end).max().orElse(Long.MIN_VALUE);
    boolean edge = members.stream().allMatch(DarkSpan::startsAtCaptureStart);
    // Spans overlap only within one stretch of the capture: the members share theirs.
    int stretch = members.get(0).stretch();
    long until = members.get(0).stretchEndNanos();
    ClientImpact client = ClientImpacts.measure(in, span[0], span[1], stretch);
    OutageEvidence evidence = new OutageEvidence(sharedZones(zones, servers, zone), addresses(zones, queried), perServer, queries,
        queries - unanswered, baseline(in, members, servers), lastAnswer, lastUnanswered, client,
        ClientImpacts.querySpike(spikes, span[0], span[1], until), ClientImpacts.otherSpikes(spikes, span[0], span[1], until), List.of());
    Outage.Scope scope = whole ? Outage.Scope.ZONE : Outage.Scope.SERVER;
    String zoneName = zone < 0 ? null : ZoneNames.absolute(zones.name(zone));
    double[] confidence = {whole ? 0.7 : 0.5};
    StretchWords words = new StretchWords(in.tracker(), members, servers, stretch);
    String reason = reason(scope, zoneName, servers.size(), queried.size(), unanswered, queries, span, evidence, edge, words, confidence);
    List<IpAddress> dark = servers.stream().map(s -> zones.servers().address(s)).sorted().toList();
    return new Outage(span[0], span[1], scope, zoneName, dark, unanswered, Math.max(0.05, Math.min(0.99, confidence[0])), reason, edge, evidence,
        until);
  }

  /** The zone most of the dark servers serve; on a tie the one they cover wholly, then the most specific. */
  private static int bestZone(DetectionInput in, Set<Integer> servers) {
    ZoneMap zones = in.zones();
    Set<Integer> candidates = new LinkedHashSet<>();
    servers.forEach(s -> {
      for (int z : zones.zonesOf(s)) {
        candidates.add(z);
      }
    });
    int best = -1;
    long bestScore = -1;
    for (int z : candidates) {
      List<Integer> queried = queried(in, z);
      long covered = queried.stream().filter(servers::contains).count();
      long score = covered * 4_000_000L + (servers.containsAll(queried) ? 2_000_000L : 0) + zones.name(z).length();
      if (score > bestScore) {
        best = z;
        bestScore = score;
      }
    }
    return best;
  }

  private static List<Integer> queried(DetectionInput in, int zone) {
    return in.zones().serversOf(zone).stream().filter(s -> in.tracker().queries(s) > 0).toList();
  }

  /** From the first unanswered query after the zone's last answer to the first answer again from any of its servers. */
  private static long[] zoneSpan(List<DarkSpan> members) {
    long lastAnswer = members.stream().mapToLong(DarkSpan::lastAnswerBeforeNanos).max().orElseThrow();
    long start = Long.MAX_VALUE;
    for (DarkSpan m : members) {
      start = Math.min(start, m.startNanos() > lastAnswer ? m.startNanos() : m.firstUnansweredAfter(lastAnswer));
    }
    return new long[] {start, members.stream().mapToLong(DarkSpan::endNanos).min().orElseThrow()};
  }

  private static List<String> sharedZones(ZoneMap zones, Set<Integer> servers, int chosen) {
    List<String> shared = new ArrayList<>();
    int first = servers.iterator().next();
    for (int z : zones.zonesOf(first)) {
      if (servers.stream().allMatch(s -> contains(zones.zonesOf(s), z))) {
        shared.add(ZoneNames.absolute(zones.name(z)));
      }
    }
    if (shared.isEmpty() && chosen >= 0) {
      shared.add(ZoneNames.absolute(zones.name(chosen)));
    }
    return shared;
  }

  private static boolean contains(int[] values, int v) {
    for (int x : values) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  private static List<IpAddress> addresses(ZoneMap zones, List<Integer> ids) {
    return ids.stream().map(s -> zones.servers().address(s)).sorted().toList();
  }

  /** The dark servers' answer ratio outside their spans; NaN without queries there. */
  private static double baseline(DetectionInput in, List<DarkSpan> members, Set<Integer> servers) {
    long queries = 0;
    long answered = 0;
    for (int s : servers) {
      queries += in.tracker().queries(s);
      answered += in.tracker().answered(s);
    }
    for (DarkSpan m : members) {
      queries -= m.queries();
      answered -= m.answered();
    }
    return queries <= 0 ? Double.NaN : (double) answered / queries;
  }

  private static String reason(Outage.Scope scope, String zone, int dark, int queried, long unanswered, long queries, long[] span,
      OutageEvidence e, boolean edge, StretchWords words, double[] confidence) {
    StringBuilder why = new StringBuilder();
    if (scope == Outage.Scope.ZONE) {
      why.append(dark == 1 ? "the only server of " : dark == 2 ? "both servers of " : "all " + dark + " servers of ").append(zone).append(" the resolvers asked stopped answering");
    } else {
      why.append(dark).append(dark == 1 ? " server" : " servers").append(zone == null ? " of no known zone" : " of " + queried + " of " + zone)
          .append(" stopped answering");
    }
    why.append(String.format(Locale.ROOT, ": %d of %d queries unanswered", unanswered, queries));
    if (span[1] != Outage.OPEN) {
      why.append(String.format(Locale.ROOT, " over %.1f s", (span[1] - span[0]) / (double) TimeUnits.NANOS_PER_SECOND));
    }
    long gap = span[1] == Outage.OPEN || e.lastUnansweredNanos() == Long.MIN_VALUE ? 0 : span[1] - e.lastUnansweredNanos();
    if (gap > TimeUnits.NANOS_PER_SECOND) {
      why.append(String.format(Locale.ROOT, " (not asked for the last %.1f s: they came back within that time)", gap / (double) TimeUnits.NANOS_PER_SECOND));
    }
    if (unanswered >= ENOUGH_UNANSWERED) {
      confidence[0] += 0.1;
    } else {
      confidence[0] -= 0.1;
      why.append(" (few queries)");
    }
    double b = e.baselineAnswerRatio();
    if (Double.isNaN(b)) {
      confidence[0] -= 0.1;
      why.append("; no answer outside it to compare with");
    } else {
      confidence[0] += b >= 0.9 ? 0.1 : b < 0.5 ? -0.2 : 0;
      why.append(words.answeredOutside(b));
    }
    String clients = ClientImpacts.describe(e.client());
    if (clients != null) {
      confidence[0] += 0.1;
      why.append("; ").append(clients);
    }
    if (edge) {
      confidence[0] -= 0.15;
      why.append(words.alreadyDark());
    }
    if (span[1] == Outage.OPEN) {
      confidence[0] -= 0.05;
      why.append(words.stillDark());
    }
    return Character.toUpperCase(why.charAt(0)) + why.substring(1) + ".";
  }
}
