package org.dnsseismograph.analysis;

import java.util.Arrays;

/**
 * Event counts per bucket, stored by {@link BucketAxis} slot in chunks allocated on first use.
 * Confined to the aggregating thread.
 */
final class CountColumn {
  private long[][] chunks = new long[4][];
  private boolean empty = true;

  void increment(int slot) {
    chunk(slot)[slot & (BucketAxis.CHUNK - 1)]++;
  }

  /** The chunk holding {@code slot}, allocated when new; index it by the slot's low bits. */
  long[] chunk(int slot) {
    int ci = slot >>> BucketAxis.CHUNK_BITS;
    if (ci >= chunks.length) {
      chunks = Arrays.copyOf(chunks, Math.max(ci + 1, chunks.length * 2));
    }
    long[] c = chunks[ci];
    if (c == null) {
      c = new long[BucketAxis.CHUNK];
      chunks[ci] = c;
      empty = false;
    }
    return c;
  }

  /** The count in a slot; 0 for -1 or a slot never written. */
  long get(int slot) {
    if (slot < 0) {
      return 0;
    }
    int ci = slot >>> BucketAxis.CHUNK_BITS;
    long[] c = ci < chunks.length ? chunks[ci] : null;
    return c == null ? 0 : c[slot & (BucketAxis.CHUNK - 1)];
  }

  /** True when nothing was ever counted. */
  boolean isEmpty() {
    return empty;
  }

  /** Fills {@code out[i]} with the count of bucket {@code first + i}. */
  void fill(BucketAxis axis, long first, double[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = get(axis.slotIfPresent(first + i));
    }
  }
}
