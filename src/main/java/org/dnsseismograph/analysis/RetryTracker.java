package org.dnsseismograph.analysis;

/**
 * Tells whether a client query repeats one the same client asked before within a window: same
 * client address, same qname and qtype, whatever the query id and source port (real stub
 * resolvers retry from a new socket with a new id). "Within" compares with the client's previous
 * ask of that question, inclusive: {@code t - previous <= window}, as {@code lab/check-run} counts.
 *
 * <p>A question is a 64-bit hash of address, qname hash and qtype, so two questions are confused
 * with a probability of about n / 2^64. One open-addressing table maps it to the time it was last
 * asked: one probe per query. Entries older than the window are dead; a new question may take a
 * dead entry's slot, and when live and dead entries fill half the table it is rebuilt with the live
 * ones only (twice the room they need, at most {@code maxEntries} slots' worth). When more questions
 * are live than that, the oldest are dropped early and counted ({@link #forgotten()}). 16 bytes per
 * slot. Confined to one thread.
 */
final class RetryTracker {
  private final long window;
  private final int maxCapacity;
  private long[] keys = new long[1024];
  private long[] times = new long[1024];
  private int occupied;
  private long forgotten;

  RetryTracker(long windowNanos, int maxEntries) {
    this.window = windowNanos;
    this.maxCapacity = 2 * Integer.highestOneBit(Math.max(1024, maxEntries));
  }

  /** Notes that the client asked the question at {@code t}; true when it asked it within the window before. */
  boolean ask(long clientHi, long clientLo, long qnameHash, int qtype, long t) {
    long key = key(clientHi, clientLo, qnameHash, qtype);
    int mask = keys.length - 1;
    int i = (int) (key ^ key >>> 32) & mask;
    int reusable = -1;
    while (keys[i] != 0) {
      if (keys[i] == key) {
        long before = times[i];
        times[i] = Math.max(before, t);
        return t - before >= 0 && t - before <= window;
      }
      if (reusable < 0 && t - times[i] > window) {
        reusable = i;
      }
      i = (i + 1) & mask;
    }
    if (reusable >= 0) {
      keys[reusable] = key;
      times[reusable] = t;
      return false;
    }
    keys[i] = key;
    times[i] = t;
    if (++occupied * 2 > keys.length) {
      rebuild(t);
    }
    return false;
  }

  /** Keeps the live entries in a table with twice the room they need (within the limit), the newest when they do not fit. */
  private void rebuild(long now) {
    long[] ok = keys;
    long[] ot = times;
    int live = countLive(ok, ot, now);
    int capacity = Math.max(1024, Integer.highestOneBit(Math.max(1, live) * 4 - 1));
    long cutoff = now - window;
    if (capacity > maxCapacity) {
      capacity = maxCapacity;
      cutoff = newestCutoff(ok, ot, now, capacity / 4);
    }
    keys = new long[capacity];
    times = new long[capacity];
    occupied = 0;
    int mask = capacity - 1;
    for (int j = 0; j < ok.length; j++) {
      if (ok[j] == 0 || ot[j] < cutoff) {
        continue;
      }
      if (now - ot[j] <= window && occupied * 2 >= capacity) {
        forgotten++;
        continue;
      }
      int i = (int) (ok[j] ^ ok[j] >>> 32) & mask;
      while (keys[i] != 0) {
        i = (i + 1) & mask;
      }
      keys[i] = ok[j];
      times[i] = ot[j];
      occupied++;
    }
  }

  private int countLive(long[] k, long[] t, long now) {
    int live = 0;
    for (int j = 0; j < k.length; j++) {
      if (k[j] != 0 && now - t[j] <= window) {
        live++;
      }
    }
    return live;
  }

  /** A time after which about {@code keep} of the live entries were asked (the rest are dropped and counted). */
  private long newestCutoff(long[] k, long[] t, long now, int keep) {
    long lo = now - window;
    long hi = now;
    for (int round = 0; round < 40 && lo < hi; round++) {
      long mid = lo + (hi - lo) / 2;
      int n = 0;
      for (int j = 0; j < k.length; j++) {
        if (k[j] != 0 && t[j] >= mid) {
          n++;
        }
      }
      if (n > keep) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (int j = 0; j < k.length; j++) {
      if (k[j] != 0 && t[j] < lo && now - t[j] <= window) {
        forgotten++;
      }
    }
    return lo;
  }

  private static long key(long hi, long lo, long qnameHash, int qtype) {
    long h = hi * 0x9E3779B97F4A7C15L;
    h = (h ^ lo) * 0xC2B2AE3D27D4EB4FL;
    h = (h ^ qnameHash) * 0x165667B19E3779F9L;
    h = (h ^ qtype) * 0x9E3779B97F4A7C15L;
    h ^= h >>> 29;
    return h == 0 ? 1 : h;
  }

  /** Questions dropped before their window had passed, because the table was full. */
  long forgotten() {
    return forgotten;
  }
}
