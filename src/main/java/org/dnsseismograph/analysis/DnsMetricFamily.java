package org.dnsseismograph.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.Unit;
import org.dnsseismograph.traffic.Side;
import org.dnsseismograph.traffic.Transaction;
import org.dnsseismograph.traffic.TransactionKind;

/**
 * The message and transaction metrics of issue 2 under one prefix: {@code dns} for every message,
 * {@code client} and {@code upstream} for one side of the resolvers (the role filter):
 *
 * <ul>
 *   <li>{@code <p>.queries}: every query message (QR=0), malformed or not, at its capture time;
 *   <li>{@code <p>.responses} and {@code <p>.rcode.<NAME>}: every response message at its time;
 *   <li>{@code <p>.truncated}: responses with TC set, at their time;
 *   <li>{@code <p>.unanswered} ({@code upstream.timeouts} on the upstream side): queries closed
 *       without an answer (timed out, evicted, or pending at the end), at the query's time; they
 *       arrive up to the timeout late;
 *   <li>{@code <p>.latency.p50|p90|p99|max}: milliseconds, of the answered queries sent in the
 *       bucket (see {@link LatencyColumns}); NaN in a bucket without one.
 * </ul>
 *
 * Counts are 0 in a reported bucket without events. Rcode names come from the injected namer, and
 * {@code <p>.rcode.<NAME>} accepts whatever its inverse accepts, reported under the namer's
 * spelling. Confined to the aggregating thread.
 */
final class DnsMetricFamily implements MetricFamily {
  private static final int RCODES = 1 << 12;
  private static final String[] LATENCY = {"p50", "p90", "p99", "max"};

  private final String prefix;
  private final Side side;
  private final String unansweredName;
  private final MetricSink sink;
  private final IntFunction<String> rcodeName;
  private final ToIntFunction<String> rcodeNumber;
  private final MetricSink.EventCounter queries;
  private final MetricSink.EventCounter responses;
  private final MetricSink.EventCounter truncated;
  private final MetricSink.EventCounter unanswered;
  private final MetricSink.EventCounter[] rcodes = new MetricSink.EventCounter[RCODES];
  private final MetricSink.LatencyRecorder latency;
  /** Whether a message of this side was seen: the series are present only then. */
  private boolean seen;

  /**
   * @param prefix the name prefix without its dot ({@code dns}, {@code client}, {@code upstream})
   * @param side the side whose messages count, or null for every message
   * @param unansweredName the last name part of the unanswered count ({@code unanswered} or
   *     {@code timeouts})
   */
  DnsMetricFamily(String prefix, Side side, String unansweredName, MetricSink sink, IntFunction<String> rcodeName, ToIntFunction<String> rcodeNumber) {
    this.prefix = prefix + ".";
    this.side = side;
    this.unansweredName = unansweredName;
    this.sink = sink;
    this.rcodeName = Objects.requireNonNull(rcodeName, "rcodeName");
    this.rcodeNumber = Objects.requireNonNull(rcodeNumber, "rcodeNumber");
    queries = sink.counter(id("queries"));
    responses = sink.counter(id("responses"));
    truncated = sink.counter(id("truncated"));
    unanswered = sink.unansweredCounter(id(unansweredName));
    MetricId[] l = new MetricId[LATENCY.length];
    for (int i = 0; i < l.length; i++) {
      l[i] = id("latency." + LATENCY[i]);
    }
    latency = sink.latency(l);
  }

  private MetricId id(String rest) {
    return MetricId.of(prefix + rest);
  }

  @Override
  public Side side() {
    return side;
  }

  @Override
  public void onMessage(MessageFacts m) {
    if (side != null && m.side != side) {
      return;
    }
    if (!seen) {
      seen = true;
    }
    if (!m.response) {
      queries.add(m.timeNanos);
      return;
    }
    responses.add(m.timeNanos);
    rcodeCounter(m.rcode & (RCODES - 1)).add(m.timeNanos);
    if (m.truncated) {
      truncated.add(m.timeNanos);
    }
  }

  private MetricSink.EventCounter rcodeCounter(int rcode) {
    MetricSink.EventCounter c = rcodes[rcode];
    if (c == null) {
      c = sink.counter(id("rcode." + rcodeName.apply(rcode)));
      rcodes[rcode] = c;
    }
    return c;
  }

  @Override
  public void onTransaction(Transaction t, Side s) {
    if (side != null && s != side) {
      return;
    }
    // Compared by identity rather than switched on: an enum switch reads a lookup table first.
    // A response alone was already counted as a message; it has no query time to file.
    TransactionKind kind = t.kind();
    if (kind == TransactionKind.ANSWERED) {
      latency.record(t.queryTimeNanos, t.latencyNanos);
    } else if (kind == TransactionKind.UNANSWERED) {
      unanswered.add(t.queryTimeNanos);
    }
  }

  @Override
  public List<String> patterns() {
    String p = prefix;
    return List.of(p + "queries", p + "responses", p + "rcode.<NAME>", p + "truncated", p + unansweredName, p + "latency.p50", p + "latency.p90",
        p + "latency.p99", p + "latency.max");
  }

  @Override
  public MetricId resolve(String name) {
    if (!name.startsWith(prefix)) {
      return null;
    }
    String rest = name.substring(prefix.length());
    if (rest.startsWith("rcode.")) {
      String rcode = rest.substring("rcode.".length());
      int n = rcodeNumber.applyAsInt(rcode);
      if (n < 0 || n >= RCODES) {
        throw new IllegalArgumentException("unknown rcode name '" + rcode + "' in metric '" + name + "' (e.g. NOERROR, NXDOMAIN, SERVFAIL, REFUSED)");
      }
      return id("rcode." + rcodeName.apply(n));
    }
    if (rest.equals(unansweredName)) {
      return MetricId.of(name);
    }
    return switch (rest) {
      case "queries", "responses", "truncated", "latency.p50", "latency.p90", "latency.p99", "latency.max" -> MetricId.of(name);
      default -> null;
    };
  }

  @Override
  public Unit unit(MetricId id) {
    return id.name().startsWith(prefix + "latency.") ? Unit.MILLISECONDS : Unit.COUNT;
  }

  @Override
  public List<MetricId> present() {
    if (!seen && side != null) {
      // A capture of one side of the resolver has no other side: no lanes of zeros that read as "it asked nothing".
      return List.of();
    }
    List<MetricId> ids = new ArrayList<>();
    ids.add(id("queries"));
    ids.add(id("responses"));
    for (int r = 0; r < RCODES; r++) {
      if (rcodes[r] != null) {
        ids.add(id("rcode." + rcodeName.apply(r)));
      }
    }
    ids.add(id("truncated"));
    ids.add(id(unansweredName));
    for (String l : LATENCY) {
      ids.add(id("latency." + l));
    }
    return ids;
  }
}
