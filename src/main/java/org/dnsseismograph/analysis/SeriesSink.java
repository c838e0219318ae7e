package org.dnsseismograph.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dnsseismograph.series.Consolidation;
import org.dnsseismograph.series.Coverage;
import org.dnsseismograph.series.EventSeriesWriter;
import org.dnsseismograph.series.LabelConvention;
import org.dnsseismograph.series.LatencyHistogram;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.SampleSeriesWriter;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.series.Unit;

/**
 * A {@link MetricSink} that builds multi-resolution series for the window: an {@link
 * EventSeriesWriter} per count metric (exact event times, any zoom in O(pixels)), and {@link
 * SampleSeriesWriter}s for latency percentiles and ratios at the fine step and for distinct counts
 * at the coarse step ({@link SeriesSinkConfig}). Every metric of it wants everything.
 *
 * <p>The observed span runs from the first to the last time the sink was told of ({@link #touch},
 * {@link #advanceClock}): inside it a count without events is a real zero, a sample without data
 * (no answered query, no trial) a gap. Distinct counts are 0 in buckets without addresses.
 *
 * <p>Memory: 4 bytes per counted event plus about 200 bytes per 10 s of each busy count metric
 * (see {@link org.dnsseismograph.series.EventSeries}); 11 bytes per sample of each sampled metric.
 *
 * <p>Confined to the aggregating thread; {@link #publish} hands out immutable snapshots that any
 * thread may read.
 */
final class SeriesSink implements MetricSink {
  private static final long MS = TimeUnits.NANOS_PER_MILLI;
  private static final int MAX_ZERO_STEPS = 1 << 16;

  private final SeriesSinkConfig config;
  private final CaptureGaps gaps;
  private final Map<MetricId, EventSeriesWriter> events = new LinkedHashMap<>();
  private final Map<MetricId, SampleSeriesWriter> samples = new LinkedHashMap<>();
  private final List<ClosingRing<?>> fineRings = new ArrayList<>();
  private final List<ClosingRing<?>> coarseRings = new ArrayList<>();
  /** Counters and ratios of unanswered queries: the last horizon before the input's end is unknown for them. */
  private final Set<MetricId> decidedLate = new HashSet<>();
  private final Set<ClosingRing<?>> decidedLateRings = new HashSet<>();
  /** The answer ratios' writers, told which time is not decided yet. */
  private final Map<SampleSeriesWriter, Long> decidedLateSamples = new IdentityHashMap<>();
  /** The latency writers: a bucket without a sample in the observed time had no answer to measure. */
  private final List<SampleSeriesWriter> latencyWriters = new ArrayList<>();
  private long nextFineDue = Long.MIN_VALUE;
  private long nextCoarseDue = Long.MIN_VALUE;
  private long first = Long.MAX_VALUE;
  private long last = Long.MIN_VALUE;
  private long previousClock = Long.MIN_VALUE;

  /** @param gaps the gaps between the capture's files: unanswered queries are unknown in the last timeout before each, as before the end */
  SeriesSink(SeriesSinkConfig config, CaptureGaps gaps) {
    this.config = Objects.requireNonNull(config, "config");
    this.gaps = Objects.requireNonNull(gaps, "gaps");
  }

  @Override
  public EventCounter counter(MetricId id) {
    EventSeriesWriter w = new EventSeriesWriter(id, config.latenessNanos());
    w.setImplicitCoverage(false);
    events.put(id, w);
    return w::append;
  }

  @Override
  public EventCounter unansweredCounter(MetricId id) {
    decidedLate.add(id);
    return counter(id);
  }

  @Override
  public RatioRecorder answerRatio(MetricId id, Detail detail) {
    return ratio(id, detail, true);
  }

  @Override
  public LatencyRecorder latency(MetricId[] ids) {
    long step = config.fineStepNanos();
    SampleSeriesWriter[] w = new SampleSeriesWriter[ids.length];
    for (int i = 0; i < ids.length; i++) {
      w[i] = sampled(ids[i], Unit.MILLISECONDS, step, i == ids.length - 1 ? Consolidation.MAX : Consolidation.AVERAGE);
      latencyWriters.add(w[i]);
    }
    long[] closing = new long[LatencyColumns.PERCENTILES.length];
    ClosingRing<LatencyHistogram> ring = ring(Detail.FINE, LatencyHistogram::new, LatencyHistogram::clear, (s, e, h) -> {
      // one walk of the bins for the three percentiles, as the table's columns do
      h.valuesAtPercentiles(LatencyColumns.PERCENTILES, closing);
      for (int i = 0; i < closing.length; i++) {
        w[i].addInterval(s, e, (double) closing[i] / MS);
      }
      w[w.length - 1].addInterval(s, e, (double) h.max() / MS);
    });
    return (q, l) -> {
      LatencyHistogram h = ring.at(q);
      if (h != null) {
        h.record(Math.max(0, l));
      }
    };
  }

  @Override
  public RatioRecorder ratio(MetricId id, Detail detail) {
    return ratio(id, detail, false);
  }

  private RatioRecorder ratio(MetricId id, Detail detail, boolean ofAnswers) {
    SampleSeriesWriter w = sampled(id, Unit.RATIO, config.stepOf(detail), Consolidation.AVERAGE);
    ClosingRing<long[]> ring = ring(detail, () -> new long[2], a -> java.util.Arrays.fill(a, 0), (s, e, a) -> {
      if (!ofAnswers || !beforeGap(s, e)) {
        w.addInterval(s, e, (double) a[0] / a[1]);
      }
    });
    if (ofAnswers) {
      decidedLateRings.add(ring);
      decidedLateSamples.put(w, config.stepOf(detail));
    }
    return (t, hit) -> {
      long[] a = ring.at(t);
      if (a != null) {
        a[1]++;
        if (hit) {
          a[0]++;
        }
      }
    };
  }

  @Override
  public DistinctRecorder distinct(MetricId id, Detail detail) {
    long step = config.stepOf(detail);
    SampleSeriesWriter w = sampled(id, Unit.NUMBER, step, Consolidation.AVERAGE);
    long[] lastEnd = {Long.MIN_VALUE};
    ClosingRing<long[]> ring = ring(detail, () -> new long[1], a -> a[0] = 0, (s, e, a) -> {
      zeroFill(w, lastEnd[0], s, step);
      w.addInterval(s, e, a[0]);
      lastEnd[0] = e;
    });
    LastBucketMap seen = new LastBucketMap(TableSink.DISTINCT_ADDRESSES);
    return (t, hi, lo) -> {
      if (seen.mark(hi, lo, Math.floorDiv(t, step))) {
        long[] a = ring.at(t);
        if (a != null) {
          a[0]++;
        }
      }
    };
  }

  /** Buckets between two closed ones had no address: zeros, not gaps. */
  private static void zeroFill(SampleSeriesWriter w, long from, long to, long step) {
    if (from == Long.MIN_VALUE || to <= from) {
      return;
    }
    if ((to - from) / step > MAX_ZERO_STEPS) {
      w.addInterval(from, to, 0);
      return;
    }
    for (long s = from; s < to; s += step) {
      w.addInterval(s, Math.min(to, s + step), 0);
    }
  }

  private SampleSeriesWriter sampled(MetricId id, Unit unit, long step, Consolidation consolidation) {
    SampleSeriesWriter w = new SampleSeriesWriter(id, unit, step, LabelConvention.START, consolidation);
    samples.put(id, w);
    return w;
  }

  private <A> ClosingRing<A> ring(Detail detail, java.util.function.Supplier<A> fresh, ClosingRing.Reset<A> reset, ClosingRing.Closer<A> closer) {
    ClosingRing<A> r = new ClosingRing<>(config.stepOf(detail), config.horizonNanos(), fresh, reset, closer);
    (detail == Detail.FINE ? fineRings : coarseRings).add(r);
    return r;
  }

  @Override
  public void touch(long timeNanos) {
    first = Math.min(first, timeNanos);
    last = Math.max(last, timeNanos);
  }

  /**
   * Moves the clock. Buckets close by the previous message's time, not this one's: the matcher
   * hears of this message after the sink, and the queries it times out on hearing it belong to
   * buckets that must still be open.
   */
  @Override
  public void advanceClock(long timeNanos) {
    touch(timeNanos);
    long t = previousClock;
    previousClock = Math.max(previousClock, timeNanos);
    if (t == Long.MIN_VALUE) {
      return;
    }
    if (t >= nextFineDue) {
      nextFineDue = advance(fineRings, t, config.fineStepNanos());
    }
    if (t >= nextCoarseDue) {
      nextCoarseDue = advance(coarseRings, t, config.coarseStepNanos());
    }
  }

  /** Advances a group of rings of one step; returns the clock at which one of them next closes a bucket. */
  private long advance(List<ClosingRing<?>> rings, long t, long step) {
    for (ClosingRing<?> r : rings) {
      r.advance(t);
    }
    long h = config.horizonNanos();
    long due = Math.floorDiv(t - h - 1, step);
    return (due + 1) * step + h + 1;
  }

  @Override
  public void finish() {
    for (ClosingRing<?> r : fineRings) {
      finish(r);
    }
    for (ClosingRing<?> r : coarseRings) {
      finish(r);
    }
    for (Map.Entry<MetricId, EventSeriesWriter> e : events.entrySet()) {
      cover(e.getKey(), e.getValue());
      e.getValue().sealAll();
    }
    markUndecided();
    for (SampleSeriesWriter w : samples.values()) {
      w.publish();
    }
  }

  private void finish(ClosingRing<?> r) {
    if (decidedLateRings.contains(r)) {
      r.finishDecided(decidedEnd());
    } else {
      r.finish();
    }
  }

  /**
   * Declares what a counter observed: everything from the first message to the last, but for
   * unanswered queries only up to a horizon before the last, and before each gap between the
   * files, since the queries after that point may have been answered after the input stopped
   * (counted unanswered, they made a false spike at the end of every capture stopped mid-traffic).
   */
  private void cover(MetricId id, EventSeriesWriter w) {
    if (first > last) {
      return;
    }
    if (!decidedLate.contains(id)) {
      w.cover(first, last + 1);
      return;
    }
    Coverage stretches = stretches();
    Coverage decided = stretches.withoutTails(config.horizonNanos());
    for (int i = 0; i < decided.size(); i++) {
      w.cover(decided.start(i), decided.end(i));
    }
    w.setUndecided(stretches.tails(config.horizonNanos(), 1));
  }

  /**
   * Tells the answer ratios' writers what is not decided yet (their buckets that reach into it), and
   * the latency writers what was observed: a bucket there without a sample had nothing answered,
   * unless it lies in the last timeout of a stretch, where its queries' answers may have come after
   * the input stopped (undecided).
   */
  private void markUndecided() {
    Coverage stretches = stretches();
    for (Map.Entry<SampleSeriesWriter, Long> e : decidedLateSamples.entrySet()) {
      e.getKey().setUndecided(stretches.tails(config.horizonNanos(), e.getValue()));
    }
    Coverage unknown = stretches.tails(config.horizonNanos(), config.fineStepNanos());
    for (SampleSeriesWriter w : latencyWriters) {
      w.setObserved(stretches);
      w.setUndecided(unknown);
    }
  }

  /**
   * The input so far, from its first message to its last, cut at the gaps between the files it has
   * reached: the stretches whose last horizon is not decided for unanswered queries.
   */
  private Coverage stretches() {
    Coverage c = Coverage.NONE;
    if (first > last) {
      return c;
    }
    long from = first;
    for (int k = 0; k < gaps.count() && gaps.endBefore(k) <= last; k++) {
      c = c.with(new TimeRange(from, gaps.endBefore(k) + 1));
      from = gaps.startAfter(k);
    }
    return from <= last ? c.with(new TimeRange(from, last + 1)) : c;
  }

  /** Whether {@code [s, e)} reaches into the last timeout before a gap between the files, or into the gap. */
  private boolean beforeGap(long s, long e) {
    for (int k = 0; k < gaps.count(); k++) {
      if (e > gaps.endBefore(k) + 1 - config.horizonNanos() && s < gaps.startAfter(k)) {
        return true;
      }
    }
    return false;
  }

  /** The end of what is known of unanswered queries: a horizon before the input's clock. */
  private long decidedEnd() {
    return last == Long.MIN_VALUE ? Long.MIN_VALUE : last + 1 - config.horizonNanos();
  }

  /**
   * Publishes every series and returns them in {@code order} (ids the sink does not hold are left
   * out): the same snapshot objects any later reader gets until the next publication.
   */
  SeriesSet publish(String sourceName, List<MetricId> order) {
    for (Map.Entry<MetricId, EventSeriesWriter> e : events.entrySet()) {
      cover(e.getKey(), e.getValue());
      e.getValue().publish();
    }
    markUndecided();
    for (SampleSeriesWriter w : samples.values()) {
      w.publish();
    }
    return snapshot(sourceName, order);
  }

  /** The series as last published (or finished), in {@code order}. */
  SeriesSet snapshot(String sourceName, List<MetricId> order) {
    Map<MetricId, ResolvableSeries> map = new LinkedHashMap<>();
    for (MetricId id : order) {
      EventSeriesWriter e = events.get(id);
      SampleSeriesWriter s = samples.get(id);
      if (e != null) {
        map.put(id, e.snapshot());
      } else if (s != null) {
        map.put(id, s.snapshot());
      }
    }
    return new SeriesSet(sourceName, map);
  }

  @Override
  public AggregatorStats stats() {
    long late = 0;
    for (ClosingRing<?> r : fineRings) {
      late += r.late();
    }
    for (ClosingRing<?> r : coarseRings) {
      late += r.late();
    }
    return new AggregatorStats(0, late);
  }
}
