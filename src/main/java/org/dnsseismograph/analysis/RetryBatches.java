package org.dnsseismograph.analysis;

import java.util.Objects;

/**
 * Runs a {@link RetryTracker} beside the aggregating thread ({@link BatchHandOff}) and hands its
 * verdicts back in ask order, a batch or two later. Why: each new client question costs the
 * tracker one random read of its table (~100 ns, a fifth of {@code seismograph detect}'s pass),
 * while queuing the question costs five sequential stores. The tracker sees the same questions in
 * the same order as on the asking thread, so the verdicts are the same; use it only with a sink
 * that files counts under their time however late they come ({@link
 * MetricSink#takesCountsAtAnyLateness}). Confined to one asking thread.
 */
final class RetryBatches {
  /** Hears each question's verdict on the asking thread, in ask order. */
  @FunctionalInterface
  interface Verdicts {
    void on(long timeNanos, boolean retry);
  }

  private final BatchHandOff handOff;

  RetryBatches(RetryTracker tracker, Verdicts verdicts) {
    this(tracker, verdicts, BatchHandOff.BATCH);
  }

  RetryBatches(RetryTracker tracker, Verdicts verdicts, int batchSize) {
    Objects.requireNonNull(tracker, "tracker");
    Objects.requireNonNull(verdicts, "verdicts");
    handOff = new BatchHandOff(5, batchSize, b -> judge(tracker, b), b -> deliver(verdicts, b));
  }

  /** Queues the client's question asked at {@code t}; its verdict comes later. */
  void ask(long clientHi, long clientLo, long qnameHash, int qtype, long t) {
    handOff.add(clientHi, clientLo, qnameHash, qtype, t);
  }

  /** Waits for every question asked so far to be judged and gives out their verdicts. */
  void flush() {
    handOff.flush();
  }

  private static void judge(RetryTracker tracker, BatchHandOff.Batch b) {
    for (int i = 0; i < b.records(); i++) {
      b.setFlag(i, tracker.ask(b.word(i, 0), b.word(i, 1), b.word(i, 2), (int) b.word(i, 3), b.word(i, 4)));
    }
  }

  private static void deliver(Verdicts out, BatchHandOff.Batch b) {
    for (int i = 0; i < b.records(); i++) {
      out.on(b.word(i, 4), b.flag(i));
    }
  }
}
