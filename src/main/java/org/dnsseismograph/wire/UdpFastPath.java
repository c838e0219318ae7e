package org.dnsseismograph.wire;

import java.nio.ByteBuffer;

/**
 * The frame most captures are made of, decoded in one go: Ethernet without VLAN tags, then IPv4
 * without options or IPv6 without extension headers, not a fragment, then UDP with a well-formed
 * length. One range check covers the whole header stack, and the headers are read eight bytes at a
 * time, where the general path ({@link PacketDecoder}, {@link IpDecoder}) checks and reads field by
 * field. Anything else, including every frame that would be counted as skipped, is declined and
 * left to the general path, so both paths emit the same payloads and count the same skips. Not
 * thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc791">RFC 791</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8200">RFC 8200</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc768">RFC 768</a>
 */
final class UdpFastPath {
  /** Ethernet (14) + IPv4 (20) + UDP (8). */
  private static final int V4_HEADERS = 42;
  /** Ethernet (14) + IPv6 (40) + UDP (8). */
  private static final int V6_HEADERS = 62;
  private static final int PROTO_UDP = 17;

  private final DnsPorts ports;
  private final DnsEmitter emitter;

  UdpFastPath(DnsPorts ports, DnsEmitter emitter) {
    this.ports = ports;
    this.emitter = emitter;
  }

  /**
   * Decodes the Ethernet frame {@code b[p, end)} when it is the common kind.
   *
   * @return true when the frame was handled (emitted or ignored as not DNS); false when the
   *     general path must decode it
   */
  boolean ethernet(ByteBuffer b, int p, int end, long timestamp, long frameNumber) {
    if (end - p < V4_HEADERS) {
      return false;
    }
    // bytes 12-19: EtherType, then IPv4 version/IHL, TOS, total length, identification
    long head = b.getLong(p + 12);
    int etherType = (int) (head >>> 48);
    if (etherType == 0x0800 && ((head >>> 40) & 0xFF) == 0x45) {
      return ipv4(b, p, end, (int) (head >>> 16) & 0xFFFF, timestamp, frameNumber);
    }
    if (etherType == 0x86DD && ((head >>> 44) & 0xF) == 6 && end - p >= V6_HEADERS) {
      return ipv6(b, p, end, (int) head & 0xFFFF, timestamp, frameNumber);
    }
    return false;
  }

  private boolean ipv4(ByteBuffer b, int p, int end, int total, long timestamp, long frameNumber) {
    // bytes 20-27: flags and fragment offset, TTL, protocol, checksum, first half of the source
    long flags = b.getLong(p + 20);
    if ((flags & 0x3FFF_0000_0000_0000L) != 0 || ((flags >>> 32) & 0xFF) != PROTO_UDP || total < 28) {
      return false;
    }
    long udp = b.getLong(p + 34);
    int srcPort = (int) (udp >>> 48);
    int dstPort = (int) (udp >>> 32) & 0xFFFF;
    if (!ports.contains(srcPort) && !ports.contains(dstPort)) {
      return true;
    }
    int udpLength = (int) (udp >>> 16) & 0xFFFF;
    if (udpLength <= 8 || udpLength > total - 20) {
      return false;
    }
    long addresses = b.getLong(p + 26);
    int payload = p + V4_HEADERS;
    int captured = Math.min(end, p + 34 + udpLength) - payload;
    emitter.emit(Transport.UDP, timestamp, frameNumber, 0, IpAddress.v4Lo((int) (addresses >>> 32)), 0,
        IpAddress.v4Lo((int) addresses), srcPort, dstPort, b, payload, captured, udpLength - 8);
    return true;
  }

  private boolean ipv6(ByteBuffer b, int p, int end, int payloadLength, long timestamp, long frameNumber) {
    if ((b.get(p + 20) & 0xFF) != PROTO_UDP || payloadLength < 8) {
      return false;
    }
    long udp = b.getLong(p + 54);
    int srcPort = (int) (udp >>> 48);
    int dstPort = (int) (udp >>> 32) & 0xFFFF;
    if (!ports.contains(srcPort) && !ports.contains(dstPort)) {
      return true;
    }
    int udpLength = (int) (udp >>> 16) & 0xFFFF;
    if (udpLength <= 8 || udpLength > payloadLength) {
      return false;
    }
    int payload = p + V6_HEADERS;
    int captured = Math.min(end, p + 54 + udpLength) - payload;
    emitter.emit(Transport.UDP, timestamp, frameNumber, b.getLong(p + 22), b.getLong(p + 30), b.getLong(p + 38),
        b.getLong(p + 46), srcPort, dstPort, b, payload, captured, udpLength - 8);
    return true;
  }
}
