package org.dnsseismograph.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.dnsseismograph.series.MetricId;

/**
 * A {@link MetricSink} that keeps fixed-step, UTC-aligned buckets ({@link AggregatorConfig}): the
 * storage behind {@code seismograph series} and the detectors. Only the wanted metrics get columns, so asking for three metrics of a capture with a thousand servers costs
 * three columns. Memory: about 8 bytes per bucket and column (chunks of 1024 buckets, allocated on
 * first use) plus the open latency histograms and, for distinct counts, 24 bytes per address.
 *
 * <p>Counts are filed under the bucket of their time whatever their lateness; latencies and
 * ratios by query time; distinct addresses per bucket. Confined to the aggregating thread; {@link
 * #fill} may be called at any time (open latency buckets answer as they stand).
 */
final class TableSink implements MetricSink {
  /** Most addresses a distinct count remembers at once. */
  static final int DISTINCT_ADDRESSES = 1 << 21;

  /** Writes the values of one column for buckets {@code first, first + 1, ...}. */
  @FunctionalInterface
  interface Column {
    void fill(long firstBucket, double[] out);
  }

  private final AggregatorConfig config;
  private final BucketAxis axis;
  private final Set<MetricId> wantedIds;
  private final Predicate<MetricId> wanted;
  private final Map<MetricId, Column> columns = new HashMap<>();
  private final List<LatencyColumns> latencies = new ArrayList<>();

  /** @param wanted the metrics to keep columns for, or null for every metric */
  TableSink(AggregatorConfig config, Set<MetricId> wanted) {
    this.config = Objects.requireNonNull(config, "config");
    this.wantedIds = wanted == null ? null : Set.copyOf(wanted);
    this.wanted = wanted == null ? id -> true : wantedIds::contains;
    this.axis = new BucketAxis(config.stepNanos(), config.window(), config.maxBuckets());
  }

  AggregatorConfig config() {
    return config;
  }

  BucketAxis axis() {
    return axis;
  }

  @Override
  public EventCounter counter(MetricId id) {
    if (!wanted.test(id)) {
      return EventCounter.NONE;
    }
    CountColumn c = new CountColumn();
    columns.put(id, (first, out) -> c.fill(axis, first, out));
    return new ColumnCounter(axis, c);
  }

  @Override
  public LatencyRecorder latency(MetricId[] ids) {
    boolean any = false;
    for (MetricId id : ids) {
      any |= wanted.test(id);
    }
    if (!any) {
      return LatencyRecorder.NONE;
    }
    LatencyColumns l = new LatencyColumns(axis, config.latencyHorizonNanos());
    latencies.add(l);
    for (int i = 0; i < ids.length; i++) {
      int which = i;
      if (wanted.test(ids[i])) {
        columns.put(ids[i], (first, out) -> l.fill(which, first, out));
      }
    }
    return l::record;
  }

  @Override
  public RatioRecorder ratio(MetricId id, Detail detail) {
    if (!wanted.test(id)) {
      return RatioRecorder.NONE;
    }
    CountColumn hits = new CountColumn();
    CountColumn trials = new CountColumn();
    columns.put(id, (first, out) -> {
      double[] h = new double[out.length];
      hits.fill(axis, first, h);
      trials.fill(axis, first, out);
      for (int i = 0; i < out.length; i++) {
        out[i] = out[i] == 0 ? Double.NaN : h[i] / out[i];
      }
    });
    return (t, hit) -> {
      int slot = axis.slotOf(t);
      if (slot >= 0) {
        trials.increment(slot);
        if (hit) {
          hits.increment(slot);
        }
      }
    };
  }

  @Override
  public DistinctRecorder distinct(MetricId id, Detail detail) {
    if (!wanted.test(id)) {
      return DistinctRecorder.NONE;
    }
    CountColumn c = new CountColumn();
    LastBucketMap seen = new LastBucketMap(DISTINCT_ADDRESSES);
    columns.put(id, (first, out) -> c.fill(axis, first, out));
    return (t, hi, lo) -> {
      int slot = axis.slotOf(t);
      if (slot >= 0 && seen.mark(hi, lo, axis.lastBucket())) {
        c.increment(slot);
      }
    };
  }

  @Override
  public boolean wantsAny(String prefix) {
    return wantedIds == null || wantedIds.stream().anyMatch(id -> id.name().startsWith(prefix));
  }

  @Override
  public boolean takesCountsAtAnyLateness() {
    return true;
  }

  @Override
  public void touch(long timeNanos) {
    axis.touch(timeNanos);
  }

  @Override
  public void advanceClock(long timeNanos) {
    axis.advanceClock(timeNanos);
  }

  @Override
  public void finish() {
    for (LatencyColumns l : latencies) {
      l.finish();
    }
  }

  @Override
  public AggregatorStats stats() {
    long late = 0;
    for (LatencyColumns l : latencies) {
      late += l.lateSamples();
    }
    return new AggregatorStats(axis.overLimit(), late);
  }

  /**
   * Fills {@code out[i]} with the value of {@code id} in bucket {@code firstBucket + i}; false
   * (nothing written) when the sink has no column for it (never recorded, or not wanted).
   */
  boolean fill(MetricId id, long firstBucket, double[] out) {
    Column c = columns.get(id);
    if (c == null) {
      return false;
    }
    c.fill(firstBucket, out);
    return true;
  }
}
