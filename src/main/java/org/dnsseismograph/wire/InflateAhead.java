package org.dnsseismograph.wire;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Inflates a gzip'd capture on a thread of its own, ahead of the thread that decodes it ({@link
 * ChunkedSource} over a {@link ReadAhead}): inflating costs more than decoding, matching and
 * aggregating together, so the two run side by side instead of in turn. Returns null when {@link
 * ReadAhead#MAX_ACTIVE} producers run already; the caller then inflates in place ({@link
 * GzipSource}), with the same bytes and the same skips.
 */
final class InflateAhead {
  /** Chunks per ring: one being decoded, one ready, one being inflated. */
  static final int BUFFERS = 3;

  private InflateAhead() {}

  /**
   * A gzip'd stream, its header read already, inflated in chunks of {@code chunk} bytes, or null
   * when no producer may start.
   *
   * @param size the compressed file's length, for progress
   */
  static ByteSource start(GzipSource.Inflating inflating, long size, int chunk, SkipCounter skips) {
    ReadAhead ahead = ReadAhead.start(new GzipFiller(inflating.stream()), chunk, BUFFERS, ByteBuffer::allocate, "capture inflate-ahead");
    if (ahead == null) {
      return null;
    }
    GzipSource.CountingStream counted = inflating.counted();
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
}
