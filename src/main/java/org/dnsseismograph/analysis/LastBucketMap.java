package org.dnsseismograph.analysis;

import java.util.Arrays;

/**
 * Remembers, per address, the last bucket it was seen in, so that "distinct addresses per bucket"
 * costs one hash probe per event: an address counts in a bucket the first time it shows up there.
 * Open addressing on the two longs of an address; holds at most {@code maxEntries}, then forgets the
 * addresses not seen in the newest bucket (they cannot count twice in a later bucket) and, if that
 * is not enough, starts afresh (an address may then count twice in the bucket where that happened;
 * {@link #forgotten()} says how often). About 24 bytes per address. Confined to one thread.
 */
final class LastBucketMap {
  private static final long EMPTY = Long.MIN_VALUE;

  /** The largest table: twice the largest power of two not above the entry limit. */
  private final int maxCapacity;
  private long[] his;
  private long[] los;
  private long[] buckets;
  private int size;
  private long newest = Long.MIN_VALUE;
  private long forgotten;

  LastBucketMap(int maxEntries) {
    this.maxCapacity = 2 * Integer.highestOneBit(Math.max(16, maxEntries));
    allocate(Math.min(64, maxCapacity));
  }

  private void allocate(int capacity) {
    his = new long[capacity];
    los = new long[capacity];
    buckets = new long[capacity];
    Arrays.fill(buckets, EMPTY);
    size = 0;
  }

  /**
   * Notes {@code (hi, lo)} in {@code bucket}; true when it had not been seen in that bucket yet (and
   * not in a later one: an event out of order is not counted again).
   */
  boolean mark(long hi, long lo, long bucket) {
    newest = Math.max(newest, bucket);
    int mask = his.length - 1;
    int i = index(hi, lo, mask);
    while (buckets[i] != EMPTY) {
      if (his[i] == hi && los[i] == lo) {
        if (buckets[i] >= bucket) {
          return false;
        }
        buckets[i] = bucket;
        return true;
      }
      i = (i + 1) & mask;
    }
    his[i] = hi;
    los[i] = lo;
    buckets[i] = bucket;
    if (++size * 2 > his.length) {
      grow();
    }
    return true;
  }

  private static int index(long hi, long lo, int mask) {
    long h = (hi * 0x9E3779B97F4A7C15L) ^ (lo * 0xC2B2AE3D27D4EB4FL);
    return (int) (h ^ (h >>> 29)) & mask;
  }

  private void grow() {
    long[] oh = his;
    long[] ol = los;
    long[] ob = buckets;
    boolean full = oh.length >= maxCapacity;
    allocate(full ? oh.length : oh.length * 2);
    for (int j = 0; j < oh.length; j++) {
      if (ob[j] != EMPTY && (!full || ob[j] >= newest)) {
        put(oh[j], ol[j], ob[j]);
      }
    }
    if (size * 2 > his.length) {
      forgotten += size;
      allocate(his.length);
    }
  }

  private void put(long hi, long lo, long bucket) {
    int mask = his.length - 1;
    int i = index(hi, lo, mask);
    while (buckets[i] != EMPTY) {
      i = (i + 1) & mask;
    }
    his[i] = hi;
    los[i] = lo;
    buckets[i] = bucket;
    size++;
  }

  /** Addresses dropped while still in the newest bucket, because too many were seen in it. */
  long forgotten() {
    return forgotten;
  }

  int size() {
    return size;
  }
}
