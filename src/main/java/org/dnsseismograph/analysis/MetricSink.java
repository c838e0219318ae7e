package org.dnsseismograph.analysis;

import org.dnsseismograph.series.MetricId;

/**
 * Where metric families put what they observe, so that one family definition serves both outputs:
 * fixed-step tables for {@code seismograph series} ({@link TableSink}, memory bounded by the
 * buckets) and multi-resolution series for the window ({@link SeriesSink}, exact event times).
 *
 * <p>A family asks for a recorder once per metric and calls it per event; a sink that does not
 * want a metric hands out a no-op recorder, so unwanted metrics cost a virtual call and nothing
 * else. Times are epoch ns, UTC. Recorders may be given events up to the sink's latency horizon
 * behind its clock (an unanswered query is filed under its query time a timeout late). Confined to
 * the aggregating thread.
 */
interface MetricSink {

  /** How finely a sampled metric (latency, ratio, distinct count) is kept by a series sink. */
  enum Detail {
    /** The sink's fine step (100 ms by default): client and upstream latency, retry ratio. */
    FINE,
    /** The sink's coarse step (1 s by default): per server and zone ratios, distinct sources. */
    COARSE
  }

  /** Counts events at their time. */
  @FunctionalInterface
  interface EventCounter {
    EventCounter NONE = t -> {};

    void add(long timeNanos);
  }

  /** Latencies filed under their query time, reported as p50, p90, p99 and max in milliseconds. */
  @FunctionalInterface
  interface LatencyRecorder {
    LatencyRecorder NONE = (q, l) -> {};

    void record(long queryTimeNanos, long latencyNanos);
  }

  /** Trials and hits at their time; the metric is hits / trials per bucket (NaN without a trial). */
  @FunctionalInterface
  interface RatioRecorder {
    RatioRecorder NONE = (t, h) -> {};

    void record(long timeNanos, boolean hit);
  }

  /** Addresses at their time; the metric is the number of distinct addresses per bucket. */
  @FunctionalInterface
  interface DistinctRecorder {
    DistinctRecorder NONE = (t, hi, lo) -> {};

    void add(long timeNanos, long hi, long lo);
  }

  /** A counter for {@code id}, or {@link EventCounter#NONE} when the sink does not want it. */
  EventCounter counter(MetricId id);

  /**
   * A latency recorder for the four ids p50, p90, p99 and max (in that order); {@link
   * LatencyRecorder#NONE} when none is wanted.
   */
  LatencyRecorder latency(MetricId[] p50p90p99max);

  RatioRecorder ratio(MetricId id, Detail detail);

  /**
   * A counter of queries closed unanswered, filed at their query time and known only a horizon
   * later: the queries of the input's last horizon may have had their answers just after it
   * stopped. A series sink leaves that stretch unobserved, so the window draws no spike of them; a
   * table counts them, as {@code seismograph series} documents.
   */
  default EventCounter unansweredCounter(MetricId id) {
    return counter(id);
  }

  /** A ratio of answered queries among those asked, at their query time: known a horizon late, as {@link #unansweredCounter}. */
  default RatioRecorder answerRatio(MetricId id, Detail detail) {
    return ratio(id, detail);
  }

  DistinctRecorder distinct(MetricId id, Detail detail);

  /**
   * False when no metric whose name starts with {@code prefix} will ever get a recorder: a family
   * may then skip the work of finding which of its metrics an event belongs to.
   */
  default boolean wantsAny(String prefix) {
    return true;
  }

  /**
   * True when counts and ratios are filed under their time however late they come (not only up
   * to the horizon): a family may then work out some of them on another thread and record them a
   * while later.
   */
  default boolean takesCountsAtAnyLateness() {
    return false;
  }

  /** Something happened at {@code t}: the observed span includes it (no metric counts it). */
  void touch(long timeNanos);

  /** Moves the clock forward (never back); buckets beyond the horizon behind it are final. */
  void advanceClock(long timeNanos);

  /** End of input: every open bucket is final. */
  void finish();

  /** What the sink had to leave out so far. */
  AggregatorStats stats();
}
