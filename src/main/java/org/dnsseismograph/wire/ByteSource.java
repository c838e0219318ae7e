package org.dnsseismograph.wire;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Sequential random access to the (decompressed) bytes of a capture: a reader asks for a range,
 * then reads it from {@link #data()} at {@link #index(long)}. Positions never go backwards by
 * more than the range last asked for. Not thread-safe.
 */
abstract class ByteSource implements Closeable {

  /**
   * Makes {@code [pos, pos + len)} readable. Callers bound {@code len} before asking (no length
   * from the file is trusted here).
   *
   * @return the number of those bytes that exist: {@code len}, or fewer at the end of the data
   */
  abstract int fill(long pos, int len) throws IOException;

  /** The buffer holding the range of the last {@link #fill}; big-endian. */
  abstract ByteBuffer data();

  /** Absolute index in {@link #data()} of stream position {@code pos} (within the last range). */
  abstract int index(long pos);

  /**
   * Stream position just past the bytes {@link #data()} holds now: a reader may read any position
   * from the last range's start up to here without asking again (the fast path of record readers).
   */
  abstract long end();

  /** Bytes of the underlying file consumed so far. */
  abstract long sourcePosition();

  /** Size of the underlying file, or -1 when unknown. */
  abstract long sourceSize();

  /** True when the bytes are decompressed from gzip. */
  abstract boolean gzipped();

  @Override
  public abstract void close() throws IOException;
}
