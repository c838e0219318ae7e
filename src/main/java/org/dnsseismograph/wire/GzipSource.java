package org.dnsseismograph.wire;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A gzip'd capture, decompressed as a stream into a bounded buffer: it holds the range last asked
 * for and grows only up to {@link #MAX_BUFFER}; bytes before the asked position are dropped.
 * Concatenated gzip members are read as one stream. Corrupt or truncated compressed data is
 * counted and ends the data cleanly. Not thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc1952">RFC 1952</a>
 */
final class GzipSource extends ByteSource {
  /** Largest range a reader may ask for; readers bound their requests below it. */
  static final int MAX_BUFFER = 4 << 20;

  private static final int INITIAL_BUFFER = 256 << 10;

  private final CountingStream counted;
  private final InputStream inflated;
  private final long size;
  private final SkipCounter skips;
  private ByteBuffer buffer = ByteBuffer.allocate(INITIAL_BUFFER);
  /** Stream position of buffer index 0. */
  private long bufferStart;
  private int bufferLength;
  private boolean ended;

  /** Inflates a stream whose gzip header {@code inflated} has read already. */
  GzipSource(Inflating inflated, long size, SkipCounter skips) {
    this.counted = inflated.counted();
    this.inflated = inflated.stream();
    this.size = size;
    this.skips = skips;
  }

  /** A gzip stream over its counted compressed bytes. */
  record Inflating(GZIPInputStream stream, CountingStream counted) {}

  /**
   * Reads the gzip header of {@code counted}.
   *
   * @throws java.util.zip.ZipException or {@link java.io.EOFException} when the header is unusable
   */
  static Inflating inflating(CountingStream counted) throws IOException {
    return new Inflating(new GZIPInputStream(counted, 64 << 10), counted);
  }

  @Override
  int fill(long pos, int len) throws IOException {
    long end = pos + len;
    if (pos >= bufferStart && end <= bufferStart + bufferLength) {
      return len;
    }
    if (len > MAX_BUFFER || pos < bufferStart) {
      throw new IllegalArgumentException("range outside the gzip window: " + pos + "+" + len);
    }
    while (true) {
      dropBefore(pos);
      if (bufferStart + bufferLength >= end || ended) {
        break;
      }
      if (bufferStart == pos) {
        ensureCapacity(len);
      }
      readSome();
    }
    long available = Math.min(end, bufferStart + bufferLength) - pos;
    return (int) Math.max(0, available);
  }

  /** Drops held bytes before {@code pos}; the stream itself never jumps, so skipping reads through. */
  private void dropBefore(long pos) {
    int d = (int) Math.min(pos - bufferStart, bufferLength);
    if (d <= 0) {
      return;
    }
    byte[] a = buffer.array();
    System.arraycopy(a, d, a, 0, bufferLength - d);
    bufferLength -= d;
    bufferStart += d;
  }

  private void ensureCapacity(int needed) {
    if (needed <= buffer.capacity()) {
      return;
    }
    int capacity = Math.min(MAX_BUFFER, Math.max(needed, buffer.capacity() * 2));
    byte[] grown = new byte[capacity];
    System.arraycopy(buffer.array(), 0, grown, 0, bufferLength);
    buffer = ByteBuffer.wrap(grown);
  }

  /** Reads at least one byte or sets {@link #ended}; bad compressed data is counted, not thrown. */
  private void readSome() throws IOException {
    byte[] a = buffer.array();
    try {
      int n = inflated.read(a, bufferLength, a.length - bufferLength);
      if (n < 0) {
        ended = true;
      } else {
        bufferLength += n;
      }
    } catch (EOFException e) {
      skips.count(WireSkip.GZIP_TRUNCATED, 0);
      ended = true;
    } catch (ZipException e) {
      skips.count(WireSkip.GZIP_CORRUPT, 0);
      ended = true;
    }
  }

  @Override
  ByteBuffer data() {
    return buffer;
  }

  @Override
  int index(long pos) {
    return (int) (pos - bufferStart);
  }

  @Override
  long end() {
    return bufferStart + bufferLength;
  }

  @Override
  long sourcePosition() {
    return counted.count;
  }

  @Override
  long sourceSize() {
    return size;
  }

  @Override
  boolean gzipped() {
    return true;
  }

  @Override
  public void close() throws IOException {
    inflated.close();
  }

  /** Counts compressed bytes consumed, for progress in file bytes; read from another thread when inflating ahead. */
  static final class CountingStream extends FilterInputStream {
    volatile long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count += s;
      return s;
    }
  }
}
