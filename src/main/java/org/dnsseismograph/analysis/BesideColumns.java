package org.dnsseismograph.analysis;

import java.util.Objects;
import org.dnsseismograph.traffic.Transaction;
import org.dnsseismograph.traffic.TransactionColumns;
import org.dnsseismograph.traffic.TransactionRecord;

/**
 * Feeds the window's {@link TransactionColumns} on the dispatcher's thread, or beside it on a
 * worker ({@link BatchHandOff}). Why beside: interning each transaction's names and addresses and
 * sealing it in time order costs a quarter of loading a capture, while writing it as a {@link
 * TransactionRecord} costs a dozen sequential stores.
 *
 * <p>Beside, each transaction goes with the clock the columns had when it came (the dispatcher
 * moves the clock after the transactions of a message), so the worker makes the same calls in the
 * same order, except that clock moves with no transaction after them wait for the next one: rows
 * are sealed a little later, in the same order, with the same ones left out. {@link #settled} and
 * {@link #finish} send the latest clock and wait for the worker. Confined to the dispatcher's
 * thread; the columns' snapshots may be read from any thread, as always.
 */
final class BesideColumns {
  private static final int CLOCK = 0;
  private static final int APPEND = 1;

  private final TransactionColumns columns;
  private final BatchHandOff handOff;
  /** The worker's transaction, rebuilt from each record. */
  private final Transaction rebuilt = new Transaction();
  private long clock = Long.MIN_VALUE;

  /** @param beside true to feed the columns on a worker, false to call them on this thread */
  BesideColumns(TransactionColumns columns, boolean beside) {
    this.columns = Objects.requireNonNull(columns, "columns");
    this.handOff = beside ? new BatchHandOff(2 + TransactionRecord.MAX_WORDS, 1024, this::work, BatchHandOff.Results.NONE) : null;
  }

  long reorderWindowNanos() {
    return columns.reorderWindowNanos();
  }

  void append(Transaction t) {
    if (handOff == null) {
      columns.append(t);
      return;
    }
    long[] w = handOff.recordWords();
    int at = handOff.recordStart();
    w[at] = clock;
    w[at + 1] = APPEND;
    TransactionRecord.encode(t, w, at + 2);
    handOff.recordAdded();
  }

  void advanceClock(long nowNanos) {
    if (handOff == null) {
      columns.advanceClock(nowNanos);
    } else if (nowNanos > clock) {
      clock = nowNanos;
    }
  }

  /** Seals every staged row and publishes. */
  void finish() {
    settled().finish();
  }

  /** The columns, with every call made so far done: to read or publish them on this thread. */
  TransactionColumns settled() {
    if (handOff != null) {
      long[] w = handOff.recordWords();
      int at = handOff.recordStart();
      w[at] = clock;
      w[at + 1] = CLOCK;
      handOff.recordAdded();
      handOff.flush();
    }
    return columns;
  }

  private void work(BatchHandOff.Batch b) {
    for (int i = 0; i < b.records(); i++) {
      long c = b.word(i, 0);
      if (c != Long.MIN_VALUE) {
        columns.advanceClock(c);
      }
      if (b.word(i, 1) == APPEND) {
        TransactionRecord.decode(b.wordsOf(), b.start(i) + 2, rebuilt);
        columns.append(rebuilt);
      }
    }
  }
}
