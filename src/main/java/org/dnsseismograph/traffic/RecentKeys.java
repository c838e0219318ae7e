package org.dnsseismograph.traffic;

/**
 * A bounded memory of recently closed queries, by a 64-bit hash of their full key, so that a
 * response without a pending query can be told apart: a duplicate of a response already matched,
 * a late response to a query already closed unanswered, or an unsolicited one. Direct-mapped: a
 * newer key may overwrite an older one in the same slot, after which a response to the older one
 * counts as unsolicited. It grows with the pending table (two entries per pending slot), so it
 * stays small enough to stay in cache. Confined to the matcher's thread.
 */
final class RecentKeys {
  static final byte UNKNOWN = 0;
  static final byte ANSWERED = 1;
  static final byte UNANSWERED = 2;

  private static final long STATE = 3;

  /** Key hash with its two low bits replaced by the state; 0 is empty. */
  private long[] entries;

  private int mask;

  RecentKeys(int initialSize) {
    int size = Integer.highestOneBit(Math.max(16, initialSize) * 2 - 1);
    entries = new long[size];
    mask = size - 1;
  }

  int size() {
    return entries.length;
  }

  /** Grows to at least {@code size} entries (a power of two), keeping what fits. */
  void grow(int size) {
    if (size <= entries.length) {
      return;
    }
    long[] old = entries;
    int n = Integer.highestOneBit(size * 2 - 1);
    entries = new long[n];
    mask = n - 1;
    for (long e : old) {
      if (e != 0) {
        remember(e, (byte) (e & STATE));
      }
    }
  }

  void remember(long keyHash, byte state) {
    entries[index(keyHash)] = (keyHash & ~STATE) | state;
  }

  /** {@link #ANSWERED}, {@link #UNANSWERED}, or {@link #UNKNOWN}. */
  byte lookup(long keyHash) {
    long e = entries[index(keyHash)];
    return (e & ~STATE) == (keyHash & ~STATE) ? (byte) (e & STATE) : UNKNOWN;
  }

  private int index(long keyHash) {
    return (int) (keyHash ^ (keyHash >>> 32)) >>> 2 & mask;
  }
}
