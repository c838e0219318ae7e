package org.dnsseismograph.wire;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Produces a capture's bytes in chunks, in order, on a daemon thread of its own, ahead of the
 * thread that decodes them, so that making the bytes (inflating gzip) runs beside the decoding
 * instead of in its way. A fixed ring of buffers goes round between the two
 * threads: the producer fills a free one, the consumer takes it with {@link #next()} and gives it
 * back with {@link #release}, so memory stays at {@code buffers x chunk} bytes whatever the
 * capture's length. At most {@value #MAX_ACTIVE} producers run at once in the process ({@link
 * #start} says no to more), so merging many files does not start a thread and a ring per file.
 *
 * <p>A failure to read travels to the consumer in place of the chunk it spoiled; the end of the
 * data comes with the reason it ended early, if any ({@link Chunk#endReason}). {@link #close()}
 * stops the thread and waits for it. One consumer thread.
 */
final class ReadAhead implements AutoCloseable {
  /** Producers running at once, at most. */
  static final int MAX_ACTIVE = 4;

  private static final AtomicInteger ACTIVE = new AtomicInteger();

  /** Fills buffers with the next bytes of the data; called on the producer's thread only. */
  interface Filler {
    /**
     * Puts the next bytes into {@code into} from its position up to its limit: all of them, or
     * fewer only at the end of the data.
     *
     * @return the number of bytes put; 0 at the end of the data
     */
    int fill(ByteBuffer into) throws IOException;

    /** Why the data ended before its natural end (bad compressed data), or null. */
    default WireSkip endReason() {
      return null;
    }
  }

  /**
   * The data's bytes {@code [start, start + length)} at index 0 of {@code buffer}; at the end of
   * the data a chunk without buffer, with the reason it ended early (or null) and the failure
   * that ended it (or null).
   */
  record Chunk(ByteBuffer buffer, long start, int length, WireSkip endReason, IOException failure) {
    long end() {
      return start + length;
    }

    boolean last() {
      return buffer == null;
    }
  }

  private final Filler filler;
  private final IntFunction<ByteBuffer> allocate;
  private final int chunk;
  private final BlockingQueue<ByteBuffer> free;
  private final BlockingQueue<Chunk> filled;
  private final Thread thread;
  private int allocated;
  private final int buffers;
  private volatile boolean closed;
  private boolean ended;

  private ReadAhead(Filler filler, int chunk, int buffers, IntFunction<ByteBuffer> allocate, String name) {
    this.filler = filler;
    this.allocate = allocate;
    this.chunk = chunk;
    this.buffers = buffers;
    this.free = new ArrayBlockingQueue<>(buffers);
    this.filled = new ArrayBlockingQueue<>(buffers + 1);
    this.thread = new Thread(this::produce, name);
    thread.setDaemon(true);
  }

  /**
   * Starts a producer, or returns null when {@value #MAX_ACTIVE} run already (the caller then
   * reads in place).
   *
   * @param allocate makes one buffer of the given capacity (direct for file reads, heap for gzip)
   */
  static ReadAhead start(Filler filler, int chunk, int buffers, IntFunction<ByteBuffer> allocate, String name) {
    if (ACTIVE.incrementAndGet() > MAX_ACTIVE) {
      ACTIVE.decrementAndGet();
      return null;
    }
    ReadAhead r = new ReadAhead(filler, chunk, buffers, allocate, name);
    r.thread.start();
    return r;
  }

  /**
   * The next chunk in order, waiting for it if need be; after the last one ({@link Chunk#last()}),
   * the last one again.
   *
   * @throws IOException when producing it failed, or the wait was interrupted
   */
  Chunk next() throws IOException {
    Chunk c;
    try {
      c = filled.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the capture's bytes");
    }
    if (c.last()) {
      ended = true;
      // answered again to any later call
      filled.add(c);
      if (c.failure() != null) {
        throw c.failure();
      }
    }
    return c;
  }

  /** True once {@link #next()} returned the last chunk. */
  boolean ended() {
    return ended;
  }

  /** Gives back a buffer from {@link #next()}, once nothing reads it any more. */
  void release(ByteBuffer buffer) {
    free.offer(buffer);
  }

  private void produce() {
    long pos = 0;
    try {
      while (!closed) {
        ByteBuffer b = take();
        if (closed) {
          break;
        }
        b.clear().limit(chunk);
        int n = filler.fill(b);
        if (n <= 0) {
          break;
        }
        filled.put(new Chunk(b, pos, n, null, null));
        pos += n;
      }
      filled.put(new Chunk(null, pos, 0, filler.endReason(), null));
    } catch (IOException e) {
      filled.offer(new Chunk(null, pos, 0, null, e));
    } catch (InterruptedException e) {
      // closed: nobody waits for more
    } finally {
      ACTIVE.decrementAndGet();
    }
  }

  /** A free buffer: a new one while fewer than the ring's size exist, else one given back. */
  private ByteBuffer take() throws InterruptedException {
    ByteBuffer b = free.poll();
    if (b != null) {
      return b;
    }
    if (allocated < buffers) {
      allocated++;
      return allocate.apply(chunk);
    }
    return free.take();
  }

  /** Stops the producer and waits for it to end; what it reads from stays open. */
  @Override
  public void close() {
    closed = true;
    // Interrupting a read could close what it reads from under the caller: wake only a thread waiting for a buffer.
    free.offer(ByteBuffer.allocate(0));
    filled.clear();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
