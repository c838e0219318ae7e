package org.dnsseismograph.wire;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A gzip'd capture's inflated bytes as chunks from a {@link ReadAhead} ({@link InflateAhead}): a
 * range inside one chunk is read where the chunk lies; a range across the end of a chunk is copied
 * together into a stitch buffer (a record header and a partial record, once per chunk). Ranges
 * come in order; a range further on reads through the chunks before it, as a stream must.
 *
 * <p>{@link #data()} is valid until the next {@link #fill} that leaves the held range; a chunk goes
 * back to the producer only then. The end of the data's reason, when it ended early, is counted
 * into the skip counter once it is reached. Not thread-safe: the reading thread owns it.
 */
final class ChunkedSource extends ByteSource {
  private final ReadAhead ahead;
  private final Closeable underlying;
  private final long sourceSize;
  private final SkipCounter skips;
  private final SourceProgress progress;

  /** The chunk being read, or the last one copied into the stitch; null before the first and at the end. */
  private ReadAhead.Chunk chunk;

  private byte[] stitch = new byte[0];
  private ByteBuffer stitchBuffer = ByteBuffer.wrap(stitch);
  private boolean stitched;

  /** What {@link #data()} holds: stream positions of its index 0 and just past its last byte; where the held range starts. */
  private ByteBuffer window = ByteBuffer.allocate(0);
  private long windowBase;
  private long windowEnd;
  private long heldStart;
  private boolean endCounted;

  /** Tells progress in bytes of the underlying file (compressed bytes for gzip). */
  @FunctionalInterface
  interface SourceProgress {
    long position();
  }

  /**
   * @param sourceSize the underlying file's length, for progress
   * @param underlying what the producer reads, closed after it
   */
  ChunkedSource(ReadAhead ahead, long sourceSize, SkipCounter skips, SourceProgress progress, Closeable underlying) {
    this.ahead = ahead;
    this.underlying = underlying;
    this.sourceSize = sourceSize;
    this.skips = skips;
    this.progress = progress;
  }

  @Override
  int fill(long pos, int len) throws IOException {
    if (pos >= heldStart && pos + len <= windowEnd) {
      return len;
    }
    if (pos < heldStart) {
      throw new IllegalArgumentException("range before the held bytes: " + pos + "+" + len);
    }
    if (pos >= windowEnd && !reach(pos)) {
      return 0;
    }
    if (pos + len > windowEnd) {
      stitch(pos, len);
    }
    heldStart = pos;
    return (int) Math.max(0, Math.min(len, windowEnd - pos));
  }

  /** Makes the chunk holding {@code pos} the window; false when the data ends before it. */
  private boolean reach(long pos) throws IOException {
    if (stitched && chunk != null && pos < chunk.end()) {
      // the rest of the chunk copied last into the stitch
      useChunk();
      return true;
    }
    do {
      if (!nextChunk()) {
        return false;
      }
    } while (pos >= chunk.end());
    useChunk();
    return true;
  }

  /** Takes the next chunk, giving the current one back; false (chunk null) at the end of the data. */
  private boolean nextChunk() throws IOException {
    if (chunk != null && !chunk.last()) {
      ahead.release(chunk.buffer());
    }
    ReadAhead.Chunk next = ahead.next();
    if (next.last()) {
      chunk = null;
      countEnd(next);
      return false;
    }
    chunk = next;
    return true;
  }

  private void countEnd(ReadAhead.Chunk end) {
    if (!endCounted && end.endReason() != null) {
      skips.count(end.endReason(), 0);
    }
    endCounted = true;
  }

  private void useChunk() {
    stitched = false;
    window = chunk.buffer();
    windowBase = chunk.start();
    windowEnd = chunk.end();
  }

  /** Copies {@code [pos, pos + len)}, or what there is of it, into the stitch buffer and makes that the window. */
  private void stitch(long pos, int len) throws IOException {
    byte[] into = len > stitch.length ? new byte[Math.max(len, 2 * stitch.length)] : stitch;
    // the bytes from pos the window holds: the chunk's, or the old stitch's (copied within itself)
    int have = (int) (windowEnd - pos);
    copy(window, (int) (pos - windowBase), into, 0, have);
    long next = windowEnd;
    while (have < len) {
      if (chunk == null || next >= chunk.end()) {
        if (!nextChunk()) {
          break;
        }
        next = chunk.start();
      }
      int n = (int) Math.min(len - have, chunk.end() - next);
      copy(chunk.buffer(), (int) (next - chunk.start()), into, have, n);
      have += n;
      next += n;
    }
    if (into != stitch) {
      stitch = into;
      stitchBuffer = ByteBuffer.wrap(into);
    }
    stitched = true;
    window = stitchBuffer;
    windowBase = pos;
    windowEnd = pos + have;
  }

  private static void copy(ByteBuffer from, int index, byte[] into, int at, int length) {
    if (from.hasArray()) {
      System.arraycopy(from.array(), from.arrayOffset() + index, into, at, length);
    } else {
      from.get(index, into, at, length);
    }
  }

  /** True when a producer thread makes the chunks (it may start later than the source). */
  boolean threaded() {
    return ahead.threaded();
  }

  @Override
  ByteBuffer data() {
    return window;
  }

  @Override
  int index(long pos) {
    return (int) (pos - windowBase);
  }

  @Override
  long end() {
    return windowEnd;
  }

  @Override
  long sourcePosition() {
    return progress.position();
  }

  @Override
  long sourceSize() {
    return sourceSize;
  }

  @Override
  boolean gzipped() {
    return true;
  }

  @Override
  public void close() throws IOException {
    try {
      ahead.close();
    } finally {
      underlying.close();
    }
  }
}
