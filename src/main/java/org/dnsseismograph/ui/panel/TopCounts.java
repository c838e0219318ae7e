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
import org.dnsseismograph.traffic.Outcome;
import org.dnsseismograph.traffic.Ranked;
import org.dnsseismograph.traffic.RowRange;
import org.dnsseismograph.traffic.TransactionKind;
import org.dnsseismograph.traffic.TransactionSnapshot;
import org.dnsseismograph.wire.IpAddress;

/**
 * Sums a window of the timeline over the captures' transactions: the plain function behind the
 * side panel (run off the FX thread). Each capture is read at the window shifted back by its clock
 * correction. Where a capture's resolvers are known, its transactions are split by side: those
 * addressed to a resolver give the question names, clients and answers, those a resolver sent give
 * the authoritative servers; otherwise every transaction counts for every list.
 *
 * <p>Cost: O(transactions in the window). Ties are ordered by key, so the lists are stable. Stateless.
 */
public final class TopCounts {
  /** How many entries each list keeps. */
  public static final int TOP = 10;
  /** Rows between two looks at the cancel flag. */
  private static final int CHECK_EVERY = 1 << 16;

  private TopCounts() {}

  /** The summary of {@code range} over {@code sources}. */
  public static WindowSummary of(List<TrafficSource> sources, TimeRange range, int n, Progress progress) {
    Map<String, Long> qnames = new HashMap<>();
    Map<String, Long> clients = new HashMap<>();
    Map<String, Long> servers = new HashMap<>();
    Map<String, Long> answers = new HashMap<>();
    long total = 0;
    boolean byRole = !sources.isEmpty();
    for (TrafficSource s : sources) {
      TransactionSnapshot tx = s.transactions();
      RowRange rows = tx.rows(range.startNanos() - s.correctionNanos(), range.endNanos() - s.correctionNanos());
      Set<IpAddress> resolvers = Set.copyOf(s.resolvers());
      byRole &= !resolvers.isEmpty();
      total += rows.size();
      for (int r = rows.from(); r < rows.to(); r++) {
        if ((r - rows.from()) % CHECK_EVERY == 0) {
          progress.checkCancelled();
        }
        boolean toResolver = resolvers.isEmpty() || resolvers.contains(tx.server(r));
        boolean fromResolver = resolvers.isEmpty() || resolvers.contains(tx.client(r));
        if (toResolver) {
          qnames.merge(tx.qname(r), 1L, Long::sum);
          clients.merge(tx.client(r).toString(), 1L, Long::sum);
          String answer = answerOf(tx.outcome(r), tx.rcode(r));
          if (answer != null) {
            answers.merge(answer, 1L, Long::sum);
          }
        }
        if (fromResolver) {
          servers.merge(tx.server(r).toString(), 1L, Long::sum);
        }
      }
    }
    return new WindowSummary(range, total, top(qnames, n), top(clients, n), top(servers, n), top(answers, Integer.MAX_VALUE), byRole);
  }

  /** The rcode's name for an answered query, "no answer" for an unanswered one, the rcode for a lone response. */
  static String answerOf(Outcome outcome, int rcode) {
    if (outcome.kind() == TransactionKind.UNANSWERED) {
      return "no answer";
    }
    return rcode < 0 ? null : RcodeNames.name(rcode);
  }

  static List<Ranked<String>> top(Map<String, Long> counts, int n) {
    List<Ranked<String>> all = new ArrayList<>(counts.size());
    counts.forEach((k, v) -> all.add(new Ranked<>(k, v)));
    all.sort(Comparator.comparingLong((Ranked<String> r) -> r.count()).reversed().thenComparing(Ranked::key));
    return List.copyOf(all.subList(0, Math.min(n, all.size())));
  }
}
