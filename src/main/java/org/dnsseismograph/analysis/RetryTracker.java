package org.dnsseismograph.analysis;

/**
 * Tells whether a client query repeats one the same client asked before within a window: same
 * client address, same qname and qtype, whatever the query id and source port (real stub
 * resolvers retry from a new socket with a new id). "Within" compares with the client's previous
 * ask of that question, inclusive: {@code t - previous <= window}, as {@code lab/check-run} counts,
 * to the microsecond (the resolution of most captures).
 *
 * <p>A question is kept as a 31-bit fingerprint of a hash of address, qname hash and qtype, so a
 * query is taken for a retry of another question with a probability of about 2^-31 per probe (a
 * handful per billion queries). One open-addressing table of longs (the fingerprint, and the
 * microseconds since a base time of the last ask: 8 bytes a slot, one probe per query) keeps them. Entries older than the
 * window are dead; a new question may take a dead entry's slot, and when live and dead entries fill
 * half the table it is rebuilt with the live ones only (room for four times as many, at most {@code
 * maxEntries} slots) — also when the base time is half an hour old. When more questions are live
 * than the table holds, the oldest are dropped early and counted ({@link #forgotten()}). Confined to
 * one thread.
 */
final class RetryTracker {
  private static final long MICRO = 1000;
  /** Rebase after this many microseconds, well before the 32-bit offsets wrap. */
  private static final long REBASE_MICROS = 1L << 31;

  private final long windowMicros;
  private final int maxCapacity;
  private long[] table = new long[1024];
  private long base = Long.MIN_VALUE;
  private int occupied;
  private long forgotten;

  RetryTracker(long windowNanos, int maxEntries) {
    this.windowMicros = windowNanos / MICRO;
    this.maxCapacity = 2 * Integer.highestOneBit(Math.max(1024, maxEntries));
  }

  /** Notes that the client asked the question at {@code t}; true when it asked it within the window before. */
  boolean ask(long clientHi, long clientLo, long qnameHash, int qtype, long t) {
    long micros = Math.floorDiv(t, MICRO);
    if (base == Long.MIN_VALUE) {
      base = micros - windowMicros - 1;
    } else if (micros - base >= REBASE_MICROS || micros < base) {
      rebuild(micros);
    }
    long now = micros - base;
    long hash = hash(clientHi, clientLo, qnameHash, qtype);
    long fingerprint = (hash << 32) | 1L << 32;
    long[] tab = table;
    int mask = tab.length - 1;
    int i = (int) indexOf(fingerprint) & mask;
    int reusable = -1;
    long slot;
    while ((slot = tab[i]) != 0) {
      long when = slot & 0xFFFF_FFFFL;
      if ((slot & 0xFFFF_FFFF_0000_0000L) == fingerprint) {
        tab[i] = fingerprint | Math.max(when, now);
        return now - when >= 0 && now - when <= windowMicros;
      }
      if (reusable < 0 && now - when > windowMicros) {
        reusable = i;
      }
      i = (i + 1) & mask;
    }
    if (reusable >= 0) {
      tab[reusable] = fingerprint | now;
      return false;
    }
    tab[i] = fingerprint | now;
    if (++occupied * 2 > tab.length) {
      rebuild(micros);
    }
    return false;
  }

  /** Keeps the live entries, rebased to a new base time, in a table with room for four times as many (within the limit). */
  private void rebuild(long nowMicros) {
    long[] old = table;
    long oldBase = base;
    long newBase = nowMicros - windowMicros - 1;
    int live = 0;
    for (long slot : old) {
      live += slot != 0 && nowMicros - (oldBase + (slot & 0xFFFF_FFFFL)) <= windowMicros ? 1 : 0;
    }
    int capacity = Math.max(1024, Integer.highestOneBit(Math.max(1, live) * 4 - 1) * 2);
    long keepFrom = nowMicros - windowMicros;
    if (capacity > maxCapacity) {
      capacity = maxCapacity;
      keepFrom = newest(old, oldBase, nowMicros, capacity / 4);
    }
    table = new long[capacity];
    base = newBase;
    occupied = 0;
    int mask = capacity - 1;
    for (int j = old.length - 1; j >= 0; j--) {
      long slot = old[j];
      long when = slot == 0 ? 0 : oldBase + (slot & 0xFFFF_FFFFL);
      if (slot == 0 || nowMicros - when > windowMicros || when < newBase) {
        continue;
      }
      if (when < keepFrom || occupied * 2 >= capacity) {
        forgotten++;
        continue;
      }
      int i = (int) indexOf(slot) & mask;
      while (table[i] != 0) {
        i = (i + 1) & mask;
      }
      table[i] = (slot & 0xFFFF_FFFF_0000_0000L) | (when - newBase);
      occupied++;
    }
  }

  /** The time from which on about {@code keep} of the live entries were asked: the newest are kept when not all fit. */
  private long newest(long[] old, long oldBase, long nowMicros, int keep) {
    long lo = nowMicros - windowMicros;
    long hi = nowMicros;
    while (lo < hi) {
      long mid = lo + (hi - lo) / 2;
      int n = 0;
      for (long slot : old) {
        n += slot != 0 && oldBase + (slot & 0xFFFF_FFFFL) >= mid ? 1 : 0;
      }
      if (n > keep) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Where an entry goes: its fingerprint's bits, mixed, so that a rebuild can place it again. */
  private static long indexOf(long slot) {
    return (slot >>> 32) * 0x9E3779B97F4A7C15L >>> 32;
  }

  private static long hash(long hi, long lo, long qnameHash, int qtype) {
    long h = hi * 0x9E3779B97F4A7C15L;
    h = (h ^ lo) * 0xC2B2AE3D27D4EB4FL;
    h = (h ^ qnameHash) * 0x165667B19E3779F9L;
    h = (h ^ qtype) * 0x9E3779B97F4A7C15L;
    return h ^ h >>> 29;
  }

  /** Questions dropped before their window had passed, because the table was full. */
  long forgotten() {
    return forgotten;
  }
}
