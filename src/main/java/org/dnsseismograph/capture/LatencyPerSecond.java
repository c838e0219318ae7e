package org.dnsseismograph.capture;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dnsseismograph.series.Consolidation;
import org.dnsseismograph.series.Coverage;
import org.dnsseismograph.series.LabelConvention;
import org.dnsseismograph.series.LatencyHistogram;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.SampleSeriesWriter;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.series.Unit;

/**
 * Latency percentiles of one metric prefix per second of query time, as the live timeline shows
 * them: {@code <p>.latency.p50|p90|p99|max} in milliseconds, one sample per second that had an
 * answered query (no sample, so no data, in a second without one). Nearest-rank percentiles with
 * {@link LatencyHistogram}'s precision; max exact.
 *
 * <p>A second stays open (one pooled histogram) until the clock is more than the horizon (the
 * matcher's timeout) past its end, since answers to its queries arrive that late; then its four
 * samples are written. At most {@code horizon / 1 s + 2} histograms are open; a sample for a second
 * already written is counted late and dropped. Memory grows by 4 × 8 bytes per second with answers
 * (about 2.8 MB a day). Confined to the worker thread.
 */
final class LatencyPerSecond {
  private static final int[] PERCENTILES = {50, 90, 99, 100};
  private static final String[] NAMES = {"p50", "p90", "p99", "max"};
  private static final long SECOND = TimeUnits.NANOS_PER_SECOND;

  private final long horizon;
  private final SampleSeriesWriter[] writers = new SampleSeriesWriter[PERCENTILES.length];
  private final TreeMap<Long, LatencyHistogram> open = new TreeMap<>();
  private final ArrayDeque<LatencyHistogram> pool = new ArrayDeque<>();
  private long writtenBelow = Long.MIN_VALUE;
  private long late;
  private boolean finished;

  LatencyPerSecond(String prefix, long horizonNanos) {
    this.horizon = horizonNanos;
    for (int i = 0; i < writers.length; i++) {
      writers[i] = new SampleSeriesWriter(MetricId.of(prefix + ".latency." + NAMES[i]), Unit.MILLISECONDS, SECOND, LabelConvention.START,
          i == 0 ? Consolidation.AVERAGE : Consolidation.MAX);
    }
  }

  /** One answered query: its time (epoch ns) and latency (ns). */
  void record(long queryTimeNanos, long latencyNanos) {
    long second = Math.floorDiv(queryTimeNanos, SECOND);
    if (second < writtenBelow) {
      late++;
      return;
    }
    LatencyHistogram h = open.get(second);
    if (h == null) {
      h = pool.isEmpty() ? new LatencyHistogram() : pool.pop();
      open.put(second, h);
    }
    h.record(Math.max(0, latencyNanos));
  }

  /**
   * Writes every second whose answers can no longer arrive: those ending more than the horizon
   * before {@code clockNanos}. Returns where the seconds still open begin ({@link Long#MAX_VALUE}
   * when all were written, {@link Long#MIN_VALUE} before the clock started).
   */
  long closeBefore(long clockNanos) {
    // after the end (Long.MAX_VALUE) every second stays written, whatever clock a later call brings
    finished |= clockNanos == Long.MAX_VALUE;
    long openFrom = finished ? Long.MAX_VALUE
        : clockNanos < Long.MIN_VALUE + horizon + 1 ? Long.MIN_VALUE : Math.floorDiv(clockNanos - horizon - 1, SECOND) * SECOND;
    while (!open.isEmpty()) {
      Map.Entry<Long, LatencyHistogram> first = open.firstEntry();
      long second = first.getKey();
      if (!finished && (second + 1) * SECOND + horizon >= clockNanos) {
        return openFrom;
      }
      write(second, first.getValue());
      open.pollFirstEntry();
      first.getValue().clear();
      pool.push(first.getValue());
      writtenBelow = second + 1;
    }
    return openFrom;
  }

  /** The time whose seconds are still open: their percentiles are not known yet. */
  void setUndecided(Coverage undecided) {
    for (SampleSeriesWriter w : writers) {
      w.setUndecided(undecided);
    }
  }

  /** The time observed: a second there without a sample had no answer to measure. */
  void setObserved(Coverage observed) {
    for (SampleSeriesWriter w : writers) {
      w.setObserved(observed);
    }
  }

  private void write(long second, LatencyHistogram h) {
    for (int i = 0; i < writers.length; i++) {
      double ms = (double) h.valueAtPercentile(PERCENTILES[i]) / TimeUnits.NANOS_PER_MILLI;
      writers[i].addInterval(second * SECOND, (second + 1) * SECOND, ms);
    }
  }

  void publish(List<ResolvableSeries> out) {
    for (SampleSeriesWriter w : writers) {
      out.add(w.publish());
    }
  }

  /** Latencies that arrived after their second was written. */
  long late() {
    return late;
  }
}
