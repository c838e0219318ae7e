package org.dnsseismograph.wire;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes classic pcap: microsecond or nanosecond timestamps, a chosen link type and snap length,
 * either byte order. Records are buffered; {@link #flush()} pushes them out so a file being
 * recorded live is readable at any time. Frames longer than the snap length are cut to it, keeping
 * their original length. Not thread-safe.
 *
 * @see <a href="https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap-04.html">pcap</a>
 */
public final class PcapWriter implements Closeable, Flushable {
  private static final int BUFFER = 64 << 10;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final OutputStream out;
  private final boolean nanos;
  private final int snapLength;
  private final ByteBuffer buffer;
  private long records;

  /**
   * Writes the file header to {@code out}, little-endian (as most capturing hosts do).
   *
   * @param precision {@link CaptureFormat#PCAP_MICRO} or {@link CaptureFormat#PCAP_NANO}
   * @param linkType the LINKTYPE code of every frame ({@link LinkType#code()})
   * @param snapLength frames are cut to this many bytes (1..262,144)
   */
  public PcapWriter(OutputStream out, CaptureFormat precision, int linkType, int snapLength) throws IOException {
    this(out, precision, linkType, snapLength, ByteOrder.LITTLE_ENDIAN);
  }

  /** As {@link #PcapWriter(OutputStream, CaptureFormat, int, int)} in a chosen byte order. */
  public PcapWriter(OutputStream out, CaptureFormat precision, int linkType, int snapLength, ByteOrder order)
      throws IOException {
    if (precision == CaptureFormat.PCAPNG) {
      throw new IllegalArgumentException("PcapWriter writes classic pcap, not pcapng");
    }
    if (snapLength < 1 || snapLength > PcapReader.MAX_CAPTURED) {
      throw new IllegalArgumentException("snap length must be 1.." + PcapReader.MAX_CAPTURED + ": " + snapLength);
    }
    this.out = out;
    this.nanos = precision == CaptureFormat.PCAP_NANO;
    this.snapLength = snapLength;
    this.buffer = ByteBuffer.allocate(BUFFER).order(order);
    buffer.putInt(nanos ? 0xA1B2_3C4D : 0xA1B2_C3D4);
    buffer.putShort((short) 2).putShort((short) 4);
    buffer.putInt(0).putInt(0);
    buffer.putInt(snapLength).putInt(linkType);
  }

  /** Creates (or replaces) {@code file} and writes the header, little-endian. */
  public static PcapWriter create(Path file, CaptureFormat precision, int linkType, int snapLength) throws IOException {
    OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), BUFFER);
    try {
      return new PcapWriter(stream, precision, linkType, snapLength);
    } catch (IOException | RuntimeException e) {
      stream.close();
      throw e;
    }
  }

  /**
   * Writes one frame.
   *
   * @param timestampNanos capture time (epoch ns, UTC), from 1970 to 2106
   * @param originalLength the frame's length on the wire (at least {@code length})
   * @throws IllegalArgumentException for a time pcap cannot hold
   */
  public void write(long timestampNanos, byte[] data, int offset, int length, int originalLength) throws IOException {
    write(timestampNanos, ByteBuffer.wrap(data), offset, length, originalLength);
  }

  /** As {@link #write(long, byte[], int, int, int)}, from absolute indexes of a buffer. */
  public void write(long timestampNanos, ByteBuffer data, int offset, int length, int originalLength) throws IOException {
    long seconds = Math.floorDiv(timestampNanos, NANOS_PER_SECOND);
    long fraction = Math.floorMod(timestampNanos, NANOS_PER_SECOND);
    if (seconds < 0 || seconds > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("pcap cannot hold the time " + timestampNanos + " ns");
    }
    int captured = Math.min(length, snapLength);
    if (buffer.remaining() < 16 + captured) {
      drain();
    }
    buffer.putInt((int) seconds);
    buffer.putInt((int) (nanos ? fraction : fraction / 1000));
    buffer.putInt(captured);
    buffer.putInt(Math.max(originalLength, length));
    if (captured <= buffer.remaining()) {
      buffer.put(buffer.position(), data, offset, captured);
      buffer.position(buffer.position() + captured);
    } else {
      drain();
      byte[] copy = new byte[captured];
      data.get(offset, copy);
      out.write(copy);
    }
    records++;
  }

  /** Records written so far. */
  public long records() {
    return records;
  }

  private void drain() throws IOException {
    out.write(buffer.array(), 0, buffer.position());
    buffer.clear();
  }

  @Override
  public void flush() throws IOException {
    drain();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    try {
      drain();
    } finally {
      out.close();
    }
  }
}
