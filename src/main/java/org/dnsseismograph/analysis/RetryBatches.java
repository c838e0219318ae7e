package org.dnsseismograph.analysis;

import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a {@link RetryTracker} beside the aggregating thread and hands its verdicts back, in ask
 * order, a batch later. Why: each new client question costs the tracker one random read of its
 * table (~100 ns, a fifth of {@code seismograph detect}'s pass), while queuing the question costs
 * five sequential stores; on a second core the table's misses no longer stall the pass.
 *
 * <p>Questions are collected in a batch of {@link #BATCH}; a full batch goes to a worker and the
 * next one fills meanwhile. Before a batch is handed over, the previous one's verdicts are
 * waited for and given to {@link Verdicts} on the asking thread; {@link #flush} gives the rest. So
 * the tracker sees exactly the questions and order it would see on the asking thread, one batch at
 * a time (the hand-over orders the batches' memory effects), and the verdicts are the same; they
 * only arrive late: up to two batches of questions behind their ask. Use it only with a sink
 * that files counts under their time whatever their lateness ({@link TableSink}).
 *
 * <p>The workers are daemon threads of a shared pool that end after a minute idle; a batch given up
 * (a pass abandoned by an exception) finishes on its own and is dropped. Confined to one asking
 * thread.
 */
final class RetryBatches {
  /** Questions per batch: ~150 KB, so a batch and the one filling stay within the cores' L2 caches. */
  static final int BATCH = 4096;

  private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
    Thread t = new Thread(task, "seismograph-retries");
    t.setDaemon(true);
    return t;
  });

  /** Hears each question's verdict on the asking thread, in ask order. */
  @FunctionalInterface
  interface Verdicts {
    void on(long timeNanos, boolean retry);
  }

  private final RetryTracker tracker;
  private final Verdicts verdicts;
  private Batch filling;
  private Batch spare;
  private Batch judging;
  private Future<?> judged;

  RetryBatches(RetryTracker tracker, Verdicts verdicts) {
    this(tracker, verdicts, BATCH);
  }

  RetryBatches(RetryTracker tracker, Verdicts verdicts, int batchSize) {
    this.tracker = Objects.requireNonNull(tracker, "tracker");
    this.verdicts = Objects.requireNonNull(verdicts, "verdicts");
    filling = new Batch(batchSize);
    spare = new Batch(batchSize);
  }

  /** Queues the client's question asked at {@code t}; its verdict comes later (see the class). */
  void ask(long clientHi, long clientLo, long qnameHash, int qtype, long t) {
    Batch b = filling;
    b.add(clientHi, clientLo, qnameHash, qtype, t);
    if (b.size == b.time.length) {
      handOver();
    }
  }

  /** Waits for every question asked so far to be judged and gives out their verdicts. */
  void flush() {
    if (filling.size > 0) {
      handOver();
    }
    collect();
  }

  private void handOver() {
    collect();
    Batch b = filling;
    filling = spare;
    spare = null;
    judging = b;
    judged = WORKERS.submit(() -> b.judge(tracker));
  }

  /** Waits for the batch being judged, if any, and gives out its verdicts. */
  private void collect() {
    if (judged == null) {
      return;
    }
    awaitUninterruptibly(judged);
    Batch b = judging;
    judged = null;
    judging = null;
    b.deliver(verdicts);
    spare = b;
  }

  /**
   * A pass that is cancelled stops at its next progress check, so this wait (a batch's worth of
   * work, under a millisecond) is not cut short: a verdict must not go missing.
   */
  private static void awaitUninterruptibly(Future<?> f) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          f.get();
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          throw new IllegalStateException("retry tracker failed", e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Questions in ask order, then their verdicts. */
  private static final class Batch {
    final long[] hi;
    final long[] lo;
    final long[] qnameHash;
    final int[] qtype;
    final long[] time;
    final boolean[] retry;
    int size;

    Batch(int capacity) {
      hi = new long[capacity];
      lo = new long[capacity];
      qnameHash = new long[capacity];
      qtype = new int[capacity];
      time = new long[capacity];
      retry = new boolean[capacity];
    }

    void add(long h, long l, long q, int type, long t) {
      int i = size;
      hi[i] = h;
      lo[i] = l;
      qnameHash[i] = q;
      qtype[i] = type;
      time[i] = t;
      size = i + 1;
    }

    void judge(RetryTracker tracker) {
      for (int i = 0; i < size; i++) {
        retry[i] = tracker.ask(hi[i], lo[i], qnameHash[i], qtype[i], time[i]);
      }
    }

    void deliver(Verdicts out) {
      for (int i = 0; i < size; i++) {
        out.on(time[i], retry[i]);
      }
      size = 0;
    }
  }
}
