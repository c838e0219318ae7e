package org.dnsseismograph.ui.panel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.dnsseismograph.dns.RcodeNames;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.testsupport.Tshark;

/**
 * A capture's transactions as tshark (the trusted peer) pairs its requests and responses: every
 * query at its time (answered when its response came within the timeout, with that response's
 * rcode), and every response without its query, or later than the timeout, at its own time —
 * summed over a window as the side panel sums it.
 */
public final class TsharkTransactions {
  private final List<String[]> frames;
  private final long timeoutNanos;

  private TsharkTransactions(List<String[]> frames, long timeoutNanos) {
    this.frames = frames;
    this.timeoutNanos = timeoutNanos;
  }

  /** Runs tshark (two passes, so queries know their responses) on {@code capture}. */
  public static TsharkTransactions of(Path capture, long timeoutNanos) throws IOException {
    return new TsharkTransactions(Tshark.fields(capture, List.of("-2"), "dns && !icmp", "frame.time_epoch", "dns.flags.response", "dns.qry.name",
        "ip.src", "ip.dst", "dns.response_to", "dns.time", "dns.flags.rcode", "dns.response_in").stream().map(l -> l.split("\t", -1)).toList(),
        timeoutNanos);
  }

  /** tshark's counts of one window (epoch ns, UTC), as the side panel defines them; every entry, most first. */
  public WindowSummary window(TimeRange r) {
    return window(r, Set.of());
  }

  /**
   * The same, told apart by these resolvers as the panel does: names, clients and answers of the
   * transactions a resolver served, servers of those a resolver asked; every transaction counted
   * in the total.
   */
  public WindowSummary window(TimeRange r, Set<String> resolvers) {
    Map<String, Long> qnames = new TreeMap<>();
    Map<String, Long> clients = new TreeMap<>();
    Map<String, Long> servers = new TreeMap<>();
    Map<String, Long> answers = new TreeMap<>();
    Map<String, String[]> byFrame = new java.util.HashMap<>();
    long frameNo = 0;
    for (String[] f : frames) {
      byFrame.put(Long.toString(++frameNo), f);
    }
    long total = 0;
    for (String[] f : frames) {
      long t = Tshark.epochNanos(f[0]);
      boolean response = f[1].equals("1") || f[1].equals("True");
      boolean late = response && !f[6].isEmpty() && Math.round(Double.parseDouble(f[6]) * 1e9) > timeoutNanos;
      boolean alone = response && f[5].isEmpty();
      if (!r.contains(t) || response && !late && !alone) {
        continue;
      }
      total++;
      String qname = f[2].equals("<Root>") ? "." : f[2];
      String client = response ? f[4] : f[3];
      String server = response ? f[3] : f[4];
      boolean all = resolvers.isEmpty();
      if (all || resolvers.contains(client)) {
        servers.merge(server, 1L, Long::sum);
      }
      if (!all && !resolvers.contains(server)) {
        continue;
      }
      qnames.merge(qname, 1L, Long::sum);
      clients.merge(client, 1L, Long::sum);
      String answer;
      if (response) {
        answer = RcodeNames.name(Integer.parseInt(f[7]));
      } else {
        String[] reply = f[8].isEmpty() ? null : byFrame.get(f[8]);
        boolean inTime = reply != null && Math.round(Double.parseDouble(reply[6]) * 1e9) <= timeoutNanos;
        answer = inTime ? RcodeNames.name(Integer.parseInt(reply[7])) : "no answer";
      }
      answers.merge(answer, 1L, Long::sum);
    }
    return new WindowSummary(r, total, TopCounts.top(qnames, Integer.MAX_VALUE), TopCounts.top(clients, Integer.MAX_VALUE),
        TopCounts.top(servers, Integer.MAX_VALUE), TopCounts.top(answers, Integer.MAX_VALUE), !resolvers.isEmpty(),
        Long.MIN_VALUE);
  }

}
