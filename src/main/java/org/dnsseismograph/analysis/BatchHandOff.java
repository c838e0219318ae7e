package org.dnsseismograph.analysis;

import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dnsseismograph.common.Uninterruptibly;

/**
 * Moves work that only the end of a pass needs off the aggregating thread: records of a few longs
 * are collected in a batch, a full batch goes to a worker on the second core, and the next one
 * fills meanwhile. Why: some streaming state (the retry memory, the dark-server queue) costs a
 * cache miss or a sort per record, while writing the record costs a few sequential stores.
 *
 * <p>Before a batch is handed over, the previous one is waited for and given back to {@link
 * Results} on the handing thread; {@link #flush} gives back the rest. So the {@link Work} sees
 * exactly the records and order it would see on the handing thread, one batch at a time (the hand
 * over orders the batches' memory effects, so the work's state needs no locks and may be read by
 * the handing thread after {@link #flush}); results only arrive late: up to two batches after
 * their record.
 *
 * <p>The workers are daemon threads of a shared pool that end after a minute idle; a batch given
 * up (a pass abandoned by an exception) finishes on its own and is dropped. Confined to one handing
 * thread.
 */
final class BatchHandOff {
  /** Records per batch: ~100–150 KB, so a batch and the one filling stay within the cores' L2 caches. */
  static final int BATCH = 4096;

  private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
    Thread t = new Thread(task, "seismograph-beside");
    t.setDaemon(true);
    return t;
  });

  /** Records in the order they were added: {@code width} words each, and a flag each for the work to set. */
  static final class Batch {
    private final int width;
    private final long[] words;
    private final boolean[] flags;
    private int records;

    private Batch(int width, int capacity) {
      this.width = width;
      words = new long[width * capacity];
      flags = new boolean[capacity];
    }

    int records() {
      return records;
    }

    long word(int record, int k) {
      return words[record * width + k];
    }

    boolean flag(int record) {
      return flags[record];
    }

    void setFlag(int record, boolean value) {
      flags[record] = value;
    }
  }

  /** What the worker does with a batch, record by record. */
  @FunctionalInterface
  interface Work {
    void run(Batch batch);
  }

  /** What the handing thread does with a batch the worker finished (its flags), in batch order. */
  @FunctionalInterface
  interface Results {
    Results NONE = b -> {};

    void accept(Batch batch);
  }

  private final Work work;
  private final Results results;
  private final int width;
  private Batch filling;
  private Batch spare;
  private Batch working;
  private Future<?> worked;

  BatchHandOff(int width, int batchRecords, Work work, Results results) {
    this.width = width;
    this.work = Objects.requireNonNull(work, "work");
    this.results = Objects.requireNonNull(results, "results");
    filling = new Batch(width, batchRecords);
    spare = new Batch(width, batchRecords);
  }

  /** Adds a record of three words. */
  void add(long w0, long w1, long w2) {
    Batch b = filling;
    int at = b.records * width;
    b.words[at] = w0;
    b.words[at + 1] = w1;
    b.words[at + 2] = w2;
    added(b);
  }

  /** Adds a record of five words. */
  void add(long w0, long w1, long w2, long w3, long w4) {
    Batch b = filling;
    int at = b.records * width;
    b.words[at] = w0;
    b.words[at + 1] = w1;
    b.words[at + 2] = w2;
    b.words[at + 3] = w3;
    b.words[at + 4] = w4;
    added(b);
  }

  private void added(Batch b) {
    if (++b.records == b.flags.length) {
      handOver();
    }
  }

  /** Waits until the worker has done every record added so far, and gives back their batches. */
  void flush() {
    if (filling.records > 0) {
      handOver();
    }
    collect();
  }

  private void handOver() {
    collect();
    Batch b = filling;
    filling = spare;
    spare = null;
    working = b;
    worked = WORKERS.submit(() -> work.run(b));
  }

  /** Waits for the batch being worked on, if any, and gives it back. */
  private void collect() {
    if (worked == null) {
      return;
    }
    awaitUninterruptibly(worked);
    Batch b = working;
    worked = null;
    working = null;
    results.accept(b);
    b.records = 0;
    spare = b;
  }

  /**
   * A cancelled pass stops at its next progress check, so this wait (a batch's worth of work, under
   * a millisecond) is not cut short: no record may go missing.
   */
  private static void awaitUninterruptibly(Future<?> f) {
    Uninterruptibly.await(() -> {
      try {
        f.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("work beside the pass failed", e.getCause());
      }
    });
  }
}
