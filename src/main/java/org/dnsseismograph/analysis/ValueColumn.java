package org.dnsseismograph.analysis;

import java.util.Arrays;

/**
 * One double per bucket (NaN when none), stored by {@link BucketAxis} slot in chunks allocated on
 * first use. Confined to the aggregating thread.
 */
final class ValueColumn {
  private double[][] chunks = new double[4][];

  void set(int slot, double value) {
    int ci = slot >>> BucketAxis.CHUNK_BITS;
    if (ci >= chunks.length) {
      chunks = Arrays.copyOf(chunks, Math.max(ci + 1, chunks.length * 2));
    }
    double[] c = chunks[ci];
    if (c == null) {
      c = new double[BucketAxis.CHUNK];
      Arrays.fill(c, Double.NaN);
      chunks[ci] = c;
    }
    c[slot & (BucketAxis.CHUNK - 1)] = value;
  }

  /** The value in a slot; NaN for -1 or a slot never written. */
  double get(int slot) {
    if (slot < 0) {
      return Double.NaN;
    }
    int ci = slot >>> BucketAxis.CHUNK_BITS;
    double[] c = ci < chunks.length ? chunks[ci] : null;
    return c == null ? Double.NaN : c[slot & (BucketAxis.CHUNK - 1)];
  }
}
