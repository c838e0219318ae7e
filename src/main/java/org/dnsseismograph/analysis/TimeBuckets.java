package org.dnsseismograph.analysis;

import java.util.Arrays;

/**
 * Puts (key time, time, tag) entries that arrive up to a span out of order back in key order: a
 * ring of 1 ms buckets covering the span, each bucket sorted when it is handed out. Adding costs a
 * few writes to one array, handing out a sort of the bucket's few entries; nothing is allocated once the
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
  /** Per bucket, its entries as (key, time, tag) triples side by side, so adding one touches one cache line. */
  private final long[][] entries;
  private final int[] sizes;
  /** The lowest bucket number not handed out yet. */
  private long next = Long.MIN_VALUE;
  private long stored;

  TimeBuckets(long spanNanos, Consumer consumer) {
    this.consumer = consumer;
    // The smallest power of two that covers the span with a second to spare: the ring is cycled
    // through once a turn, so every bucket more than that costs cache for nothing.
    int n = Integer.highestOneBit((int) Math.min(1 << 22, spanNanos / WIDTH + 1024) * 2 - 1);
    entries = new long[n][];
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
    long[] e = entries[i];
    if (e == null || 3 * s == e.length) {
      e = e == null ? new long[3 * 8] : Arrays.copyOf(e, 6 * s);
      entries[i] = e;
    }
    e[3 * s] = key;
    e[3 * s + 1] = time;
    e[3 * s + 2] = tag;
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
        long[] e = entries[i];
        sort(e, s);
        sizes[i] = 0;
        stored -= s;
        for (int k = 0; k < 3 * s; k += 3) {
          consumer.accept(e[k], e[k + 1], (int) e[k + 2]);
        }
      }
      next++;
    }
  }

  /** Stable insertion sort of one bucket's {@code n} triples by key: buckets hold a few entries, mostly in order already. */
  private static void sort(long[] e, int n) {
    for (int a = 3; a < 3 * n; a += 3) {
      long key = e[a];
      if (e[a - 3] <= key) {
        continue;
      }
      long time = e[a + 1];
      long tag = e[a + 2];
      int b = a - 3;
      while (b >= 0 && e[b] > key) {
        e[b + 3] = e[b];
        e[b + 4] = e[b + 1];
        e[b + 5] = e[b + 2];
        b -= 3;
      }
      e[b + 3] = key;
      e[b + 4] = time;
      e[b + 5] = tag;
    }
  }
}
