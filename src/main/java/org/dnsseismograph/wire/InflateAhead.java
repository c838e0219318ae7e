package org.dnsseismograph.wire;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a gzip'd capture ({@link ChunkedSource} over a {@link ReadAhead}): inflating costs more
 * than decoding, matching and aggregating together, so a producer thread inflates ahead while the
 * reading thread decodes, when one may start; else the reading thread inflates each chunk itself.
 * Concatenated gzip members are read as one stream. Corrupt or truncated compressed data is
 * counted ({@link WireSkip#GZIP_CORRUPT}, {@link WireSkip#GZIP_TRUNCATED}) and ends the data
 * cleanly, after the bytes inflated before it.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc1952">RFC 1952</a>
 */
final class InflateAhead {
  /** Chunks per ring: one being decoded, one ready, one being inflated. */
  static final int BUFFERS = 3;
  /**
   * Bytes per chunk. 256 KiB, 1 MiB and 4 MiB inflated the 10 M bench capture equally fast; the
   * smallest keeps ten rotated files read at once at the memory of one (1 MiB chunks cost 70 MB).
   */
  static final int CHUNK = 256 << 10;

  private InflateAhead() {}

  /** A gzip stream over its counted compressed bytes. */
  record Inflating(GZIPInputStream stream, CountingStream counted) {}

  /**
   * Reads the gzip header of {@code compressed}, which the gzip stream reads {@code inputBuffer}
   * bytes at a time (it needs no buffering of its own).
   *
   * @throws java.util.zip.ZipException or {@link EOFException} when the header is unusable
   */
  static Inflating inflating(InputStream compressed, int inputBuffer) throws IOException {
    CountingStream counted = new CountingStream(compressed);
    return new Inflating(new GZIPInputStream(counted, inputBuffer), counted);
  }

  /**
   * A gzip'd stream, its header read already, inflated in chunks of {@code chunk} bytes.
   *
   * @param size the compressed file's length, for progress
   * @param mayStart false to inflate on the reading thread only (bytes in memory, fuzzing)
   */
  static ByteSource source(Inflating inflating, long size, int chunk, SkipCounter skips, boolean mayStart) {
    ReadAhead ahead = new ReadAhead(new GzipFiller(inflating.stream()), chunk, BUFFERS, "capture inflate-ahead", mayStart);
    CountingStream counted = inflating.counted();
    return new ChunkedSource(ahead, size, skips, () -> counted.count, inflating.stream());
  }

  /** Inflates into heap buffers; corrupt or truncated compressed data ends the data with its reason. */
  private static final class GzipFiller implements ReadAhead.Filler {
    private final GZIPInputStream inflated;
    private WireSkip endReason;

    GzipFiller(GZIPInputStream inflated) {
      this.inflated = inflated;
    }

    @Override
    public int fill(ByteBuffer into) throws IOException {
      byte[] a = into.array();
      int start = into.position();
      int p = start;
      int limit = into.limit();
      while (p < limit && endReason == null) {
        int n;
        try {
          n = inflated.read(a, p, limit - p);
        } catch (EOFException e) {
          endReason = WireSkip.GZIP_TRUNCATED;
          break;
        } catch (ZipException e) {
          endReason = WireSkip.GZIP_CORRUPT;
          break;
        }
        if (n < 0) {
          break;
        }
        p += n;
      }
      into.position(p);
      return p - start;
    }

    @Override
    public WireSkip endReason() {
      return endReason;
    }
  }

  /** Counts compressed bytes consumed, for progress in file bytes; read from the reading thread while another inflates. */
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
