package org.dnsseismograph.wire;

import java.nio.ByteBuffer;

/**
 * One captured frame as a {@link FrameReader} delivers it. A reused flyweight: the reader
 * overwrites it on every {@link FrameReader#next}, and {@link #buffer} is the reader's own window,
 * so copy what you keep. Not thread-safe.
 *
 * <p>The frame's bytes are {@code buffer[offset, offset + capturedLength)} in absolute indexing;
 * {@link #buffer} is big-endian (network order) whatever the file's byte order was.
 */
public final class RawFrame {
  /** Capture time (epoch ns, UTC). */
  public long timestampNanos;
  /** pcap LINKTYPE code of the frame's interface (see {@link LinkType}). */
  public int linkType;
  /** The bytes; valid until the next call to the reader that filled this frame. */
  public ByteBuffer buffer;
  /** Absolute index of the first byte in {@link #buffer}. */
  public int offset;
  /** Bytes present in the file. */
  public int capturedLength;
  /** Bytes the frame had on the wire; larger than {@link #capturedLength} when the snap length cut it. */
  public int originalLength;
  /** 1-based number of the frame within its file (the number tshark shows). */
  public long frameNumber;
  /** Index of the frame's file among the files read together (0 for one file). */
  public int file;
  /** pcapng interface id within its section; 0 for classic pcap. */
  public int interfaceId;
  /** Offset of the frame's record header in the (decompressed) file. */
  public long fileOffset;

  /** Copies the frame's bytes (for tests and the slow path). */
  public byte[] copyBytes() {
    byte[] b = new byte[capturedLength];
    buffer.get(offset, b);
    return b;
  }
}
