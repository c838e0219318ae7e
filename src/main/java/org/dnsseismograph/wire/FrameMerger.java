package org.dnsseismograph.wire;

import java.io.Closeable;
import java.io.IOException;

/**
 * Merges the frames of several capture files into one sequence by timestamp: a k-way merge over a
 * binary heap ordered by (timestamp, file index). Stable: equal timestamps come in the order the
 * files were given, and a file's own order is kept even where its timestamps step back. So rotated
 * files (one after the other) and overlapping captures (interleaved) both come out in time order.
 *
 * <p>A file is opened only when the merge reaches its first frame and closed at its last, so a day
 * of per-minute files holds one or two open at a time, not 1,440 files and their read buffers. To
 * know when that is, every file is glanced at once beforehand (opened, its first frame's time
 * read, closed), which also fails the merge before any frame when one file is no capture. A
 * single file is read straight through, without the heap or the glance. Not thread-safe.
 */
final class FrameMerger implements Closeable {
  /** Opens file {@code index} of the merge, its skips counted in {@code skips}. */
  interface Opener {
    FrameReader open(int index, SkipCounter skips, boolean glance) throws IOException;
  }

  private final Opener opener;
  private final SkipCounter skips;
  /** The reader when there is only one file (the common case), read straight through; else null. */
  private final FrameReader single;
  /** Open readers by file index; null before a file's first frame is due and after its last. */
  private final FrameReader[] readers;
  private final RawFrame[] current;
  /** Heap key of each file: its current frame's time once open, the first frame's time before. */
  private final long[] keys;
  private final long[] sizes;
  /** Heap of file indexes, ordered by (key, index). */
  private final int[] heap;
  private int size;
  private int last = -1;
  /** Bytes consumed of files already closed. */
  private long closedPosition;

  /**
   * Glances at every file when there are several; fails on the first that is no capture.
   *
   * @throws NotACaptureException when a file is no capture (no file is left open)
   */
  FrameMerger(int files, Opener opener, SkipCounter skips) throws IOException {
    this.opener = opener;
    this.skips = skips;
    this.readers = new FrameReader[files];
    this.current = new RawFrame[files];
    this.keys = new long[files];
    this.sizes = new long[files];
    this.heap = new int[files];
    if (files == 1) {
      single = opener.open(0, skips, false);
      readers[0] = single;
      current[0] = new RawFrame();
      sizes[0] = Math.max(0, single.size());
      return;
    }
    single = null;
    RawFrame first = new RawFrame();
    for (int i = 0; i < files; i++) {
      // The glance's skips are counted again, and for real, when the file is read.
      try (FrameReader glance = opener.open(i, new SkipCounter(), true)) {
        sizes[i] = Math.max(0, glance.size());
        // A file without any frame comes first: opened, its skips counted, closed.
        keys[i] = glance.next(first) ? first.timestampNanos : Long.MIN_VALUE;
      }
      heap[size++] = i;
      up(size - 1);
    }
  }

  /** The next frame in time order, or null at the end; valid until the next call. */
  RawFrame next() throws IOException {
    if (single != null) {
      return single.next(current[0]) ? current[0] : null;
    }
    if (last >= 0) {
      // the file whose frame was handed out last moves on only now, so that frame stayed valid
      advance(last);
      last = -1;
    }
    while (size > 0) {
      int top = heap[0];
      if (readers[top] != null) {
        // what is skipped decoding this frame, or reading on in its file, is this file's
        skips.inFile(top);
        last = top;
        return current[top];
      }
      skips.inFile(top);
      readers[top] = opener.open(top, skips, false);
      current[top] = new RawFrame();
      current[top].file = top;
      advance(top);
    }
    return null;
  }

  /** Reads the next frame of the file at the heap's top, or closes the file at its end. */
  private void advance(int file) throws IOException {
    if (readers[file].next(current[file])) {
      keys[file] = current[file].timestampNanos;
      down(0);
      return;
    }
    FrameReader done = readers[file];
    closedPosition += done.position();
    readers[file] = null;
    current[file] = null;
    heap[0] = heap[--size];
    if (size > 0) {
      down(0);
    }
    done.close();
  }

  /** The index, in the files given, of the file whose frame {@link #next} returned last. */
  int source() {
    return single != null ? 0 : last;
  }

  /** Bytes consumed of all files so far (compressed bytes of gzip'd ones), for progress. */
  long position() {
    long done = closedPosition;
    for (FrameReader r : readers) {
      if (r != null) {
        done += r.position();
      }
    }
    return done;
  }

  /** The files' sizes in bytes as stored, added up. */
  long totalSize() {
    long total = 0;
    for (long s : sizes) {
      total += s;
    }
    return total;
  }

  /** Closes the files still open; a failure to close one does not keep the others open. */
  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (int i = 0; i < readers.length; i++) {
      FrameReader r = readers[i];
      if (r == null) {
        continue;
      }
      readers[i] = null;
      try {
        r.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private boolean before(int a, int b) {
    long ta = keys[a];
    long tb = keys[b];
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
