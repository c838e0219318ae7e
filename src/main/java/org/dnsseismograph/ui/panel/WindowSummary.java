package org.dnsseismograph.ui.panel;

import java.util.List;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.traffic.Ranked;

/**
 * What the captures hold for one window of the timeline: the most frequent question names, clients
 * and authoritative servers, and the mix of answers, each with its count of transactions (a query
 * with its response, an unanswered query, or a response without its query), summed over the
 * captures. Immutable.
 *
 * @param range the window (epoch ns, UTC, as the timeline shows it)
 * @param transactions transactions in the window
 * @param qnames top question names (of the clients' queries when resolvers are known)
 * @param clients top clients (of the resolvers, when known)
 * @param servers top authoritative servers (asked by the resolvers, when known)
 * @param answers answers by rcode, then "no answer" for queries never answered, most first
 * @param byRole true when clients and servers were told apart by the resolvers' roles
 * @param countedFromNanos where counting began when a live source no longer held the start of the
 *     window (on the timeline's time), else {@link Long#MIN_VALUE}
 */
public record WindowSummary(TimeRange range, long transactions, List<Ranked<String>> qnames, List<Ranked<String>> clients,
    List<Ranked<String>> servers, List<Ranked<String>> answers, boolean byRole, long countedFromNanos) {
  public WindowSummary {
    qnames = List.copyOf(qnames);
    clients = List.copyOf(clients);
    servers = List.copyOf(servers);
    answers = List.copyOf(answers);
  }

  /** True when part of the window's start was no longer held by a live source, so it was not counted. */
  public boolean cutShort() {
    return countedFromNanos > range.startNanos();
  }

  /** Nothing in a window. */
  public static WindowSummary empty(TimeRange range) {
    return new WindowSummary(range, 0, List.of(), List.of(), List.of(), List.of(), false, Long.MIN_VALUE);
  }
}
