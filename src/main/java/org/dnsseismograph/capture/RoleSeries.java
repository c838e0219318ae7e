package org.dnsseismograph.capture;

import java.util.List;
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

/**
 * The live series of one metric prefix ({@code dns}, {@code client} or {@code upstream}), named as
 * the file metrics are: {@code <p>.queries}, {@code <p>.responses}, {@code <p>.rcode.<NAME>} (from
 * the first response with that rcode), {@code <p>.truncated}, {@code <p>.unanswered} (at the
 * query's time, up to the timeout late) and the latency percentiles of {@link LatencyPerSecond}.
 * Counts are events on the UTC axis; coverage is declared by the source ({@link #observed}), so
 * quiet observed time reads as zero and paused time as no data. Unanswered queries and latencies
 * in the last timeout of each observed stretch (the live edge, or before a pause or the stop) are
 * not known yet: that time is declared undecided, not covered, so it reads as neither zero nor
 * unobserved. Confined to the worker thread.
 */
final class RoleSeries {
  private static final int RCODES = 1 << 12;

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
    this.unanswered = new EventSeriesWriter(MetricId.of(prefix + ".unanswered"));
    unanswered.setImplicitCoverage(false);
    coverDecided();
    this.latency = new LatencyPerSecond(prefix, timeoutNanos);
  }

  private EventSeriesWriter writer(String name) {
    EventSeriesWriter w = new EventSeriesWriter(MetricId.of(prefix + "." + name));
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

  void onTransaction(Transaction t) {
    switch (t.kind()) {
      case ANSWERED -> latency.record(t.queryTimeNanos, t.latencyNanos);
      case UNANSWERED -> unanswered.append(t.queryTimeNanos);
      default -> {
        // A response alone was counted as a message already; it has no query to file.
      }
    }
  }

  void observed(long startNanos, long endNanos) {
    forEachCounter(w -> w.cover(startNanos, endNanos));
    coverDecided();
  }

  /** Covers the unanswered queries' series up to a timeout before the end of each observed stretch; the rest is undecided. */
  private void coverDecided() {
    Coverage observed = observed();
    Coverage decided = observed.withoutTails(timeout);
    for (int i = 0; i < decided.size(); i++) {
      unanswered.cover(decided.start(i), decided.end(i));
    }
    unanswered.setUndecided(observed.tails(timeout, 1));
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
  }

  private void forEachWriter(Consumer<EventSeriesWriter> action) {
    forEachCounter(action);
    action.accept(unanswered);
  }

  /** The writers whose counts are known as soon as a message is seen: all but the unanswered queries'. */
  private void forEachCounter(Consumer<EventSeriesWriter> action) {
    action.accept(queries);
    action.accept(responses);
    action.accept(truncated);
    rcodesInOrder.values().forEach(action);
  }
}
