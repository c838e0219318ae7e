package org.dnsseismograph.capture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.dnsseismograph.dns.RcodeNames;
import org.dnsseismograph.series.Coverage;
import org.dnsseismograph.series.EventSeriesWriter;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.Retention;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.traffic.Transaction;
import org.dnsseismograph.wire.IpAddress;

/**
 * The live series of one metric prefix ({@code dns}, {@code client} or {@code upstream}), named as
 * the file metrics are: {@code <p>.queries}, {@code <p>.responses}, {@code <p>.rcode.<NAME>} (from
 * the first response with that rcode), {@code <p>.truncated}, {@code <p>.unanswered} ({@code
 * upstream.timeouts} on the upstream side; at the query's time, up to the timeout late) and the
 * latency percentiles of {@link LatencyPerSecond}.
 * Counts are events on the UTC axis; coverage is declared by the source ({@link #observed}), so
 * quiet observed time reads as zero and paused time as no data. Unanswered queries and latencies
 * in the last timeout of each observed stretch (the live edge, or before a pause or the stop) are
 * not known yet: that time is declared undecided, not covered, so it reads as neither zero nor
 * unobserved.
 *
 * <p>The {@code upstream} series also count per authoritative server, as the file path names them:
 * {@code upstream.server.<ADDR>.queries}, {@code .responses} (at the message's time) and {@code
 * .timeouts} (queries closed unanswered, at the query's time), from which the timeline draws each
 * server's answer ratio. At most {@value #MAX_SERVERS} servers get series of their own, the first
 * seen; the rest count together under {@code upstream.server.others.*}, so an endless run on a busy
 * resolver stays bounded and nothing asked goes uncounted. Confined to the worker thread.
 */
final class RoleSeries {
  private static final int RCODES = 1 << 12;
  static final int MAX_SERVERS = 256;
  static final String SERVER = "upstream.server.";
  static final String OTHER_SERVERS = "others";

  /** The series of one authoritative server. */
  private record ServerWriters(EventSeriesWriter queries, EventSeriesWriter responses, EventSeriesWriter timeouts) {}

  private final String prefix;
  private final long timeout;
  private final List<long[]> coverage;
  private final EventSeriesWriter queries;
  private final EventSeriesWriter responses;
  private final EventSeriesWriter truncated;
  private final EventSeriesWriter unanswered;
  private final EventSeriesWriter[] rcodes = new EventSeriesWriter[RCODES];
  /** The rcode writers created so far, by rcode number (display order). */
  private final TreeMap<Integer, EventSeriesWriter> rcodesInOrder = new TreeMap<>();
  private final LatencyPerSecond latency;
  private final boolean perServer;
  /** Per server, by its address; insertion order is the order seen. */
  private final Map<IpAddress, ServerWriters> servers = new HashMap<>();
  private final List<ServerWriters> serversInOrder = new ArrayList<>();
  private ServerWriters others;
  /** The last server looked up, so a run of messages to one server builds no key. */
  private long lastHi;
  private long lastLo;
  private ServerWriters last;

  /**
   * @param coverage the observed intervals so far, shared and kept by the caller: replayed into
   *     writers created later (an rcode first seen after an hour still has the hour's zeros)
   */
  RoleSeries(String prefix, long timeoutNanos, List<long[]> coverage) {
    this.prefix = prefix;
    this.timeout = timeoutNanos;
    this.coverage = coverage;
    this.queries = writer("queries");
    this.responses = writer("responses");
    this.truncated = writer("truncated");
    this.perServer = prefix.equals("upstream");
    // named as the file path names them, so the same lanes draw them
    this.unanswered = undecidedAtEdges(prefix + (perServer ? ".timeouts" : ".unanswered"));
    coverDecided();
    this.latency = new LatencyPerSecond(prefix, timeoutNanos);
  }

  /** A writer of queries closed unanswered: covered by {@link #coverDecided}, not by messages. */
  private static EventSeriesWriter undecidedAtEdges(String name) {
    EventSeriesWriter w = new EventSeriesWriter(MetricId.of(name));
    w.setImplicitCoverage(false);
    return w;
  }

  private EventSeriesWriter writer(String name) {
    return counter(prefix + "." + name);
  }

  /** A writer of events counted as they are seen, covered by the observed intervals. */
  private EventSeriesWriter counter(String fullName) {
    EventSeriesWriter w = new EventSeriesWriter(MetricId.of(fullName));
    w.setImplicitCoverage(false);
    for (long[] c : coverage) {
      w.cover(c[0], c[1]);
    }
    return w;
  }

  /** One query or response at its time (malformed ones too, when their header was readable). */
  void onMessage(long timeNanos, boolean response, int rcode, boolean tc) {
    if (!response) {
      queries.append(timeNanos);
      return;
    }
    responses.append(timeNanos);
    int r = rcode & (RCODES - 1);
    EventSeriesWriter w = rcodes[r];
    if (w == null) {
      w = writer("rcode." + RcodeNames.name(r));
      rcodes[r] = w;
      rcodesInOrder.put(r, w);
    }
    w.append(timeNanos);
    if (tc) {
      truncated.append(timeNanos);
    }
  }

  /** One upstream message, for its server's series: the destination of a query, the source of a response. */
  void onServerMessage(long timeNanos, boolean response, long serverHi, long serverLo) {
    if (perServer) {
      ServerWriters w = server(serverHi, serverLo);
      (response ? w.responses : w.queries).append(timeNanos);
    }
  }

  void onTransaction(Transaction t) {
    switch (t.kind()) {
      case ANSWERED -> latency.record(t.queryTimeNanos, t.latencyNanos);
      case UNANSWERED -> {
        unanswered.append(t.queryTimeNanos);
        if (perServer) {
          server(t.serverHi, t.serverLo).timeouts.append(t.queryTimeNanos);
        }
      }
      default -> {
        // A response alone was counted as a message already; it has no query to file.
      }
    }
  }

  private ServerWriters server(long hi, long lo) {
    if (last != null && hi == lastHi && lo == lastLo) {
      return last;
    }
    IpAddress address = new IpAddress(hi, lo);
    ServerWriters w = servers.get(address);
    if (w == null && servers.size() < MAX_SERVERS) {
      w = newServer(address.toString());
      servers.put(address, w);
    } else if (w == null) {
      // not remembered: the map stays bounded however many servers an endless run meets
      w = others();
    }
    lastHi = hi;
    lastLo = lo;
    last = w;
    return w;
  }

  private ServerWriters others() {
    if (others == null) {
      others = newServer(OTHER_SERVERS);
    }
    return others;
  }

  private ServerWriters newServer(String name) {
    String p = SERVER + name + ".";
    ServerWriters w = new ServerWriters(counter(p + "queries"), counter(p + "responses"), undecidedAtEdges(p + "timeouts"));
    serversInOrder.add(w);
    coverDecided(w.timeouts, observed());
    return w;
  }

  void observed(long startNanos, long endNanos) {
    forEachCounter(w -> w.cover(startNanos, endNanos));
    coverDecided();
  }

  /** Covers the unanswered queries' series up to a timeout before the end of each observed stretch; the rest is undecided. */
  private void coverDecided() {
    Coverage observed = observed();
    coverDecided(unanswered, observed);
    for (ServerWriters w : serversInOrder) {
      coverDecided(w.timeouts, observed);
    }
  }

  private void coverDecided(EventSeriesWriter closedUnanswered, Coverage observed) {
    Coverage decided = observed.withoutTails(timeout);
    for (int i = 0; i < decided.size(); i++) {
      closedUnanswered.cover(decided.start(i), decided.end(i));
    }
    closedUnanswered.setUndecided(observed.tails(timeout, 1));
  }

  private Coverage observed() {
    Coverage c = Coverage.NONE;
    for (long[] interval : coverage) {
      c = c.with(new TimeRange(interval[0], interval[1]));
    }
    return c;
  }

  /**
   * Writes latency seconds that can no longer change at {@code clockNanos} ({@code Long.MAX_VALUE}:
   * all); the observed time of the seconds still open, and of those in the last timeout of an
   * observed stretch, is undecided, and any other closed second without a sample had nothing
   * answered.
   */
  void closeLatency(long clockNanos) {
    long openFrom = latency.closeBefore(clockNanos);
    Coverage open = Coverage.NONE;
    for (long[] c : coverage) {
      if (c[1] > Math.max(c[0], openFrom)) {
        open = open.with(new TimeRange(Math.max(c[0], openFrom), c[1]));
      }
    }
    // A second in the last timeout of an observed stretch may have queries answered after it (past
    // the live edge, a pause or the stop): without a sample it is undecided, as at a file's end.
    Coverage observed = observed();
    latency.setUndecided(open.union(observed.tails(timeout, TimeUnits.NANOS_PER_SECOND)));
    latency.setObserved(observed);
  }

  void applyRetention(Retention r) {
    forEachWriter(w -> w.applyRetention(r));
  }

  /** Publishes every series in display order into {@code out}. */
  void publish(List<ResolvableSeries> out) {
    out.add(queries.publish());
    out.add(responses.publish());
    for (EventSeriesWriter w : rcodesInOrder.values()) {
      out.add(w.publish());
    }
    out.add(truncated.publish());
    out.add(unanswered.publish());
    latency.publish(out);
    for (ServerWriters w : serversInOrder) {
      out.add(w.queries.publish());
      out.add(w.responses.publish());
      out.add(w.timeouts.publish());
    }
  }

  private void forEachWriter(Consumer<EventSeriesWriter> action) {
    forEachCounter(action);
    action.accept(unanswered);
    serversInOrder.forEach(w -> action.accept(w.timeouts));
  }

  /** The writers whose counts are known as soon as a message is seen: all but the unanswered queries'. */
  private void forEachCounter(Consumer<EventSeriesWriter> action) {
    action.accept(queries);
    action.accept(responses);
    action.accept(truncated);
    rcodesInOrder.values().forEach(action);
    for (ServerWriters w : serversInOrder) {
      action.accept(w.queries);
      action.accept(w.responses);
    }
  }
}
