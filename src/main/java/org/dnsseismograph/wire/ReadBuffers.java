package org.dnsseismograph.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process' idle read buffers, handed from a closed capture file to the next one opened. A
 * direct buffer's memory comes back only when the collector finds the buffer unreachable, and
 * reading a day of per-minute files makes little heap garbage: with a new buffer per file, 1,429
 * files of one {@code series} held 1.5 GB resident. Thread-safe (the window loads sources in
 * parallel).
 */
final class ReadBuffers {
  /** Idle buffers kept: a few files open at once in each of a few loads. */
  private static final int KEPT = 8;

  private static final ConcurrentLinkedDeque<ByteBuffer> FREE = new ConcurrentLinkedDeque<>();
  private static final AtomicInteger IDLE = new AtomicInteger();

  private ReadBuffers() {}

  /**
   * A big-endian direct buffer of exactly {@code capacity} bytes, cleared, the caller's alone (exactly:
   * a reader given a small buffer on purpose, as tests do, must not read more at a time).
   */
  static ByteBuffer take(int capacity) {
    for (Iterator<ByteBuffer> it = FREE.iterator(); it.hasNext(); ) {
      ByteBuffer b = it.next();
      if (b.capacity() == capacity && FREE.removeFirstOccurrence(b)) {
        IDLE.decrementAndGet();
        return b.clear();
      }
    }
    return ByteBuffer.allocateDirect(capacity).order(ByteOrder.BIG_ENDIAN);
  }

  /** Gives a buffer back for the next file; its owner must not touch it any more. */
  static void give(ByteBuffer buffer) {
    if (buffer.isDirect() && IDLE.incrementAndGet() <= KEPT) {
      FREE.push(buffer);
    } else {
      IDLE.decrementAndGet();
    }
  }
}
