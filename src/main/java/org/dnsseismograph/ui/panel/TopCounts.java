package org.dnsseismograph.ui.panel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.dns.RcodeNames;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.traffic.Ranked;
import org.dnsseismograph.traffic.RowRange;
import org.dnsseismograph.traffic.TransactionSnapshot;
import org.dnsseismograph.traffic.WindowTally;
import org.dnsseismograph.wire.IpAddress;

/**
 * Sums a window of the timeline over the captures' transactions: the plain function behind the
 * side panel (run off the FX thread). Each capture is read at the window shifted back by its clock
 * correction. Where a capture's resolvers are known, its transactions are split by side: those
 * addressed to a resolver give the question names, clients and answers, those a resolver sent give
 * the authoritative servers; otherwise every transaction counts for every list. A live source that
 * no longer holds the window's start is counted from where it does, and the summary says from where.
 *
 * <p>Cost: O(transactions in the window) array increments by dictionary id, plus the text of the
 * leading entries. Several captures are added up by their names' and addresses' bytes ({@link
 * WindowTally#merge}: one dictionary lookup per entry counted in any of them); the generations of
 * one live source share their dictionaries and count as one. Ties are ordered by key, so the lists
 * are stable. Stateless.
 */
public final class TopCounts {
  private static final int RCODES = 1 << 12;
  private static final String NO_ANSWER = "no answer";

  /** How many entries each list keeps. */
  public static final int TOP = 10;

  private TopCounts() {}

  /** The summary of {@code range} over {@code sources}. */
  public static WindowSummary of(List<TrafficSource> sources, TimeRange range, int n, Progress progress) {
    long total = 0;
    long countedFrom = Long.MIN_VALUE;
    List<List<TrafficSource>> groups = together(sources);
    boolean byRole = !groups.isEmpty();
    List<WindowTally> tallies = new ArrayList<>(groups.size());
    for (List<TrafficSource> group : groups) {
      TrafficSource s = group.get(0);
      List<TransactionSnapshot> parts = new ArrayList<>(group.size());
      List<RowRange> ranges = new ArrayList<>(group.size());
      for (TrafficSource part : group) {
        RowRange rows = part.transactions().rows(range.startNanos() - s.correctionNanos(), range.endNanos() - s.correctionNanos());
        parts.add(part.transactions());
        ranges.add(rows);
        total += rows.size();
      }
      if (s.heldFromNanos() != Long.MIN_VALUE) {
        countedFrom = Math.max(countedFrom, s.heldFromNanos() + s.correctionNanos());
      }
      Set<IpAddress> resolvers = Set.copyOf(s.resolvers());
      byRole &= !resolvers.isEmpty();
      tallies.add(TransactionSnapshot.tally(parts, ranges, resolvers, progress));
    }
    Map<String, Long> qnames = new HashMap<>();
    Map<String, Long> clients = new HashMap<>();
    Map<String, Long> servers = new HashMap<>();
    Map<String, Long> answers = new HashMap<>();
    if (!tallies.isEmpty()) {
      progress.checkCancelled();
      WindowTally tally = WindowTally.merge(tallies);
      // Only the leading entries (and those tied with the n-th) need their text.
      tally.qnames(n, qnames::put);
      tally.clients(n, clients::put);
      tally.servers(n, servers::put);
      for (int rcode = 0; rcode < RCODES; rcode++) {
        if (tally.answered(rcode) > 0) {
          answers.merge(RcodeNames.name(rcode), tally.answered(rcode), Long::sum);
        }
      }
      if (tally.unanswered() > 0) {
        answers.put(NO_ANSWER, tally.unanswered());
      }
    }
    return new WindowSummary(range, total, top(qnames, n), top(clients, n), top(servers, n), top(answers, Integer.MAX_VALUE), byRole,
        countedFrom > range.startNanos() ? countedFrom : Long.MIN_VALUE);
  }

  /**
   * The sources cut into groups counted together by id: the parts of one source (a live source's
   * generations), which follow each other with the same name, correction, resolvers and dictionaries.
   */
  private static List<List<TrafficSource>> together(List<TrafficSource> sources) {
    List<List<TrafficSource>> groups = new ArrayList<>();
    List<TrafficSource> group = null;
    for (TrafficSource s : sources) {
      TrafficSource first = group == null ? null : group.get(0);
      if (first != null && first.name().equals(s.name()) && first.correctionNanos() == s.correctionNanos()
          && first.resolvers().equals(s.resolvers()) && first.heldFromNanos() == s.heldFromNanos()
          && first.transactions().sharesDictionariesWith(s.transactions())) {
        group.add(s);
      } else {
        group = new ArrayList<>(List.of(s));
        groups.add(group);
      }
    }
    return groups;
  }

  static List<Ranked<String>> top(Map<String, Long> counts, int n) {
    List<Ranked<String>> all = new ArrayList<>(counts.size());
    counts.forEach((k, v) -> all.add(new Ranked<>(k, v)));
    all.sort(Comparator.comparingLong((Ranked<String> r) -> r.count()).reversed().thenComparing(Ranked::key));
    return List.copyOf(all.subList(0, Math.min(n, all.size())));
  }
}
