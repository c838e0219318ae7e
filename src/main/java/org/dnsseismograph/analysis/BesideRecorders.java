package org.dnsseismograph.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Runs a sink's recorders on a worker ({@link BatchHandOff}): the recorders it hands out write each
 * call as a record of four words, and the worker makes the same calls, in the same order, on the
 * recorders it wraps. Why: the window's series sink costs a quarter of loading a capture (the
 * closing rings, latency histograms and event chunks miss the cache per event), while a record
 * costs four sequential stores.
 *
 * <p>The owner must {@link #flush} before it reads or changes what the wrapped recorders write to
 * (a snapshot, the end of input, a recorder added), so that the worker is idle and its writes
 * visible. Confined to the owner's thread, the wrapped recorders to the worker between flushes.
 */
final class BesideRecorders {
  private static final int COUNT = 0;
  private static final int LATENCY = 1;
  private static final int RATIO = 2;
  private static final int DISTINCT = 3;
  private static final int CALL = 4;
  private static final int KIND_BITS = 3;

  private final BatchHandOff handOff = new BatchHandOff(4, BatchHandOff.BATCH, this::work, BatchHandOff.Results.NONE);
  /** The wrapped recorders by index; grows only after a flush, so the worker never sees it change. */
  private final List<Object> targets = new ArrayList<>();

  MetricSink.EventCounter counter(MetricSink.EventCounter direct) {
    long op = register(direct, COUNT);
    return t -> handOff.add(op, t, 0, 0);
  }

  MetricSink.LatencyRecorder latency(MetricSink.LatencyRecorder direct) {
    long op = register(direct, LATENCY);
    return (q, l) -> handOff.add(op, q, l, 0);
  }

  MetricSink.RatioRecorder ratio(MetricSink.RatioRecorder direct) {
    long op = register(direct, RATIO);
    return (t, hit) -> handOff.add(op, t, hit ? 1 : 0, 0);
  }

  MetricSink.DistinctRecorder distinct(MetricSink.DistinctRecorder direct) {
    long op = register(direct, DISTINCT);
    return (t, hi, lo) -> handOff.add(op, t, hi, lo);
  }

  /** A call of the owner's own (a clock move) that must keep its place among the recorders' calls. */
  LongConsumer call(LongConsumer direct) {
    long op = register(direct, CALL);
    return t -> handOff.add(op, t, 0, 0);
  }

  /** Waits until the worker has made every call written so far. */
  void flush() {
    handOff.flush();
  }

  private long register(Object target, int kind) {
    flush();
    targets.add(target);
    return (long) (targets.size() - 1) << KIND_BITS | kind;
  }

  private void work(BatchHandOff.Batch b) {
    for (int i = 0; i < b.records(); i++) {
      long op = b.word(i, 0);
      Object target = targets.get((int) (op >>> KIND_BITS));
      long t = b.word(i, 1);
      switch ((int) op & ((1 << KIND_BITS) - 1)) {
        case COUNT -> ((MetricSink.EventCounter) target).add(t);
        case LATENCY -> ((MetricSink.LatencyRecorder) target).record(t, b.word(i, 2));
        case RATIO -> ((MetricSink.RatioRecorder) target).record(t, b.word(i, 2) != 0);
        case DISTINCT -> ((MetricSink.DistinctRecorder) target).add(t, b.word(i, 2), b.word(i, 3));
        default -> ((LongConsumer) target).accept(t);
      }
    }
  }
}
