package org.dnsseismograph.analysis;

import java.util.function.Supplier;

/**
 * Buckets of one step that stay open until the clock is a horizon past their end, then close in
 * time order: how a series sink turns late-arriving observations (an answer up to the matcher's
 * timeout after its query) into samples written once and in order. Each open bucket has an
 * accumulator, kept in a ring sized to the horizon ({@code horizon / step + 3} slots) and reused,
 * so nothing is allocated once the ring is warm. An observation for a bucket already closed is
 * dropped and counted ({@link #late()}).
 *
 * <p>Bucket {@code b} is {@code [b * step, (b + 1) * step)} in epoch ns and closes once the clock
 * is more than {@code horizon} past its end. Confined to one thread.
 *
 * @param <A> the accumulator of one bucket
 */
final class ClosingRing<A> {
  /** Receives each bucket as it closes, in time order; the accumulator is reset afterwards. */
  interface Closer<A> {
    void close(long startNanos, long endNanos, A accumulator);
  }

  /** Clears an accumulator for reuse. */
  interface Reset<A> {
    void reset(A accumulator);
  }

  private final long step;
  private final long horizon;
  private final Supplier<A> fresh;
  private final Reset<A> reset;
  private final Closer<A> closer;
  private final Object[] slots;
  private final long[] slotBucket;
  private final boolean[] open;
  private final int mask;
  private int openCount;
  /** Buckets below this number are closed. */
  private long closedBelow = Long.MIN_VALUE;
  private long clock = Long.MIN_VALUE;
  private long nextDue = Long.MIN_VALUE;
  private long late;

  ClosingRing(long stepNanos, long horizonNanos, Supplier<A> fresh, Reset<A> reset, Closer<A> closer) {
    if (stepNanos <= 0 || horizonNanos < 0) {
      throw new IllegalArgumentException("bad ring: step " + stepNanos + ", horizon " + horizonNanos);
    }
    this.step = stepNanos;
    this.horizon = horizonNanos;
    this.fresh = fresh;
    this.reset = reset;
    this.closer = closer;
    int size = Integer.highestOneBit((int) Math.min(1 << 20, horizonNanos / stepNanos + 3) * 2 - 1);
    slots = new Object[size];
    slotBucket = new long[size];
    open = new boolean[size];
    mask = size - 1;
  }

  /** The accumulator of the bucket holding {@code t} (the clock moves to {@code t} first), or null when it closed already. */
  @SuppressWarnings("unchecked")
  A at(long t) {
    advance(t);
    long b = Math.floorDiv(t, step);
    if (b < closedBelow) {
      late++;
      return null;
    }
    int i = (int) b & mask;
    if (!open[i]) {
      if (slots[i] == null) {
        slots[i] = fresh.get();
      }
      open[i] = true;
      slotBucket[i] = b;
      openCount++;
    } else if (slotBucket[i] != b) {
      throw new IllegalStateException("ring too small: bucket " + b + " meets open bucket " + slotBucket[i]);
    }
    return (A) slots[i];
  }

  /** Moves the clock forward and closes the buckets that became final. */
  void advance(long t) {
    if (t <= clock) {
      return;
    }
    clock = t;
    if (t < nextDue || t <= Long.MIN_VALUE + horizon) {
      return;
    }
    long due = Math.floorDiv(t - horizon - 1, step);
    nextDue = due >= Long.MAX_VALUE / step ? Long.MAX_VALUE : (due + 1) * step + horizon + 1;
    closeBelow(due);
  }

  /** Closes every open bucket, in time order (end of input). */
  void finish() {
    closeBelow(Long.MAX_VALUE);
  }

  /**
   * Ends the input for observations that come a horizon late: closes the buckets that end by
   * {@code decidedEndNanos} and drops the later ones unclosed, since not all of theirs came in.
   */
  void finishDecided(long decidedEndNanos) {
    closeBelow(Math.floorDiv(decidedEndNanos, step));
    for (int i = 0; i < open.length; i++) {
      if (open[i]) {
        free(i);
      }
    }
    closedBelow = Long.MAX_VALUE;
  }

  private void closeBelow(long due) {
    if (due <= closedBelow) {
      return;
    }
    if (openCount > 0) {
      long from = closedBelow == Long.MIN_VALUE ? lowestOpen() : closedBelow;
      long end = Math.min(due, from + slots.length);
      for (long b = from; b < end && openCount > 0; b++) {
        int i = (int) b & mask;
        if (open[i] && slotBucket[i] == b) {
          close(i, b);
        }
      }
    }
    closedBelow = due;
  }

  private long lowestOpen() {
    long low = Long.MAX_VALUE;
    for (int i = 0; i < open.length; i++) {
      if (open[i]) {
        low = Math.min(low, slotBucket[i]);
      }
    }
    return low;
  }

  @SuppressWarnings("unchecked")
  private void close(int i, long b) {
    closer.close(b * step, b * step + step, (A) slots[i]);
    free(i);
  }

  /** Resets slot {@code i}'s accumulator and marks it free. */
  @SuppressWarnings("unchecked")
  private void free(int i) {
    reset.reset((A) slots[i]);
    open[i] = false;
    openCount--;
  }

  /** Observations dropped because their bucket had closed. */
  long late() {
    return late;
  }

  /** Buckets open now. */
  int openCount() {
    return openCount;
  }
}
