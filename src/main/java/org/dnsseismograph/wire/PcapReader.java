package org.dnsseismograph.wire;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Reads classic pcap: microsecond or nanosecond timestamps, either byte order (told by the magic
 * number). A record whose captured length exceeds {@link #MAX_CAPTURED} (the bound libpcap and
 * Wireshark use) is corrupt: it is counted and ends the reading, since nothing after it can be
 * trusted to start a record. A record cut off by the end of the file is counted as truncated.
 * Timestamps are unsigned 32-bit seconds, so good until 2106. Not thread-safe.
 *
 * @see <a href="https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap-04.html">pcap</a>
 */
final class PcapReader implements FrameReader {
  /** Largest captured length believed (libpcap's and Wireshark's MAXIMUM_SNAPLEN). */
  static final int MAX_CAPTURED = 262_144;

  static final int HEADER = 24;
  private static final int RECORD_HEADER = 16;

  private final ByteSource source;
  private final SkipCounter skips;
  private final boolean swapped;
  private final boolean nanos;
  private final int linkType;
  private long pos = HEADER;
  /** The source's buffer as of the last fill, the stream position of its index 0, and where its bytes end. */
  private ByteBuffer window;
  private long windowStart;
  private long windowEnd = -1;
  private long frameNumber;
  private boolean done;

  /**
   * Reads the file header; the caller has checked the magic. A header cut short is counted and
   * leaves a reader without frames.
   *
   * @param swapped true when the file's byte order is the reverse of the magic read big-endian
   */
  PcapReader(ByteSource source, SkipCounter skips, boolean swapped, boolean nanos) throws IOException {
    this.source = source;
    this.skips = skips;
    this.swapped = swapped;
    this.nanos = nanos;
    if (source.fill(0, HEADER) < HEADER) {
      skips.count(WireSkip.FILE_TRUNCATED, 0);
      done = true;
      this.linkType = 0;
    } else {
      // the upper 6 bits carry FCS information, not the link type
      this.linkType = intAt(source.data(), source.index(20)) & 0x03FF_FFFF;
    }
  }

  private int intAt(ByteBuffer b, int i) {
    int v = b.getInt(i);
    return swapped ? Integer.reverseBytes(v) : v;
  }

  @Override
  public boolean next(RawFrame frame) throws IOException {
    long at = pos;
    // Fast path: the record header and body are already in the held window, so one range check
    // and two 8-byte reads replace two fills and four 4-byte reads.
    if (at + RECORD_HEADER <= windowEnd) {
      int i = (int) (at - windowStart);
      long times = ordered(window.getLong(i));
      long lengths = ordered(window.getLong(i + 8));
      int captured = (int) lengths;
      if (captured >= 0 && captured <= MAX_CAPTURED && at + RECORD_HEADER + captured <= windowEnd) {
        deliver(frame, window, i + RECORD_HEADER, times & 0xFFFF_FFFFL, times >>> 32, captured, (int) (lengths >>> 32));
        return true;
      }
    }
    return nextFilled(frame);
  }

  /**
   * A record's two 4-byte fields read as one big-endian long, returned with the first field in the
   * low 32 bits and the second in the high 32 bits, whatever the file's byte order.
   */
  private long ordered(long bigEndian) {
    return swapped ? Long.reverseBytes(bigEndian) : Long.rotateLeft(bigEndian, 32);
  }

  /** The general path: asks the source for the record header, then for the whole record. */
  private boolean nextFilled(RawFrame frame) throws IOException {
    if (done) {
      return false;
    }
    int got = source.fill(pos, RECORD_HEADER);
    if (got < RECORD_HEADER) {
      return end(got > 0 ? WireSkip.FILE_TRUNCATED : null);
    }
    ByteBuffer b = source.data();
    int i = source.index(pos);
    long seconds = intAt(b, i) & 0xFFFF_FFFFL;
    long fraction = intAt(b, i + 4) & 0xFFFF_FFFFL;
    int captured = intAt(b, i + 8);
    int original = intAt(b, i + 12);
    if (captured < 0 || captured > MAX_CAPTURED) {
      return end(WireSkip.RECORD_CORRUPT);
    }
    if (source.fill(pos, RECORD_HEADER + captured) < RECORD_HEADER + captured) {
      return end(WireSkip.FILE_TRUNCATED);
    }
    window = source.data();
    windowStart = pos - source.index(pos);
    windowEnd = source.end();
    deliver(frame, window, source.index(pos) + RECORD_HEADER, seconds, fraction, captured, original);
    return true;
  }

  private void deliver(RawFrame frame, ByteBuffer data, int offset, long seconds, long fraction, int captured, int original) {
    frame.timestampNanos = seconds * 1_000_000_000L + (nanos ? fraction : fraction * 1000);
    frame.linkType = linkType;
    // Stored only when the window changed: a reference store costs a GC write barrier per frame.
    if (frame.buffer != data) {
      frame.buffer = data;
    }
    frame.offset = offset;
    frame.capturedLength = captured;
    frame.originalLength = original < captured ? captured : original;
    frame.frameNumber = ++frameNumber;
    frame.interfaceId = 0;
    frame.fileOffset = pos;
    pos += RECORD_HEADER + captured;
  }

  private boolean end(WireSkip reason) {
    if (reason != null) {
      // a truncated tail is not tied to a frame; a corrupt record is the frame that would follow
      skips.count(reason, reason == WireSkip.FILE_TRUNCATED ? 0 : frameNumber + 1);
    }
    done = true;
    windowEnd = -1;
    return false;
  }

  @Override
  public CaptureFormat format() {
    return nanos ? CaptureFormat.PCAP_NANO : CaptureFormat.PCAP_MICRO;
  }

  @Override
  public boolean gzipped() {
    return source.gzipped();
  }

  @Override
  public long position() {
    // the fast path reads without asking the source, so a plain file's progress is the reader's own
    return source.gzipped() ? source.sourcePosition() : Math.max(source.sourcePosition(), pos);
  }

  @Override
  public long size() {
    return source.sourceSize();
  }

  @Override
  public void close() throws IOException {
    source.close();
  }
}
