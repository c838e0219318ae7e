package org.dnsseismograph.wire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes pcapng blocks by hand, each section in the byte order it is given, for reader tests. */
final class PcapNgBuilder {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

  /** Starts a section in {@code byteOrder}. */
  PcapNgBuilder section(ByteOrder byteOrder) {
    order = byteOrder;
    ByteBuffer body = body(16);
    body.putInt(PcapNgReader.BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0).putLong(-1);
    return block(PcapNgReader.SECTION_HEADER, body);
  }

  /**
   * An interface description.
   *
   * @param tsresol the if_tsresol byte, or -1 for none (microseconds)
   * @param tsoffset seconds for if_tsoffset, or null for none
   */
  PcapNgBuilder iface(int linkType, int snapLength, int tsresol, Long tsoffset) {
    ByteBuffer body = body(64);
    body.putShort((short) linkType).putShort((short) 0).putInt(snapLength);
    if (tsresol >= 0) {
      body.putShort((short) 9).putShort((short) 1).put((byte) tsresol).put(new byte[3]);
    }
    if (tsoffset != null) {
      body.putShort((short) 14).putShort((short) 8).putLong(tsoffset);
    }
    body.putShort((short) 0).putShort((short) 0);
    return block(1, body);
  }

  /** An Enhanced Packet Block. */
  PcapNgBuilder epb(int interfaceId, long ticks, byte[] data, int originalLength) {
    ByteBuffer body = body(20 + pad(data.length));
    body.putInt(interfaceId).putInt((int) (ticks >>> 32)).putInt((int) ticks).putInt(data.length).putInt(originalLength);
    body.put(data).put(new byte[pad(data.length) - data.length]);
    return block(6, body);
  }

  /** The obsolete Packet Block. */
  PcapNgBuilder packetBlock(int interfaceId, long ticks, byte[] data) {
    ByteBuffer body = body(20 + pad(data.length));
    body.putShort((short) interfaceId).putShort((short) 0).putInt((int) (ticks >>> 32)).putInt((int) ticks);
    body.putInt(data.length).putInt(data.length);
    body.put(data).put(new byte[pad(data.length) - data.length]);
    return block(2, body);
  }

  /** A Simple Packet Block. */
  PcapNgBuilder spb(byte[] data) {
    ByteBuffer body = body(4 + pad(data.length));
    body.putInt(data.length).put(data).put(new byte[pad(data.length) - data.length]);
    return block(3, body);
  }

  /** Any block with an opaque body of {@code length} bytes (a multiple of 4). */
  PcapNgBuilder other(int type, int length) {
    return block(type, body(length).put(new byte[length]));
  }

  /** Raw bytes, for damaged files. */
  PcapNgBuilder raw(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  private ByteBuffer body(int capacity) {
    return ByteBuffer.allocate(capacity).order(order);
  }

  private PcapNgBuilder block(int type, ByteBuffer body) {
    int length = 12 + body.position();
    ByteBuffer b = ByteBuffer.allocate(length).order(order);
    b.putInt(type).putInt(length).put(body.array(), 0, body.position()).putInt(length);
    out.writeBytes(b.array());
    return this;
  }

  private static int pad(int n) {
    return (n + 3) & ~3;
  }
}
