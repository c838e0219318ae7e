package org.dnsseismograph.traffic;

import java.util.Arrays;

/**
 * Where {@link TransactionColumns} lets transactions wait until their place in time order is
 * certain: a bucket queue of rows keyed by time. Rows are packed row-major, {@value #STRIDE} longs
 * each, and chained into buckets of 2^20 ns (about 1 ms) held in a ring that spans the reorder
 * window twice over; a bucket is sorted (by time, ties by slot) only when it is sealed. Adding a
 * row is O(1); sealing costs a sort of one bucket's rows. Confined to the writer's thread.
 *
 * <p>A row whose bucket is already sealed is refused (the caller decides); one too far ahead of the
 * ring, or one arriving when the stage is full, first seals the oldest buckets early.
 */
final class ReorderStage {
  static final int STRIDE = 5;
  private static final int SHIFT = 20;
  private static final long OFFSET_MASK = (1L << SHIFT) - 1;

  /** Receives sealed rows in time order. */
  interface RowSink {
    /** Row words are {@code rows[base, base + STRIDE)}. */
    void accept(long[] rows, int base);
  }

  private final int capacity;
  private final long windowBuckets;
  private final int[] bucketHead;
  private final int ringMask;
  private long[] rows = new long[1024 * STRIDE];
  private int[] next = new int[1024];
  private int freeHead = -1;
  private int used;
  private int size;
  /** Lowest bucket not sealed yet; Long.MIN_VALUE before the first row. */
  private long cursor = Long.MIN_VALUE;
  private long maxBucket = Long.MIN_VALUE;
  private long[] scratch = new long[256];

  ReorderStage(long windowNanos, int capacity) {
    this.capacity = capacity;
    this.windowBuckets = (windowNanos >> SHIFT) + 2;
    int ring = Integer.highestOneBit((int) Math.min(1 << 24, 4 * windowBuckets + 8) * 2 - 1);
    bucketHead = new int[ring];
    ringMask = ring - 1;
  }

  int size() {
    return size;
  }

  /**
   * Stages a row whose first word is its time; false when its bucket is already sealed. May seal
   * the oldest rows into {@code out} first, to make room.
   */
  boolean add(long time, long w1, long w2, long w3, long w4, RowSink out) {
    long b = time >> SHIFT;
    if (cursor == Long.MIN_VALUE) {
      cursor = b - windowBuckets;
    }
    if (b < cursor) {
      return false;
    }
    while (b >= cursor + bucketHead.length || size == capacity) {
      if (size == 0) {
        // Nothing staged: jump over the empty gap instead of sealing it bucket by bucket.
        cursor = b - bucketHead.length + 1;
        break;
      }
      sealBucket(out);
    }
    int slot = takeSlot();
    int base = slot * STRIDE;
    rows[base] = time;
    rows[base + 1] = w1;
    rows[base + 2] = w2;
    rows[base + 3] = w3;
    rows[base + 4] = w4;
    int i = (int) b & ringMask;
    next[slot] = bucketHead[i] - 1;
    bucketHead[i] = slot + 1;
    maxBucket = Math.max(maxBucket, b);
    size++;
    return true;
  }

  /** Seals every bucket that ends at or before {@code watermark}. */
  void sealThrough(long watermark, RowSink out) {
    long target = (watermark + 1) >> SHIFT;
    while (cursor != Long.MIN_VALUE && cursor < target) {
      if (size == 0 || cursor > maxBucket) {
        cursor = target;
        return;
      }
      sealBucket(out);
    }
  }

  /** Seals everything. */
  void sealAll(RowSink out) {
    while (size > 0) {
      sealBucket(out);
    }
  }

  /**
   * Gives back the memory of a busy past once nothing is staged (the columns are finished): the
   * row arrays grow to the peak of rows waiting and would otherwise keep that size.
   */
  void trim() {
    if (size == 0) {
      rows = new long[1024 * STRIDE];
      next = new int[1024];
      scratch = new long[256];
      freeHead = -1;
      used = 0;
    }
  }

  /** Seals the bucket at the cursor and moves past it. */
  private void sealBucket(RowSink out) {
    int i = (int) cursor & ringMask;
    int n = 0;
    for (int s = bucketHead[i] - 1; s >= 0; s = next[s]) {
      if (n == scratch.length) {
        scratch = Arrays.copyOf(scratch, n * 2);
      }
      scratch[n++] = (rows[s * STRIDE] & OFFSET_MASK) << 32 | s;
    }
    bucketHead[i] = 0;
    cursor++;
    Arrays.sort(scratch, 0, n);
    for (int k = 0; k < n; k++) {
      int s = (int) scratch[k];
      out.accept(rows, s * STRIDE);
      next[s] = freeHead;
      freeHead = s;
    }
    size -= n;
  }

  private int takeSlot() {
    if (freeHead >= 0) {
      int s = freeHead;
      freeHead = next[s];
      return s;
    }
    if (used == next.length) {
      int n = (int) Math.min(capacity, 2L * next.length);
      rows = Arrays.copyOf(rows, n * STRIDE);
      next = Arrays.copyOf(next, n);
    }
    return used++;
  }
}
