package org.dnsseismograph.analysis;

import java.util.Arrays;

/**
 * A binary min-heap of (key time, response time, tag) triples in three parallel arrays: how
 * transactions that close out of order are put back in query-time order. No allocation once
 * grown. Confined to one thread.
 */
final class KeyedQueue {
  private long[] keys = new long[256];
  private long[] times = new long[256];
  private int[] tags = new int[256];
  private int size;

  void add(long key, long time, int tag) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      times = Arrays.copyOf(times, size * 2);
      tags = Arrays.copyOf(tags, size * 2);
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (keys[parent] <= key) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    keys[i] = key;
    times[i] = time;
    tags[i] = tag;
  }

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  long peekKey() {
    return keys[0];
  }

  long peekTime() {
    return times[0];
  }

  int peekTag() {
    return tags[0];
  }

  /** Removes the smallest entry. */
  void poll() {
    size--;
    if (size == 0) {
      return;
    }
    long key = keys[size];
    long time = times[size];
    int tag = tags[size];
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && keys[child + 1] < keys[child]) {
        child++;
      }
      if (keys[child] >= key) {
        break;
      }
      move(child, i);
      i = child;
    }
    keys[i] = key;
    times[i] = time;
    tags[i] = tag;
  }

  private void move(int from, int to) {
    keys[to] = keys[from];
    times[to] = times[from];
    tags[to] = tags[from];
  }
}
