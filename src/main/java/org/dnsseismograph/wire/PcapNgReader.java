package org.dnsseismograph.wire;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Reads pcapng: any number of sections, each with its own byte order and interfaces; per-interface
 * link type, {@code if_tsresol} and {@code if_tsoffset}; Enhanced, Simple and the obsolete Packet
 * Blocks. Other blocks are skipped (block types this reader does not know are counted). A block
 * whose length is impossible or whose trailing length differs is counted and ends the reading; so
 * does one cut off by the end of the file. Block lengths are never believed beyond {@link
 * #MAX_BUFFERED_BLOCK} for blocks that are read, and skipped blocks are stepped over, not read
 * into memory. A Simple Packet Block has no timestamp: it gets the timestamp of the frame before
 * it (0 when it is the first). Not thread-safe.
 *
 * @see <a href="https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-03.html">pcapng</a>
 */
final class PcapNgReader implements FrameReader {
  static final int SECTION_HEADER = 0x0A0D0D0A;
  static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
  /** Largest packet, section or interface block read into memory. */
  static final int MAX_BUFFERED_BLOCK = 1 << 20;

  private static final int INTERFACE = 1;
  private static final int PACKET = 2;
  private static final int SIMPLE_PACKET = 3;
  private static final int ENHANCED_PACKET = 6;
  private static final long MIN_BLOCK = 12;

  private final ByteSource source;
  private final SkipCounter skips;
  private final PcapNgInterfaces interfaces = new PcapNgInterfaces();
  private boolean swapped;
  private long pos;
  private long blockLength;
  private long frameNumber;
  private long lastTimestamp;
  private boolean done;

  /** The caller has checked that the file starts with a section header block. */
  PcapNgReader(ByteSource source, SkipCounter skips) {
    this.source = source;
    this.skips = skips;
  }

  private int intAt(ByteBuffer b, int i) {
    int v = b.getInt(i);
    return swapped ? Integer.reverseBytes(v) : v;
  }

  private int shortAt(ByteBuffer b, int i) {
    short v = b.getShort(i);
    return (swapped ? Short.reverseBytes(v) : v) & 0xFFFF;
  }

  @Override
  public boolean next(RawFrame frame) throws IOException {
    while (!done) {
      int type = blockHeader();
      if (type == -1 && done) {
        return false;
      }
      boolean delivered = switch (type) {
        case SECTION_HEADER -> sectionHeader();
        case INTERFACE -> interfaceDescription();
        case ENHANCED_PACKET, PACKET -> packet(frame, type);
        case SIMPLE_PACKET -> simplePacket(frame);
        default -> skipBlock(type);
      };
      pos += blockLength;
      if (delivered) {
        return true;
      }
    }
    return false;
  }

  /** Reads type and length (and a section's byte order); returns the type, or -1 with done set. */
  private int blockHeader() throws IOException {
    int got = source.fill(pos, 12);
    if (got < 12) {
      endTruncated(got > 0);
      return -1;
    }
    ByteBuffer b = source.data();
    int i = source.index(pos);
    int type = intAt(b, i);
    if (type == SECTION_HEADER) {
      int magic = b.getInt(i + 8);
      if (magic == BYTE_ORDER_MAGIC || magic == Integer.reverseBytes(BYTE_ORDER_MAGIC)) {
        swapped = magic != BYTE_ORDER_MAGIC;
      } else {
        return badBlock();
      }
    }
    blockLength = intAt(b, i + 4) & 0xFFFF_FFFFL;
    if (blockLength < MIN_BLOCK || (blockLength & 3) != 0) {
      return badBlock();
    }
    return type;
  }

  private int badBlock() {
    skips.count(WireSkip.PCAPNG_BAD_BLOCK, frameNumber + 1);
    done = true;
    return -1;
  }

  private void endTruncated(boolean partial) {
    if (partial) {
      skips.count(WireSkip.FILE_TRUNCATED, 0);
    }
    done = true;
  }

  /** Brings a whole block into memory and checks its trailing length; false with done set if not. */
  private boolean load(long minLength) throws IOException {
    if (blockLength < minLength || blockLength > MAX_BUFFERED_BLOCK) {
      badBlock();
      return false;
    }
    int length = (int) blockLength;
    if (source.fill(pos, length) < length) {
      endTruncated(true);
      return false;
    }
    ByteBuffer b = source.data();
    if ((intAt(b, source.index(pos) + length - 4) & 0xFFFF_FFFFL) != blockLength) {
      badBlock();
      return false;
    }
    return true;
  }

  private boolean sectionHeader() throws IOException {
    if (load(28)) {
      interfaces.clear();
    }
    return false;
  }

  private boolean interfaceDescription() throws IOException {
    if (!load(20)) {
      return false;
    }
    ByteBuffer b = source.data();
    int i = source.index(pos);
    int linkType = shortAt(b, i + 8);
    int snapLength = intAt(b, i + 12);
    int tsresol = 6;
    long tsoffset = 0;
    int p = i + 16;
    int end = i + (int) blockLength - 4;
    while (p + 4 <= end) {
      int code = shortAt(b, p);
      int length = shortAt(b, p + 2);
      if (code == 0 || p + 4 + length > end) {
        break;
      }
      if (code == 9 && length >= 1) {
        tsresol = b.get(p + 4) & 0xFF;
      } else if (code == 14 && length >= 8) {
        long v = b.getLong(p + 4);
        tsoffset = swapped ? Long.reverseBytes(v) : v;
      }
      p += 4 + ((length + 3) & ~3);
    }
    if (!interfaces.add(linkType, snapLength, TimestampScale.of(tsresol), TimestampScale.secondsToNanos(tsoffset))) {
      skips.count(WireSkip.PCAPNG_TOO_MANY_INTERFACES, frameNumber + 1);
    }
    return false;
  }

  private boolean packet(RawFrame frame, int type) throws IOException {
    if (!load(32)) {
      return false;
    }
    ByteBuffer b = source.data();
    int i = source.index(pos);
    int interfaceId = type == PACKET ? shortAt(b, i + 8) : intAt(b, i + 8);
    long ticks = ((long) intAt(b, i + 12) << 32) | (intAt(b, i + 16) & 0xFFFF_FFFFL);
    long captured = intAt(b, i + 20) & 0xFFFF_FFFFL;
    long original = intAt(b, i + 24) & 0xFFFF_FFFFL;
    if (captured > blockLength - 32) {
      badBlock();
      return false;
    }
    if (captured > PcapReader.MAX_CAPTURED) {
      skips.count(WireSkip.RECORD_CORRUPT, frameNumber + 1);
      done = true;
      return false;
    }
    if (interfaceId < 0 || interfaceId >= interfaces.count()) {
      skips.count(WireSkip.PCAPNG_UNKNOWN_INTERFACE, frameNumber + 1);
      return false;
    }
    long nanos = interfaces.scale(interfaceId).toNanos(ticks);
    fill(frame, interfaceId, TimestampScale.saturatingAdd(nanos, interfaces.offsetNanos(interfaceId)), i + 28, (int) captured, original);
    return true;
  }

  private boolean simplePacket(RawFrame frame) throws IOException {
    if (!load(16)) {
      return false;
    }
    if (interfaces.count() == 0) {
      skips.count(WireSkip.PCAPNG_UNKNOWN_INTERFACE, frameNumber + 1);
      return false;
    }
    ByteBuffer b = source.data();
    int i = source.index(pos);
    long original = intAt(b, i + 8) & 0xFFFF_FFFFL;
    long captured = Math.min(original, blockLength - 16);
    int snapLength = interfaces.snapLength(0);
    if (snapLength > 0) {
      captured = Math.min(captured, snapLength & 0xFFFF_FFFFL);
    }
    captured = Math.min(captured, PcapReader.MAX_CAPTURED);
    fill(frame, 0, lastTimestamp, i + 12, (int) captured, original);
    return true;
  }

  private void fill(RawFrame frame, int interfaceId, long timestamp, int offset, int captured, long original) {
    frame.timestampNanos = timestamp;
    frame.linkType = interfaces.linkType(interfaceId);
    frame.buffer = source.data();
    frame.offset = offset;
    frame.capturedLength = captured;
    frame.originalLength = (int) Math.max(captured, Math.min(original, Integer.MAX_VALUE));
    frame.frameNumber = ++frameNumber;
    frame.interfaceId = interfaceId;
    frame.fileOffset = pos;
    lastTimestamp = timestamp;
  }

  /** Steps over a block without reading its body, checking its trailing length on the way. */
  private boolean skipBlock(int type) throws IOException {
    if (!PcapNgInterfaces.isKnownOtherBlock(type)) {
      skips.count(WireSkip.PCAPNG_UNKNOWN_BLOCK, frameNumber + 1);
    }
    long trailer = pos + blockLength - 4;
    if (source.fill(trailer, 4) < 4) {
      endTruncated(true);
      return false;
    }
    if ((intAt(source.data(), source.index(trailer)) & 0xFFFF_FFFFL) != blockLength) {
      badBlock();
    }
    return false;
  }

  @Override
  public CaptureFormat format() {
    return CaptureFormat.PCAPNG;
  }

  @Override
  public boolean gzipped() {
    return source.gzipped();
  }

  @Override
  public long position() {
    return source.sourcePosition();
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
