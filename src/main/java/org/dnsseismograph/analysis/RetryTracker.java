package org.dnsseismograph.analysis;

import java.util.Arrays;

/**
 * Tells whether a client query repeats one the same client asked before within a window: same
 * client address, same qname and qtype, whatever the query id and source port (real stub
 * resolvers retry from a new socket with a new id). "Within" compares with the client's previous
 * ask of that question, inclusive: {@code t - previous <= window}, as {@code lab/check-run} counts.
 *
 * <p>A question is a 64-bit hash of address, qname hash and qtype, so two questions are confused
 * with a probability of about n / 2^64. Two generations of an open-addressing table, each
 * spanning at least one window, are swapped as time goes on: a question is forgotten only once it
 * can no longer repeat within the window. Each generation holds at most {@code maxEntries}
 * questions (16 bytes each); a full one is swapped early, and the questions lost so are counted
 * ({@link #forgotten()}). Confined to one thread.
 */
final class RetryTracker {
  private final long window;
  private final int maxCapacity;
  private Generation current = new Generation(1024);
  private Generation previous = new Generation(1024);
  private long currentStart = Long.MIN_VALUE;
  private long forgotten;

  /** One generation: question hash to the time it was last asked. */
  private static final class Generation {
    long[] keys;
    long[] times;
    int size;

    Generation(int capacity) {
      keys = new long[capacity];
      times = new long[capacity];
    }

    /** The slot of {@code key}, or of the empty slot where it would go. */
    int find(long key) {
      int mask = keys.length - 1;
      int i = (int) (key ^ (key >>> 32)) & mask;
      while (keys[i] != 0 && keys[i] != key) {
        i = (i + 1) & mask;
      }
      return i;
    }

    void clear() {
      Arrays.fill(keys, 0);
      size = 0;
    }
  }

  RetryTracker(long windowNanos, int maxEntries) {
    this.window = windowNanos;
    this.maxCapacity = 2 * Integer.highestOneBit(Math.max(1024, maxEntries));
  }

  /** Notes that the client asked the question at {@code t}; true when it asked it within the window before. */
  boolean ask(long clientHi, long clientLo, long qnameHash, int qtype, long t) {
    long key = key(clientHi, clientLo, qnameHash, qtype);
    if (currentStart == Long.MIN_VALUE) {
      currentStart = t;
    } else if (t - currentStart >= window) {
      rotate(t);
    }
    long before = lastAsked(key);
    put(key, t);
    return before != Long.MIN_VALUE && t - before >= 0 && t - before <= window;
  }

  private long lastAsked(long key) {
    int i = current.find(key);
    if (current.keys[i] != 0) {
      return current.times[i];
    }
    int j = previous.find(key);
    return previous.keys[j] != 0 ? previous.times[j] : Long.MIN_VALUE;
  }

  private void put(long key, long t) {
    Generation g = current;
    int i = g.find(key);
    if (g.keys[i] == 0) {
      if ((g.size + 1) * 2 > g.keys.length && !grow(g)) {
        rotate(t);
        g = current;
      }
      i = g.find(key);
      g.keys[i] = key;
      g.times[i] = t;
      g.size++;
      return;
    }
    g.times[i] = Math.max(g.times[i], t);
  }

  /** Doubles a generation's table; false when it is at its largest. */
  private boolean grow(Generation g) {
    if (g.keys.length >= maxCapacity) {
      return false;
    }
    long[] ok = g.keys;
    long[] ot = g.times;
    g.keys = new long[ok.length * 2];
    g.times = new long[ok.length * 2];
    for (int j = 0; j < ok.length; j++) {
      if (ok[j] != 0) {
        int i = g.find(ok[j]);
        g.keys[i] = ok[j];
        g.times[i] = ot[j];
      }
    }
    return true;
  }

  private void rotate(long t) {
    if (t - currentStart < window) {
      // Swapped early because the generation is full: what the old one held is lost too soon.
      forgotten += previous.size;
    }
    Generation g = previous;
    g.clear();
    previous = current;
    current = g;
    currentStart = t;
  }

  private static long key(long hi, long lo, long qnameHash, int qtype) {
    long h = hi * 0x9E3779B97F4A7C15L;
    h = (h ^ lo) * 0xC2B2AE3D27D4EB4FL;
    h = (h ^ qnameHash) * 0x165667B19E3779F9L;
    h = (h ^ qtype) * 0x9E3779B97F4A7C15L;
    h ^= h >>> 29;
    return h == 0 ? 1 : h;
  }

  /** Questions dropped before their window had passed, because a generation filled up. */
  long forgotten() {
    return forgotten;
  }
}
