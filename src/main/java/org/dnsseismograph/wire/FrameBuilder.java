package org.dnsseismograph.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds captured frames around a payload: a link-layer header ({@link LinkType}, with optional
 * VLAN tags on Ethernet), IPv4 or IPv6 (chosen by the addresses), UDP or TCP, with correct lengths
 * and checksums; and IP fragments of a datagram. For tests and capture generators. Immutable
 * once configured; the {@code with...} methods return new builders.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc791">RFC 791</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8200">RFC 8200</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc768">RFC 768</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9293">RFC 9293</a>
 */
public final class FrameBuilder {
  public static final int FIN = 0x01;
  public static final int SYN = 0x02;
  public static final int RST = 0x04;
  public static final int PSH = 0x08;
  public static final int ACK = 0x10;

  private static final int UDP = 17;
  private static final int TCP = 6;

  private final LinkType link;
  /** Pairs of (tag protocol identifier, VLAN id), outermost first. */
  private final int[] tags;

  public FrameBuilder(LinkType link) {
    this(link, new int[0]);
  }

  private FrameBuilder(LinkType link, int[] tags) {
    this.link = link;
    this.tags = tags;
  }

  /**
   * This builder with one more VLAN tag inside the existing ones (Ethernet only).
   *
   * @param tagProtocol 0x8100 (802.1Q), 0x88a8 (802.1ad) or 0x9100
   */
  public FrameBuilder withVlan(int tagProtocol, int vlanId) {
    if (link != LinkType.ETHERNET) {
      throw new IllegalArgumentException("VLAN tags need Ethernet, not " + link);
    }
    int[] t = Arrays.copyOf(tags, tags.length + 2);
    t[tags.length] = tagProtocol;
    t[tags.length + 1] = vlanId;
    return new FrameBuilder(link, t);
  }

  public LinkType linkType() {
    return link;
  }

  /** A UDP datagram carrying {@code payload}, framed. */
  public byte[] udp(IpAddress src, int srcPort, IpAddress dst, int dstPort, byte[] payload) {
    return frame(ipPacket(src, dst, UDP, udpSegment(src, srcPort, dst, dstPort, payload), 1));
  }

  /** A TCP segment ({@code flags} from the constants here, ACK added when {@code ack} is not 0), framed. */
  public byte[] tcp(IpAddress src, int srcPort, IpAddress dst, int dstPort, int seq, int ack, int flags, byte[] payload) {
    return frame(ipPacket(src, dst, TCP, tcpSegment(src, srcPort, dst, dstPort, seq, ack, flags, payload), 1));
  }

  /**
   * The fragments of a UDP datagram, framed, in order.
   *
   * @param fragmentSize payload bytes per fragment, a multiple of 8
   */
  public List<byte[]> udpFragments(IpAddress src, int srcPort, IpAddress dst, int dstPort, byte[] payload,
      int fragmentSize, int id) {
    List<byte[]> frames = new ArrayList<>();
    for (byte[] packet : ipFragments(src, dst, UDP, udpSegment(src, srcPort, dst, dstPort, payload), fragmentSize, id)) {
      frames.add(frame(packet));
    }
    return frames;
  }

  /** An IP packet in this builder's link-layer header. */
  public byte[] frame(byte[] ipPacket) {
    boolean v6 = (ipPacket[0] & 0xF0) == 0x60;
    ByteBuffer b;
    switch (link) {
      case ETHERNET -> {
        b = ByteBuffer.allocate(14 + 2 * tags.length + ipPacket.length);
        b.put(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1});
        for (int i = 0; i < tags.length; i += 2) {
          b.putShort((short) tags[i]).putShort((short) tags[i + 1]);
        }
        b.putShort((short) (v6 ? 0x86DD : 0x0800));
      }
      case LINUX_SLL -> {
        b = ByteBuffer.allocate(16 + ipPacket.length);
        b.putShort((short) 0).putShort((short) 1).putShort((short) 6).put(new byte[] {2, 0, 0, 0, 0, 1, 0, 0});
        b.putShort((short) (v6 ? 0x86DD : 0x0800));
      }
      case LINUX_SLL2 -> {
        b = ByteBuffer.allocate(20 + ipPacket.length);
        b.putShort((short) (v6 ? 0x86DD : 0x0800)).putShort((short) 0).putInt(1).putShort((short) 1);
        b.put((byte) 0).put((byte) 6).put(new byte[] {2, 0, 0, 0, 0, 1, 0, 0});
      }
      case NULL -> {
        // host byte order of the capturing machine: little-endian, AF_INET6 as on macOS
        b = ByteBuffer.allocate(4 + ipPacket.length);
        b.putInt(Integer.reverseBytes(v6 ? 30 : 2));
      }
      case LOOP -> {
        b = ByteBuffer.allocate(4 + ipPacket.length);
        b.putInt(v6 ? 24 : 2);
      }
      case IPV4, IPV6 -> {
        if (v6 != (link == LinkType.IPV6)) {
          throw new IllegalArgumentException(link + " cannot carry this packet");
        }
        b = ByteBuffer.allocate(ipPacket.length);
      }
      default -> b = ByteBuffer.allocate(ipPacket.length);
    }
    b.put(ipPacket);
    return b.array();
  }

  /** A UDP header and payload, checksummed over the pseudo-header. */
  public static byte[] udpSegment(IpAddress src, int srcPort, IpAddress dst, int dstPort, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
    b.putShort((short) srcPort).putShort((short) dstPort).putShort((short) (8 + payload.length)).putShort((short) 0);
    b.put(payload);
    byte[] segment = b.array();
    int sum = Checksums.transport(src, dst, UDP, segment);
    putShort(segment, 6, sum == 0 ? 0xFFFF : sum);
    return segment;
  }

  /** A TCP header (no options) and payload, checksummed over the pseudo-header. */
  public static byte[] tcpSegment(IpAddress src, int srcPort, IpAddress dst, int dstPort, int seq, int ack, int flags,
      byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
    b.putShort((short) srcPort).putShort((short) dstPort).putInt(seq).putInt(ack);
    b.put((byte) 0x50).put((byte) (flags | (ack != 0 ? ACK : 0))).putShort((short) 65_535);
    b.putShort((short) 0).putShort((short) 0);
    b.put(payload);
    byte[] segment = b.array();
    putShort(segment, 16, Checksums.transport(src, dst, TCP, segment));
    return segment;
  }

  /** An unfragmented IPv4 or IPv6 packet (by the addresses' family) around a transport segment. */
  public static byte[] ipPacket(IpAddress src, IpAddress dst, int protocol, byte[] transport, int id) {
    if (src.isV4() != dst.isV4()) {
      throw new IllegalArgumentException("mixed address families");
    }
    return src.isV4() ? ipv4(src, dst, protocol, transport, 0, transport.length, id, 0, false)
        : ipv6(src, dst, protocol, transport, 0, transport.length);
  }

  /**
   * The fragments of an IP datagram carrying {@code transport}, in order.
   *
   * @param fragmentSize payload bytes per fragment, a multiple of 8
   */
  public static List<byte[]> ipFragments(IpAddress src, IpAddress dst, int protocol, byte[] transport, int fragmentSize,
      int id) {
    if (fragmentSize <= 0 || fragmentSize % 8 != 0) {
      throw new IllegalArgumentException("fragment size must be a positive multiple of 8: " + fragmentSize);
    }
    List<byte[]> packets = new ArrayList<>();
    for (int off = 0; off < transport.length; off += fragmentSize) {
      int len = Math.min(fragmentSize, transport.length - off);
      boolean more = off + len < transport.length;
      packets.add(src.isV4() ? ipv4(src, dst, protocol, transport, off, len, id, off, more)
          : ipv6Fragment(src, dst, protocol, transport, off, len, id, more));
    }
    return packets;
  }

  /**
   * One IP fragment: bytes {@code [offset, offset + length)} of the datagram payload {@code
   * datagram}, with "more fragments" as given (overlapping or odd fragments for tests are allowed).
   */
  public static byte[] ipFragment(IpAddress src, IpAddress dst, int protocol, byte[] datagram, int offset, int length,
      int id, boolean more) {
    return src.isV4() ? ipv4(src, dst, protocol, datagram, offset, length, id, offset, more)
        : ipv6Fragment(src, dst, protocol, datagram, offset, length, id, more);
  }

  private static byte[] ipv4(IpAddress src, IpAddress dst, int protocol, byte[] data, int off, int len, int id,
      int fragmentOffset, boolean more) {
    ByteBuffer b = ByteBuffer.allocate(20 + len);
    b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + len)).putShort((short) id);
    b.putShort((short) ((more ? 0x2000 : 0) | (fragmentOffset >>> 3)));
    b.put((byte) 64).put((byte) protocol).putShort((short) 0);
    b.put(src.toBytes()).put(dst.toBytes());
    b.put(data, off, len);
    byte[] packet = b.array();
    putShort(packet, 10, Checksums.ones(packet, 0, 20, 0));
    return packet;
  }

  private static byte[] ipv6(IpAddress src, IpAddress dst, int next, byte[] data, int off, int len) {
    ByteBuffer b = ByteBuffer.allocate(40 + len);
    b.putInt(0x6000_0000).putShort((short) len).put((byte) next).put((byte) 64);
    b.put(src.toBytes()).put(dst.toBytes());
    b.put(data, off, len);
    return b.array();
  }

  private static byte[] ipv6Fragment(IpAddress src, IpAddress dst, int next, byte[] data, int off, int len, int id,
      boolean more) {
    ByteBuffer b = ByteBuffer.allocate(8 + len);
    b.put((byte) next).put((byte) 0).putShort((short) (off | (more ? 1 : 0))).putInt(id);
    b.put(data, off, len);
    return ipv6(src, dst, 44, b.array(), 0, 8 + len);
  }

  private static void putShort(byte[] a, int i, int v) {
    a[i] = (byte) (v >>> 8);
    a[i + 1] = (byte) v;
  }
}
