package org.dnsseismograph.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The process' idle read buffers, handed from a closed capture file to the next one opened: the
 * direct buffers plain files are read into, and the heap chunks gzip'd ones are inflated into. A
 * direct buffer's memory comes back only when the collector finds the buffer unreachable, and
 * reading a day of per-minute files makes little heap garbage: with a new buffer per file, 1,429
 * files of one {@code series} held 1.5 GB resident. New chunks per gzip'd file made the heap grow to
 * half a gigabyte before a collection. Thread-safe (the window loads sources in parallel): one lock,
 * taken once per file opened and closed.
 */
final class ReadBuffers {
  /** Idle buffers kept: a few files open at once in each of a few loads (a gzip'd one has three chunks). */
  private static final int KEPT = 12;

  /**
   * Newest first. Buffers are told apart by identity: {@link ByteBuffer#equals} compares contents,
   * so a collection's {@code remove(Object)} could take out another idle buffer than the one handed
   * out, which then stayed idle and went to a second owner.
   */
  private static final ArrayDeque<ByteBuffer> FREE = new ArrayDeque<>();

  private ReadBuffers() {}

  /**
   * A big-endian direct buffer of exactly {@code capacity} bytes, cleared, the caller's alone (exactly:
   * a reader given a small buffer on purpose, as tests do, must not read more at a time).
   */
  static ByteBuffer take(int capacity) {
    return take(capacity, true);
  }

  /** As {@link #take(int)}, a heap buffer (backed by an array, which a stream reads into). */
  static ByteBuffer takeHeap(int capacity) {
    return take(capacity, false);
  }

  private static ByteBuffer take(int capacity, boolean direct) {
    synchronized (FREE) {
      for (Iterator<ByteBuffer> it = FREE.iterator(); it.hasNext(); ) {
        ByteBuffer b = it.next();
        if (b.capacity() == capacity && b.isDirect() == direct) {
          it.remove();
          return b.clear().order(ByteOrder.BIG_ENDIAN);
        }
      }
    }
    ByteBuffer b = direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
    return b.order(ByteOrder.BIG_ENDIAN);
  }

  /**
   * Gives a buffer back for the next file; its owner must not touch it any more. When more than
   * {@link #KEPT} are idle, the one idle longest is dropped: the newest are what the files being read
   * now ask for.
   */
  static void give(ByteBuffer buffer) {
    // only whole buffers: a view into part of an array would hand out memory another owner holds
    if (buffer.capacity() == 0 || !buffer.isDirect() && buffer.arrayOffset() != 0) {
      return;
    }
    synchronized (FREE) {
      FREE.push(buffer);
      if (FREE.size() > KEPT) {
        FREE.removeLast();
      }
    }
  }
}
