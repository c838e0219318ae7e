package org.dnsseismograph.analysis;

import java.util.Arrays;
import org.dnsseismograph.common.HashMix;

/**
 * Tells whether a client query repeats one the same client asked before within a window: same
 * client address, same qname and qtype, whatever the query id and source port (real stub
 * resolvers retry from a new socket with a new id). "Within" compares with the client's previous
 * ask of that question, inclusive: {@code t - previous <= window}, as {@code lab/check-run} counts,
 * to the microsecond (the resolution of most captures).
 *
 * <p>A question is kept as a 64-bit hash of address, qname hash and qtype. Two questions are taken
 * for one when their hashes are equal, so each query risks a false retry of about (questions
 * asked in the window) / 2^64: nothing measurable. (A 31-bit fingerprint, as this class first
 * kept, risked live / 2^31 per query: at 2,000 client queries a second, 20,000 live questions,
 * one false retry a minute, more than the true ones of a quiet resolver.) One open-addressing table
 * of pairs of longs (hash, microseconds of the last ask; 16 bytes a slot, one probe per query) keeps
 * them. Entries older than the window are dead; a new question may take a dead entry's slot, and
 * when live and dead entries fill half the table it is rebuilt with the live ones only (room for
 * four times as many, at most {@code maxEntries} slots). When more questions are live than the
 * table holds, the oldest are dropped early and counted ({@link #forgotten()}). Confined to one
 * thread.
 */
final class RetryTracker {
  private static final long MICRO = 1000;
  /** A hash of 0 marks an empty slot; a question hashing to 0 is kept as this instead. */
  private static final long ZERO_HASH = 1;

  private final long windowMicros;
  private final int maxCapacity;
  /** Per slot: the question's hash, then the microseconds of its last ask. */
  private long[] table = new long[2 * 1024];
  /** The table before the last rebuild, reused by the next one when the size stays. */
  private long[] spare;
  private int occupied;
  private long forgotten;

  RetryTracker(long windowNanos, int maxEntries) {
    this.windowMicros = windowNanos / MICRO;
    this.maxCapacity = 2 * Integer.highestOneBit(Math.max(1024, maxEntries));
  }

  /** Notes that the client asked the question at {@code t}; true when it asked it within the window before. */
  boolean ask(long clientHi, long clientLo, long qnameHash, int qtype, long t) {
    long now = Math.floorDiv(t, MICRO);
    long hash = hash(clientHi, clientLo, qnameHash, qtype);
    long[] tab = table;
    int mask = tab.length / 2 - 1;
    int i = indexOf(hash) & mask;
    int reusable = -1;
    long key;
    while ((key = tab[2 * i]) != 0) {
      long when = tab[2 * i + 1];
      if (key == hash) {
        tab[2 * i + 1] = Math.max(when, now);
        return now - when >= 0 && now - when <= windowMicros;
      }
      if (reusable < 0 && now - when > windowMicros) {
        reusable = i;
      }
      i = (i + 1) & mask;
    }
    if (reusable >= 0) {
      tab[2 * reusable] = hash;
      tab[2 * reusable + 1] = now;
      return false;
    }
    tab[2 * i] = hash;
    tab[2 * i + 1] = now;
    if (++occupied * 2 > mask + 1) {
      rebuild(now);
    }
    return false;
  }

  /** Keeps the live entries in a table with room for four times as many (within the limit). */
  private void rebuild(long nowMicros) {
    long[] old = table;
    int live = 0;
    for (int j = 0; j < old.length; j += 2) {
      live += old[j] != 0 && nowMicros - old[j + 1] <= windowMicros ? 1 : 0;
    }
    int capacity = Math.max(1024, Integer.highestOneBit(Math.max(1, live) * 4 - 1) * 2);
    long keepFrom = nowMicros - windowMicros;
    if (capacity > maxCapacity) {
      capacity = maxCapacity;
      keepFrom = newest(old, nowMicros, capacity / 4);
    }
    // A busy resolver rebuilds every few seconds: the two arrays take turns instead of each
    // rebuild leaving megabytes of garbage (humongous objects to G1).
    long[] fresh = spare != null && spare.length == 2 * capacity ? spare : new long[2 * capacity];
    if (fresh == spare) {
      Arrays.fill(fresh, 0);
    }
    spare = old;
    table = fresh;
    occupied = 0;
    int mask = capacity - 1;
    for (int j = old.length - 2; j >= 0; j -= 2) {
      long key = old[j];
      long when = old[j + 1];
      if (key == 0 || nowMicros - when > windowMicros) {
        continue;
      }
      if (when < keepFrom || occupied * 2 >= capacity) {
        forgotten++;
        continue;
      }
      int i = indexOf(key) & mask;
      while (table[2 * i] != 0) {
        i = (i + 1) & mask;
      }
      table[2 * i] = key;
      table[2 * i + 1] = when;
      occupied++;
    }
  }

  /** The time from which on about {@code keep} of the live entries were asked: the newest are kept when not all fit. */
  private long newest(long[] old, long nowMicros, int keep) {
    long lo = nowMicros - windowMicros;
    long hi = nowMicros;
    while (lo < hi) {
      long mid = lo + (hi - lo) / 2;
      int n = 0;
      for (int j = 0; j < old.length; j += 2) {
        n += old[j] != 0 && old[j + 1] >= mid ? 1 : 0;
      }
      if (n > keep) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Where an entry goes: the hash's high bits (the table's size is a power of two). */
  private static int indexOf(long hash) {
    return (int) (hash >>> 32);
  }

  private static long hash(long hi, long lo, long qnameHash, int qtype) {
    long h = hi * 0x9E3779B97F4A7C15L;
    h = (h ^ lo) * 0xC2B2AE3D27D4EB4FL;
    h = (h ^ qnameHash) * 0x165667B19E3779F9L;
    // every bit of the key must reach the index's high bits
    h = HashMix.fmix64((h ^ qtype) * 0x9E3779B97F4A7C15L);
    return h == 0 ? ZERO_HASH : h;
  }

  /** Questions dropped before their window had passed, because the table was full. */
  long forgotten() {
    return forgotten;
  }
}
