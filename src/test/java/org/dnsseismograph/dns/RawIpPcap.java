package org.dnsseismograph.dns;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes DNS messages as a classic pcap of raw IPv4 (LINKTYPE_RAW, 101) UDP datagrams from port 5353
 * to 53, one a second, so tshark can be asked about crafted messages. Checksums are left zero (UDP:
 * none; tshark does not check the IPv4 one by default).
 */
final class RawIpPcap {
  private static final int LINKTYPE_RAW = 101;

  private RawIpPcap() {}

  static Path write(Path file, List<byte[]> messages) throws IOException {
    int size = 24;
    for (byte[] m : messages) {
      size += 16 + 28 + m.length;
    }
    ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(LINKTYPE_RAW);
    int second = 1_700_000_000;
    for (byte[] m : messages) {
      int length = 28 + m.length;
      b.putInt(second++).putInt(0).putInt(length).putInt(length);
      b.order(ByteOrder.BIG_ENDIAN);
      b.put((byte) 0x45).put((byte) 0).putShort((short) length).putShort((short) 1).putShort((short) 0);
      b.put((byte) 64).put((byte) 17).putShort((short) 0).putInt(0x0A000001).putInt(0x0A000002);
      b.putShort((short) 5353).putShort((short) 53).putShort((short) (8 + m.length)).putShort((short) 0);
      b.put(m);
      b.order(ByteOrder.LITTLE_ENDIAN);
    }
    Files.write(file, b.array());
    return file;
  }
}
