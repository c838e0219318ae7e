package org.dnsseismograph.wire;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.dnsseismograph.common.Uninterruptibly;

/**
 * Produces a capture's bytes in chunks, in order, on a daemon thread of its own, ahead of the
 * thread that decodes them, so that making the bytes (inflating gzip) runs beside the decoding
 * instead of in its way. A fixed ring of buffers goes round between the two threads: the producer
 * fills a free one, the consumer takes it with {@link #next()} and gives it back with {@link
 * #release}, so memory stays at {@code buffers x chunk} bytes whatever the capture's length.
 *
 * <p>The first chunk is made on the caller's thread, so that a reader opened only to check a
 * file's format starts no thread. At most {@value #MAX_ACTIVE} producer threads run at once in the
 * process, so that merging many files does not start a thread per file. Until one is free, {@link
 * #next()} makes each chunk on the caller's thread, and asks again at the next chunk: of many
 * rotated files read one after the other, each gets a thread once the files before it are done.
 *
 * <p>A failure to produce travels to the consumer in place of the chunk it spoiled; the end of the
 * data comes with the reason it ended early, if any ({@link Chunk#endReason}). {@link #close()}
 * stops the thread, waits for it, and gives the buffers to {@link ReadBuffers} for the next file.
 * One consumer thread.
 */
final class ReadAhead implements AutoCloseable {
  /** Producer threads running at once, at most. */
  static final int MAX_ACTIVE = 4;

  private static final AtomicInteger ACTIVE = new AtomicInteger();

  /** Fills buffers with the next bytes of the data; called on one thread at a time. */
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
  private final int chunk;
  private final int buffers;
  private final boolean mayStart;
  private final String name;
  private final BlockingQueue<ByteBuffer> free;
  private final BlockingQueue<Chunk> filled;
  private Thread thread;
  /** Buffers taken so far; touched by whichever thread produces. */
  private int allocated;
  /** The buffers taken, given back at {@link #close()}. */
  private ByteBuffer[] taken;
  private boolean givenBack;
  /** Stream position of the next chunk; touched by whichever thread produces. */
  private long pos;
  /** The last chunk, once the caller's thread produced it. */
  private Chunk last;
  private volatile boolean closed;

  /**
   * @param chunk bytes per chunk, in heap buffers (what a stream reads into)
   * @param mayStart false to make every chunk on the caller's thread (fuzzing, bytes in memory)
   */
  ReadAhead(Filler filler, int chunk, int buffers, String name, boolean mayStart) {
    this.filler = filler;
    this.chunk = chunk;
    this.buffers = buffers;
    this.mayStart = mayStart;
    this.name = name;
    this.free = new ArrayBlockingQueue<>(buffers);
    this.filled = new ArrayBlockingQueue<>(buffers + 1);
    this.taken = new ByteBuffer[buffers];
  }

  /**
   * The next chunk in order: the producer thread's, waiting for it if need be, or made here while
   * no thread may start. After the last one ({@link Chunk#last()}), the last one again.
   *
   * @throws IOException when producing it failed, or the wait was interrupted
   */
  Chunk next() throws IOException {
    // The first chunk is made here: a reader opened only to check a file's format needs no more.
    if (thread == null && (pos == 0 || !startThread())) {
      return produceHere();
    }
    Chunk c;
    try {
      c = filled.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the capture's bytes");
    }
    if (c.last()) {
      // answered again to any later call
      filled.add(c);
      if (c.failure() != null) {
        throw c.failure();
      }
    }
    return c;
  }

  /** True when a producer thread runs or has run. */
  boolean threaded() {
    return thread != null;
  }

  private boolean startThread() {
    if (!mayStart || last != null || closed) {
      return false;
    }
    if (ACTIVE.incrementAndGet() > MAX_ACTIVE) {
      ACTIVE.decrementAndGet();
      return false;
    }
    thread = new Thread(this::produce, name);
    thread.setDaemon(true);
    thread.start();
    return true;
  }

  /** Gives back a buffer from {@link #next()}, once nothing reads it any more. */
  void release(ByteBuffer buffer) {
    free.offer(buffer);
  }

  private Chunk produceHere() throws IOException {
    if (last == null) {
      try {
        Chunk c = produceOne(freeBuffer());
        if (!c.last()) {
          return c;
        }
        last = c;
      } catch (IOException e) {
        last = new Chunk(null, pos, 0, null, e);
      }
    }
    if (last.failure() != null) {
      throw last.failure();
    }
    return last;
  }

  /** Fills {@code b} with the next chunk; the last chunk when the data has ended. */
  private Chunk produceOne(ByteBuffer b) throws IOException {
    b.clear().limit(chunk);
    int n = filler.fill(b);
    if (n <= 0) {
      return new Chunk(null, pos, 0, filler.endReason(), null);
    }
    Chunk c = new Chunk(b, pos, n, null, null);
    pos += n;
    return c;
  }

  private void produce() {
    try {
      while (!closed) {
        ByteBuffer b = free.poll();
        if (b == null) {
          b = allocated < buffers ? freeBuffer() : free.take();
        }
        if (closed) {
          break;
        }
        Chunk c = produceOne(b);
        filled.put(c);
        if (c.last()) {
          return;
        }
      }
    } catch (IOException e) {
      filled.offer(new Chunk(null, pos, 0, null, e));
    } catch (RuntimeException e) {
      // A thread dying here would leave the consumer waiting for ever: the failure goes to it instead.
      filled.offer(new Chunk(null, pos, 0, null, new IOException("making the capture's bytes failed: " + e, e)));
    } catch (InterruptedException e) {
      // closed: nobody waits for more
    } finally {
      ACTIVE.decrementAndGet();
    }
  }

  /** A buffer given back, or a new one. */
  private ByteBuffer freeBuffer() {
    ByteBuffer b = free.poll();
    if (b != null) {
      return b;
    }
    ByteBuffer made = ReadBuffers.takeHeap(chunk);
    if (allocated == taken.length) {
      // made on the caller's thread, a chunk is taken before the last is given back
      taken = Arrays.copyOf(taken, 2 * allocated);
    }
    taken[allocated++] = made;
    return made;
  }

  /**
   * Stops the producer thread, if one runs, and waits for it to end, even when the calling thread is
   * interrupted; what it reads from stays open.
   */
  @Override
  public void close() {
    closed = true;
    if (thread != null) {
      // Interrupting a read could close what it reads from under the caller: wake only a thread waiting for a buffer.
      free.offer(ByteBuffer.allocate(0));
      filled.clear();
      // However often the caller is interrupted (a window closing interrupts its loads, which then close
      // their readers): the caller closes what the producer reads right after, and a gzip stream closed
      // mid-read throws out of the producer. The wait is one chunk's making.
      Uninterruptibly.await(thread::join);
    }
    giveBack();
  }

  /**
   * The buffers taken so far, in the order taken: those that carried chunks, and one a producer may
   * have taken only to find the data's end.
   */
  List<ByteBuffer> buffersTaken() {
    return List.of(Arrays.copyOf(taken, allocated));
  }

  /** Once nothing fills or reads them any more: the buffers go to the next file, once. */
  private void giveBack() {
    if (givenBack) {
      return;
    }
    givenBack = true;
    for (int i = 0; i < allocated; i++) {
      ReadBuffers.give(taken[i]);
    }
  }

}
