package org.dnsseismograph.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.Unit;
import org.dnsseismograph.traffic.Transaction;

/**
 * The message and transaction metrics of issue 2 under one prefix ({@code dns} here; the same
 * family under {@code client} or {@code upstream} once roles exist):
 *
 * <ul>
 *   <li>{@code <p>.queries}: every query message (QR=0), malformed or not, at its capture time;
 *   <li>{@code <p>.responses} and {@code <p>.rcode.<NAME>}: every response message at its time;
 *   <li>{@code <p>.truncated}: responses with TC set, at their time;
 *   <li>{@code <p>.unanswered}: queries closed without an answer (timed out, evicted, or pending at
 *       the end), at the query's time; they arrive up to the timeout late;
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
  private final BucketAxis axis;
  private final IntFunction<String> rcodeName;
  private final ToIntFunction<String> rcodeNumber;
  private final CountColumn queries = new CountColumn();
  private final CountColumn responses = new CountColumn();
  private final CountColumn truncated = new CountColumn();
  private final CountColumn unanswered = new CountColumn();
  private final CountColumn[] rcodes = new CountColumn[RCODES];
  private final LatencyColumns latency;

  DnsMetricFamily(String prefix, BucketAxis axis, long latencyHorizonNanos, IntFunction<String> rcodeName, ToIntFunction<String> rcodeNumber) {
    this.prefix = prefix + ".";
    this.axis = axis;
    this.rcodeName = Objects.requireNonNull(rcodeName, "rcodeName");
    this.rcodeNumber = Objects.requireNonNull(rcodeNumber, "rcodeNumber");
    this.latency = new LatencyColumns(axis, latencyHorizonNanos);
  }

  @Override
  public void onMessage(MessageFacts m) {
    int slot = axis.slotOf(m.timeNanos);
    if (slot < 0) {
      return;
    }
    if (!m.response) {
      queries.increment(slot);
      return;
    }
    responses.increment(slot);
    rcodeColumn(m.rcode & (RCODES - 1)).increment(slot);
    if (m.truncated) {
      truncated.increment(slot);
    }
  }

  private CountColumn rcodeColumn(int rcode) {
    CountColumn c = rcodes[rcode];
    if (c == null) {
      c = new CountColumn();
      rcodes[rcode] = c;
    }
    return c;
  }

  @Override
  public void onTransaction(Transaction t) {
    switch (t.kind()) {
      case ANSWERED -> latency.record(t.queryTimeNanos, t.latencyNanos);
      case UNANSWERED -> {
        int slot = axis.slotOf(t.queryTimeNanos);
        if (slot >= 0) {
          unanswered.increment(slot);
        }
      }
      default -> {
        // A response alone was already counted as a message; it has no query time to file.
      }
    }
  }

  @Override
  public void finish() {
    latency.finish();
  }

  long lateLatencySamples() {
    return latency.lateSamples();
  }

  @Override
  public List<String> patterns() {
    String p = prefix;
    return List.of(p + "queries", p + "responses", p + "rcode.<NAME>", p + "truncated", p + "unanswered", p + "latency.p50", p + "latency.p90",
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
      return MetricId.of(prefix + "rcode." + rcodeName.apply(n));
    }
    return switch (rest) {
      case "queries", "responses", "truncated", "unanswered", "latency.p50", "latency.p90", "latency.p99", "latency.max" -> MetricId.of(name);
      default -> null;
    };
  }

  @Override
  public Unit unit(MetricId id) {
    return id.name().startsWith(prefix + "latency.") ? Unit.MILLISECONDS : Unit.COUNT;
  }

  @Override
  public List<MetricId> present() {
    List<MetricId> ids = new ArrayList<>();
    ids.add(MetricId.of(prefix + "queries"));
    ids.add(MetricId.of(prefix + "responses"));
    for (int r = 0; r < RCODES; r++) {
      if (rcodes[r] != null) {
        ids.add(MetricId.of(prefix + "rcode." + rcodeName.apply(r)));
      }
    }
    ids.add(MetricId.of(prefix + "truncated"));
    ids.add(MetricId.of(prefix + "unanswered"));
    for (String l : LATENCY) {
      ids.add(MetricId.of(prefix + "latency." + l));
    }
    return ids;
  }

  @Override
  public void fill(MetricId id, long firstBucket, double[] out) {
    String rest = id.name().substring(prefix.length());
    if (rest.startsWith("rcode.")) {
      CountColumn c = rcodes[rcodeNumber.applyAsInt(rest.substring("rcode.".length()))];
      if (c == null) {
        Arrays.fill(out, 0);
      } else {
        c.fill(axis, firstBucket, out);
      }
      return;
    }
    switch (rest) {
      case "queries" -> queries.fill(axis, firstBucket, out);
      case "responses" -> responses.fill(axis, firstBucket, out);
      case "truncated" -> truncated.fill(axis, firstBucket, out);
      case "unanswered" -> unanswered.fill(axis, firstBucket, out);
      default -> latency.fill(Arrays.asList(LATENCY).indexOf(rest.substring("latency.".length())), firstBucket, out);
    }
  }
}
