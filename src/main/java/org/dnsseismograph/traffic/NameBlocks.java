package org.dnsseismograph.traffic;

import java.util.Arrays;

/**
 * Storage for the parts of question names too long to sit in a pending slot: fixed blocks of {@value #BLOCK} bytes chained
 * by index, with a free list, so names of any length share one bounded pool without per-name
 * objects. A name of n bytes takes {@code ceil(n / BLOCK)} blocks; the empty name takes none and
 * is stored as {@code -1}. Confined to the matcher's thread.
 */
final class NameBlocks {
  static final int BLOCK = 32;
  private static final int BLOCK_SHIFT = 5;

  private byte[] bytes;
  private int[] next;
  private int freeHead = -1;
  private int freeCount;
  private int blockCount;

  NameBlocks(int initialBlocks) {
    bytes = new byte[0];
    next = new int[0];
    grow(Math.max(1, initialBlocks));
  }

  static int blocksFor(int length) {
    return (length + BLOCK - 1) >>> BLOCK_SHIFT;
  }

  int freeBlocks() {
    return freeCount;
  }

  int blockCount() {
    return blockCount;
  }

  /** Adds blocks so that {@link #blockCount()} becomes {@code newCount}. */
  void grow(int newCount) {
    if (newCount <= blockCount) {
      return;
    }
    bytes = Arrays.copyOf(bytes, newCount << BLOCK_SHIFT);
    next = Arrays.copyOf(next, newCount);
    for (int b = newCount - 1; b >= blockCount; b--) {
      next[b] = freeHead;
      freeHead = b;
    }
    freeCount += newCount - blockCount;
    blockCount = newCount;
  }

  /** Stores {@code src[from, from + length)}; the caller made sure enough blocks are free. The first block or -1. */
  int store(byte[] src, int from, int length) {
    int needed = blocksFor(length);
    if (needed > freeCount) {
      throw new IllegalStateException("need " + needed + " blocks, " + freeCount + " free");
    }
    if (needed == 0) {
      return -1;
    }
    int first = freeHead;
    int b = first;
    int done = 0;
    while (true) {
      int n = Math.min(BLOCK, length - done);
      System.arraycopy(src, from + done, bytes, b << BLOCK_SHIFT, n);
      done += n;
      if (done == length) {
        break;
      }
      b = next[b];
    }
    freeHead = next[b];
    next[b] = -1;
    freeCount -= needed;
    return first;
  }

  /** True when the bytes stored from {@code first} equal {@code other[from, from + length)} (lengths already equal). */
  boolean equals(int first, byte[] other, int from, int length) {
    int b = first;
    for (int done = 0; done < length; done += BLOCK, b = next[b]) {
      int base = b << BLOCK_SHIFT;
      int n = Math.min(BLOCK, length - done);
      if (!Arrays.equals(bytes, base, base + n, other, from + done, from + done + n)) {
        return false;
      }
    }
    return true;
  }

  /** Copies {@code length} bytes stored from {@code first} into {@code dst} at {@code to}. */
  void copy(int first, int length, byte[] dst, int to) {
    int b = first;
    for (int done = 0; done < length; done += BLOCK, b = next[b]) {
      System.arraycopy(bytes, b << BLOCK_SHIFT, dst, to + done, Math.min(BLOCK, length - done));
    }
  }

  /** Returns the chain starting at {@code first} to the free list. */
  void free(int first) {
    if (first < 0) {
      return;
    }
    int b = first;
    int n = 1;
    while (next[b] >= 0) {
      b = next[b];
      n++;
    }
    next[b] = freeHead;
    freeHead = first;
    freeCount += n;
  }
}
