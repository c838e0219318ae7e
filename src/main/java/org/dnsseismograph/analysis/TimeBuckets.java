package org.dnsseismograph.analysis;

import java.util.Arrays;

/**
 * Puts (key time, time, tag) entries that arrive up to a span out of order back in key order: a
 * ring of 1 ms buckets covering the span, each bucket sorted when it is handed out. Adding costs a
 * few array writes, handing out a sort of the bucket's few entries; nothing is allocated once the
 * buckets have grown. An entry whose bucket was already handed out (later than the span allows)
 * goes out at once, out of order; an entry beyond the ring's reach first hands out the oldest
 * buckets. Confined to one thread.
 */
final class TimeBuckets {
  /** Receives the entries in key order. */
  @FunctionalInterface
  interface Consumer {
    void accept(long key, long time, int tag);
  }

  static final long WIDTH = 1_000_000L;

  private final Consumer consumer;
  private final int mask;
  private final long[][] keys;
  private final long[][] times;
  private final int[][] tags;
  private final int[] sizes;
  /** The lowest bucket number not handed out yet. */
  private long next = Long.MIN_VALUE;
  private long stored;

  TimeBuckets(long spanNanos, Consumer consumer) {
    this.consumer = consumer;
    int n = Integer.highestOneBit((int) Math.min(1 << 22, spanNanos / WIDTH + 1024) * 2 - 1) * 2;
    keys = new long[n][];
    times = new long[n][];
    tags = new int[n][];
    sizes = new int[n];
    mask = n - 1;
  }

  void add(long key, long time, int tag) {
    long b = Math.floorDiv(key, WIDTH);
    if (next == Long.MIN_VALUE) {
      next = b;
    }
    if (b < next) {
      consumer.accept(key, time, tag);
      return;
    }
    if (b - next > mask) {
      drainBuckets(b - mask);
    }
    int i = (int) b & mask;
    int s = sizes[i];
    if (keys[i] == null || s == keys[i].length) {
      int capacity = keys[i] == null ? 8 : s * 2;
      keys[i] = keys[i] == null ? new long[capacity] : Arrays.copyOf(keys[i], capacity);
      times[i] = times[i] == null ? new long[capacity] : Arrays.copyOf(times[i], capacity);
      tags[i] = tags[i] == null ? new int[capacity] : Arrays.copyOf(tags[i], capacity);
    }
    keys[i][s] = key;
    times[i][s] = time;
    tags[i][s] = tag;
    sizes[i] = s + 1;
    stored++;
  }

  /** Hands out, in key order, every entry in a bucket wholly before {@code limit}. */
  void drainBefore(long limit) {
    drainBuckets(limit == Long.MAX_VALUE ? Long.MAX_VALUE : Math.floorDiv(limit, WIDTH));
  }

  /** Hands out every bucket below {@code bucket}. */
  private void drainBuckets(long bucket) {
    while (next < bucket && next != Long.MIN_VALUE) {
      if (stored == 0) {
        next = bucket;
        return;
      }
      int i = (int) next & mask;
      int s = sizes[i];
      if (s > 0) {
        sort(i, s);
        sizes[i] = 0;
        stored -= s;
        for (int k = 0; k < s; k++) {
          consumer.accept(keys[i][k], times[i][k], tags[i][k]);
        }
      }
      next++;
    }
  }

  /** Insertion sort of one bucket by key: buckets hold a few entries, mostly in order already. */
  private void sort(int i, int n) {
    long[] k = keys[i];
    long[] t = times[i];
    int[] g = tags[i];
    for (int a = 1; a < n; a++) {
      long key = k[a];
      long time = t[a];
      int tag = g[a];
      int b = a - 1;
      while (b >= 0 && k[b] > key) {
        k[b + 1] = k[b];
        t[b + 1] = t[b];
        g[b + 1] = g[b];
        b--;
      }
      k[b + 1] = key;
      t[b + 1] = time;
      g[b + 1] = tag;
    }
  }
}
