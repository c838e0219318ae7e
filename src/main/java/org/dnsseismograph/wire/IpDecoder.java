package org.dnsseismograph.wire;

import java.nio.ByteBuffer;

/**
 * The network and transport layers of {@link PacketDecoder}: IPv4 (options stepped over), IPv6
 * (extension headers walked), fragments handed to {@link FragmentReassembler}, UDP offered to the
 * sink, TCP handed to {@link TcpReassembler}. Fills the shared {@link PacketContext} with the
 * packet's addresses. Allocation-free on the UDP path. Not thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc791">RFC 791</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8200">RFC 8200</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc768">RFC 768</a>
 */
final class IpDecoder implements FragmentReassembler.Datagrams {
  private static final int PROTO_TCP = 6;
  private static final int PROTO_UDP = 17;

  private final DnsPorts ports;
  private final SkipCounter skips;
  private final DnsEmitter emitter;
  private final PacketContext ctx;
  private final TcpReassembler tcp;
  private final FragmentReassembler fragments;

  IpDecoder(DecodeOptions options, SkipCounter skips, DnsEmitter emitter, PacketContext ctx, TcpReassembler tcp) {
    this.ports = options.ports();
    this.skips = skips;
    this.emitter = emitter;
    this.ctx = ctx;
    this.tcp = tcp;
    // completed datagrams come back to this decoder's transport layer
    this.fragments = new FragmentReassembler(options, skips, this);
  }

  FragmentReassembler fragments() {
    return fragments;
  }

  void ipv4(ByteBuffer b, int p, int end) {
    if (end - p < 20) {
      skips.count(WireSkip.IP_TRUNCATED, ctx.frameNumber);
      return;
    }
    int versionAndLength = b.get(p) & 0xFF;
    int headerLength = (versionAndLength & 0x0F) << 2;
    int total = b.getShort(p + 2) & 0xFFFF;
    if ((versionAndLength >>> 4) != 4 || headerLength < 20 || total < headerLength) {
      skips.count(WireSkip.IP_MALFORMED, ctx.frameNumber);
      return;
    }
    if (end - p < headerLength) {
      skips.count(WireSkip.IP_TRUNCATED, ctx.frameNumber);
      return;
    }
    ctx.srcHi = 0;
    ctx.srcLo = IpAddress.v4Lo(b.getInt(p + 12));
    ctx.dstHi = 0;
    ctx.dstLo = IpAddress.v4Lo(b.getInt(p + 16));
    int protocol = b.get(p + 9) & 0xFF;
    int fragment = b.getShort(p + 6) & 0xFFFF;
    int payload = p + headerLength;
    int capturedEnd = Math.min(end, p + total);
    if ((fragment & 0x3FFF) != 0) {
      if (protocol == PROTO_UDP || protocol == PROTO_TCP) {
        fragments.ipv4(ctx, b.getShort(p + 4) & 0xFFFF, protocol, (fragment & 0x1FFF) << 3, (fragment & 0x2000) != 0,
            b, payload, capturedEnd - payload, total - headerLength);
      }
      return;
    }
    transport(protocol, b, payload, capturedEnd, total - headerLength);
  }

  void ipv6(ByteBuffer b, int p, int end) {
    if (end - p < 40) {
      skips.count(WireSkip.IP_TRUNCATED, ctx.frameNumber);
      return;
    }
    int payloadLength = b.getShort(p + 4) & 0xFFFF;
    int next = b.get(p + 6) & 0xFF;
    if ((b.get(p) & 0xF0) != 0x60 || (payloadLength == 0 && next == 0)) {
      // a jumbogram (payload length 0 with hop-by-hop) cannot carry DNS we can frame
      skips.count(WireSkip.IP_MALFORMED, ctx.frameNumber);
      return;
    }
    ctx.srcHi = b.getLong(p + 8);
    ctx.srcLo = b.getLong(p + 16);
    ctx.dstHi = b.getLong(p + 24);
    ctx.dstLo = b.getLong(p + 32);
    int payloadEnd = p + 40 + payloadLength;
    ipv6Payload(next, b, p + 40, payloadEnd, Math.min(end, payloadEnd), false);
  }

  /**
   * Walks IPv6 extension headers from {@code q} to the transport header.
   *
   * @param payloadEnd where the payload ends on the wire
   * @param capturedEnd where the captured bytes end
   * @param reassembled true inside a reassembled datagram, where a second fragment header is invalid
   */
  private void ipv6Payload(int next, ByteBuffer b, int q, int payloadEnd, int capturedEnd, boolean reassembled) {
    int header = next;
    int p = q;
    while (true) {
      if (p > payloadEnd) {
        skips.count(WireSkip.IP_MALFORMED, ctx.frameNumber);
        return;
      }
      if (header != 0 && header != 43 && header != 44 && header != 51 && header != 60 && header != 135
          && header != 139 && header != 140) {
        transport(header, b, p, capturedEnd, payloadEnd - p);
        return;
      }
      if (capturedEnd - p < 8) {
        skips.count(WireSkip.IP_TRUNCATED, ctx.frameNumber);
        return;
      }
      int nextHeader = b.get(p) & 0xFF;
      if (header == 44) {
        int offsetAndFlags = b.getShort(p + 2) & 0xFFFF;
        int offset = offsetAndFlags & 0xFFF8;
        boolean more = (offsetAndFlags & 1) != 0;
        if (offset != 0 || more) {
          if (reassembled) {
            skips.count(WireSkip.FRAGMENT_MALFORMED, ctx.frameNumber);
          } else {
            fragments.ipv6(ctx, b.getInt(p + 4), nextHeader, offset, more, b, p + 8, capturedEnd - (p + 8), payloadEnd - (p + 8));
          }
          return;
        }
        // an atomic fragment (RFC 6946): the datagram is whole
        p += 8;
      } else if (header == 51) {
        p += ((b.get(p + 1) & 0xFF) + 2) << 2;
      } else {
        p += ((b.get(p + 1) & 0xFF) + 1) << 3;
      }
      header = nextHeader;
    }
  }

  @Override
  public void ipv4Datagram(int protocol, ByteBuffer payload, int length) {
    transport(protocol, payload, 0, length, length);
  }

  @Override
  public void ipv6Datagram(int nextHeader, ByteBuffer payload, int length) {
    ipv6Payload(nextHeader, payload, 0, length, length, true);
  }

  /** {@code [p, capturedEnd)} holds the captured part of a transport segment {@code wireLength} long. */
  private void transport(int protocol, ByteBuffer b, int p, int capturedEnd, int wireLength) {
    if (protocol == PROTO_UDP) {
      udp(b, p, capturedEnd, wireLength);
    } else if (protocol == PROTO_TCP) {
      tcp(b, p, capturedEnd, wireLength);
    }
  }

  private void udp(ByteBuffer b, int p, int capturedEnd, int wireLength) {
    if (capturedEnd - p < 4) {
      skips.count(WireSkip.UDP_TRUNCATED, ctx.frameNumber);
      return;
    }
    int srcPort = b.getShort(p) & 0xFFFF;
    int dstPort = b.getShort(p + 2) & 0xFFFF;
    if (!ports.contains(srcPort) && !ports.contains(dstPort)) {
      return;
    }
    if (capturedEnd - p < 8 || wireLength < 8) {
      skips.count(WireSkip.UDP_TRUNCATED, ctx.frameNumber);
      return;
    }
    int length = b.getShort(p + 4) & 0xFFFF;
    if (length < 8) {
      skips.count(WireSkip.UDP_BAD_LENGTH, ctx.frameNumber);
      return;
    }
    if (length > wireLength) {
      // the length field is damaged; the IP payload is what there is (tshark reads it the same way)
      length = wireLength;
    }
    if (length == 8) {
      skips.count(WireSkip.UDP_EMPTY, ctx.frameNumber);
      return;
    }
    int payload = p + 8;
    int captured = Math.min(capturedEnd, p + length) - payload;
    PacketContext c = ctx;
    emitter.emit(Transport.UDP, c.timestampNanos, c.frameNumber, c.srcHi, c.srcLo, c.dstHi, c.dstLo, srcPort, dstPort,
        b, payload, captured, length - 8);
  }

  private void tcp(ByteBuffer b, int p, int capturedEnd, int wireLength) {
    if (capturedEnd - p < 4) {
      skips.count(WireSkip.TCP_TRUNCATED, ctx.frameNumber);
      return;
    }
    int srcPort = b.getShort(p) & 0xFFFF;
    int dstPort = b.getShort(p + 2) & 0xFFFF;
    if (!ports.contains(srcPort) && !ports.contains(dstPort)) {
      return;
    }
    if (capturedEnd - p < 20 || wireLength < 20) {
      skips.count(WireSkip.TCP_TRUNCATED, ctx.frameNumber);
      return;
    }
    int dataOffset = ((b.get(p + 12) & 0xFF) >>> 4) << 2;
    if (dataOffset < 20 || dataOffset > wireLength) {
      skips.count(WireSkip.TCP_MALFORMED, ctx.frameNumber);
      return;
    }
    int seq = b.getInt(p + 4);
    int ack = b.getInt(p + 8);
    int flags = b.get(p + 13) & 0x3F;
    // the header may claim options the capture cut off: then nothing of the payload was captured
    int payload = Math.min(p + dataOffset, capturedEnd);
    int captured = capturedEnd - payload;
    tcp.segment(ctx, srcPort, dstPort, seq, ack, flags, b, payload, captured, wireLength - dataOffset);
  }
}
