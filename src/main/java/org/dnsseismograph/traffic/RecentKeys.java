package org.dnsseismograph.traffic;

/**
 * A bounded memory of recently closed queries, by a 64-bit hash of their full key, so that a
 * response without a pending query can be told apart: a duplicate of a response already matched,
 * a late response to a query already closed unanswered, or an unsolicited one. Direct-mapped: a
 * newer key may overwrite an older one in the same slot, after which a response to the older one
 * counts as unsolicited. Confined to the matcher's thread.
 */
final class RecentKeys {
  static final byte UNKNOWN = 0;
  static final byte ANSWERED = 1;
  static final byte UNANSWERED = 2;

  private final long[] keys;
  private final byte[] states;
  private final int mask;

  RecentKeys(int capacity) {
    int size = Integer.highestOneBit(Math.max(16, capacity) * 2 - 1);
    keys = new long[size];
    states = new byte[size];
    mask = size - 1;
  }

  void remember(long keyHash, byte state) {
    int i = (int) (keyHash ^ (keyHash >>> 32)) & mask;
    keys[i] = keyHash;
    states[i] = state;
  }

  /** {@link #ANSWERED}, {@link #UNANSWERED}, or {@link #UNKNOWN}. */
  byte lookup(long keyHash) {
    int i = (int) (keyHash ^ (keyHash >>> 32)) & mask;
    return keys[i] == keyHash ? states[i] : UNKNOWN;
  }
}
