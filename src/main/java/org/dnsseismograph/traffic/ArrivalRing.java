package org.dnsseismograph.traffic;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Pending slots in arrival order, for expiry and eviction oldest first. A ring of slot numbers with
 * lazy removal: removing a slot only clears its entry (a recent one, so in cache), and cleared
 * entries are skipped when they reach the head. This spares the two random neighbour writes per
 * removal of a doubly linked list. The ring grows by doubling up to a fixed bound; when that many
 * arrivals separate the oldest live slot from the newest, it is full. Confined to the matcher's
 * thread.
 */
final class ArrivalRing {
  private final int max;
  /** Slot + 1, or 0 once removed; live positions are [head, tail). */
  private int[] ring;

  private long head;
  private long tail;
  /** Per slot: its arrival counter. */
  private long[] position = new long[0];

  /** A ring of at most {@code max} entries (rounded up to a power of two, at least 16). */
  ArrivalRing(long max) {
    this.max = Integer.highestOneBit((int) Math.min(1 << 30, Math.max(16L, max) * 2 - 1));
    ring = new int[Math.min(2048, this.max)];
  }

  /** Makes room to record slots below {@code slotCount}. */
  void ensureSlots(int slotCount) {
    if (slotCount > position.length) {
      position = Arrays.copyOf(position, slotCount);
    }
  }

  void append(int slot) {
    position[slot] = tail;
    ring[(int) tail & (ring.length - 1)] = slot + 1;
    tail++;
  }

  void remove(int slot) {
    ring[(int) position[slot] & (ring.length - 1)] = 0;
  }

  /** The oldest live slot, or -1; drops removed entries from the head on the way. */
  int oldest() {
    int m = ring.length - 1;
    while (head < tail) {
      int e = ring[(int) head & m];
      if (e != 0) {
        return e - 1;
      }
      head++;
    }
    return -1;
  }

  /** Makes room for one more arrival, growing if allowed; false when at the bound and full. */
  boolean makeRoom() {
    if (tail - head < ring.length) {
      return true;
    }
    oldest();
    if (tail - head < ring.length) {
      return true;
    }
    if (ring.length >= max) {
      return false;
    }
    int[] bigger = new int[ring.length * 2];
    int oldMask = ring.length - 1;
    int newMask = bigger.length - 1;
    for (long c = head; c < tail; c++) {
      bigger[(int) c & newMask] = ring[(int) c & oldMask];
    }
    ring = bigger;
    return true;
  }

  /** Calls {@code action} with every live slot, oldest first. */
  void forEachLive(IntConsumer action) {
    int m = ring.length - 1;
    for (long c = head; c < tail; c++) {
      int e = ring[(int) c & m];
      if (e != 0) {
        action.accept(e - 1);
      }
    }
  }
}
