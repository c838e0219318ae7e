package org.dnsseismograph.wire;

import java.nio.ByteBuffer;

/**
 * One DNS message candidate as it left the transport: a UDP datagram's payload, or one
 * length-framed message of a TCP stream. A reused flyweight: valid only during the {@link
 * DnsPayloadSink#onDnsPayload} call that receives it; copy what you keep. Addresses are held as
 * two longs each (see {@link IpAddress}). Times are epoch nanoseconds, UTC.
 */
public final class DnsPayload {
  /** Capture time of the frame that completed this message (epoch ns, UTC). */
  public long timestampNanos;
  /** 1-based number of the frame that completed this message, within its file. */
  public long frameNumber;
  /** Index of that frame's file among the files read together (0 for one file). */
  public int file;
  public Transport transport;
  public long srcHi;
  public long srcLo;
  public long dstHi;
  public long dstLo;
  public int srcPort;
  public int dstPort;
  /** The bytes; the message is {@code buffer[offset, offset + length)} in absolute indexing. */
  public ByteBuffer buffer;
  public int offset;
  public int length;
  /** Length the message had on the wire; larger than {@link #length} when the snap length cut it. */
  public int originalLength;

  public IpAddress source() {
    return new IpAddress(srcHi, srcLo);
  }

  public IpAddress destination() {
    return new IpAddress(dstHi, dstLo);
  }

  /** A copy of the message bytes (for the slow path: dnsjava, tests). */
  public byte[] copyBytes() {
    byte[] b = new byte[length];
    buffer.get(offset, b);
    return b;
  }
}
