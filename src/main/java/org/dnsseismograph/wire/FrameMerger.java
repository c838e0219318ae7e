package org.dnsseismograph.wire;

import java.io.IOException;
import java.util.List;

/**
 * Merges the frames of several readers into one sequence by timestamp: a k-way merge over a
 * binary heap holding each reader's current frame. Stable: equal timestamps come in the order the
 * readers were given, and a file's own order is kept even where its timestamps step back. So
 * rotated files (one after the other) and overlapping captures (interleaved) both come out in
 * time order. A single reader is passed through without the heap. Not thread-safe.
 */
final class FrameMerger {
  private final List<FrameReader> readers;
  /** The reader when there is only one (the common case), read straight through; else null. */
  private final FrameReader single;
  private final RawFrame[] current;
  /** Heap of reader indexes, ordered by (timestamp, index). */
  private final int[] heap;
  private int size;
  private int last = -1;

  FrameMerger(List<FrameReader> readers) throws IOException {
    this.readers = readers;
    this.current = new RawFrame[readers.size()];
    this.heap = new int[readers.size()];
    this.single = readers.size() == 1 ? readers.get(0) : null;
    if (single != null) {
      current[0] = new RawFrame();
      return;
    }
    for (int i = 0; i < current.length; i++) {
      current[i] = new RawFrame();
      if (readers.get(i).next(current[i])) {
        heap[size++] = i;
        up(size - 1);
      }
    }
  }

  /** The next frame in time order, or null at the end; valid until the next call. */
  RawFrame next() throws IOException {
    if (single != null) {
      return single.next(current[0]) ? current[0] : null;
    }
    if (last >= 0) {
      // the reader whose frame was handed out last moves on only now, so that frame stayed valid
      if (readers.get(last).next(current[last])) {
        down(0);
      } else {
        heap[0] = heap[--size];
        if (size > 0) {
          down(0);
        }
      }
      last = -1;
    }
    if (size == 0) {
      return null;
    }
    last = heap[0];
    return current[last];
  }

  /** The index, in the readers given, of the reader whose frame {@link #next} returned last. */
  int source() {
    return single != null ? 0 : last;
  }

  private boolean before(int a, int b) {
    long ta = current[a].timestampNanos;
    long tb = current[b].timestampNanos;
    return ta < tb || (ta == tb && a < b);
  }

  private void up(int i) {
    int k = i;
    while (k > 0) {
      int parent = (k - 1) >>> 1;
      if (!before(heap[k], heap[parent])) {
        break;
      }
      swap(k, parent);
      k = parent;
    }
  }

  private void down(int i) {
    int k = i;
    while (true) {
      int l = 2 * k + 1;
      if (l >= size) {
        return;
      }
      int smallest = l + 1 < size && before(heap[l + 1], heap[l]) ? l + 1 : l;
      if (!before(heap[smallest], heap[k])) {
        return;
      }
      swap(k, smallest);
      k = smallest;
    }
  }

  private void swap(int a, int b) {
    int t = heap[a];
    heap[a] = heap[b];
    heap[b] = t;
  }
}
