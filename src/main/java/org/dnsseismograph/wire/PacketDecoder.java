package org.dnsseismograph.wire;

import java.nio.ByteBuffer;

/**
 * Decodes captured frames down to DNS message candidates: link layer ({@link LinkType}), IPv4
 * (options) and IPv6 (extension headers), fragment reassembly ({@link FragmentReassembler}), UDP,
 * and TCP stream reassembly with RFC 7766 framing ({@link TcpReassembler}). A UDP datagram or
 * framed TCP message is offered to the sink when either port is a DNS port; it carries the
 * timestamp of the frame that completed it.
 *
 * <p>The UDP path allocates nothing: it reads the frame with absolute gets and reuses one {@link
 * DnsPayload}. Checksums are not verified (captures often hold offloaded, unfinished checksums).
 * Malformed or unsupported packets are counted in the {@link SkipCounter} and skipped; traffic
 * that is simply not DNS (ARP, other ports) is ignored without counting. Times are capture times
 * (epoch ns, UTC). Not thread-safe: one decoder per reading thread.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc791">RFC 791</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8200">RFC 8200</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc768">RFC 768</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7766">RFC 7766</a>
 */
public final class PacketDecoder implements FragmentReassembler.Datagrams {
  private static final int ETHERTYPE_IPV4 = 0x0800;
  private static final int ETHERTYPE_IPV6 = 0x86DD;
  private static final int PROTO_TCP = 6;
  private static final int PROTO_UDP = 17;

  private final DnsPorts ports;
  private final SkipCounter skips;
  private final DnsEmitter emitter;
  private final PacketContext ctx = new PacketContext();
  private final FragmentReassembler fragments;
  private final TcpReassembler tcp;

  /**
   * @param options ports and bounds
   * @param skips receives what is skipped, with the frame number where it happened
   * @param sink receives each DNS message candidate, in capture order
   */
  public PacketDecoder(DecodeOptions options, SkipCounter skips, DnsPayloadSink sink) {
    this.ports = options.ports();
    this.skips = skips;
    this.emitter = new DnsEmitter(sink);
    this.fragments = new FragmentReassembler(options, skips, this);
    this.tcp = new TcpReassembler(options, skips, emitter);
  }

  /** Decodes one frame; the frame's buffer is read only during this call. */
  public void decode(RawFrame frame) {
    ByteBuffer b = frame.buffer;
    int p = frame.offset;
    int end = p + frame.capturedLength;
    long now = frame.timestampNanos;
    ctx.timestampNanos = now;
    ctx.frameNumber = frame.frameNumber;
    fragments.expire(now, frame.frameNumber);
    tcp.expire(now, frame.frameNumber);
    switch (frame.linkType) {
      case 1 -> ethernet(b, p, end);
      case 113 -> linuxCooked(b, p, end, 16, 14);
      case 276 -> linuxCooked(b, p, end, 20, 0);
      case 12, 14, 101 -> rawIp(b, p, end);
      case 228 -> ipv4(b, p, end);
      case 229 -> ipv6(b, p, end);
      case 0 -> bsdLoopback(b, p, end, false);
      case 108 -> bsdLoopback(b, p, end, true);
      default -> skips.count(WireSkip.LINK_UNSUPPORTED, frame.frameNumber);
    }
  }

  /**
   * End of input: flushes TCP streams (emitting what completes across their holes, counting
   * unfinished messages) and counts fragmented datagrams never completed.
   */
  public void finish() {
    tcp.finish(ctx.timestampNanos, ctx.frameNumber);
    fragments.finish(ctx.frameNumber);
  }

  /** DNS message candidates emitted so far. */
  public long messagesEmitted() {
    return emitter.emitted();
  }

  /** Bytes held by incomplete fragmented datagrams (for tests of the bound). */
  long fragmentBytesHeld() {
    return fragments.heldBytes();
  }

  /** TCP stream directions tracked (for tests of the bound). */
  int tcpStreamsTracked() {
    return tcp.size();
  }

  private void ethernet(ByteBuffer b, int p, int end) {
    if (end - p < 14) {
      skips.count(WireSkip.LINK_TRUNCATED, ctx.frameNumber);
      return;
    }
    int type = b.getShort(p + 12) & 0xFFFF;
    int q = p + 14;
    // 802.1Q, 802.1ad and the pre-standard QinQ types; each tag is 4 bytes, so this ends
    while (type == 0x8100 || type == 0x88A8 || type == 0x9100 || type == 0x9200) {
      if (end - q < 4) {
        skips.count(WireSkip.LINK_TRUNCATED, ctx.frameNumber);
        return;
      }
      type = b.getShort(q + 2) & 0xFFFF;
      q += 4;
    }
    network(type, b, q, end);
  }

  /** Linux cooked capture v1 or v2: a {@code header}-byte header with the EtherType at {@code protocolAt}. */
  private void linuxCooked(ByteBuffer b, int p, int end, int header, int protocolAt) {
    if (end - p < header) {
      skips.count(WireSkip.LINK_TRUNCATED, ctx.frameNumber);
      return;
    }
    network(b.getShort(p + protocolAt) & 0xFFFF, b, p + header, end);
  }

  private void network(int etherType, ByteBuffer b, int q, int end) {
    if (etherType == ETHERTYPE_IPV4) {
      ipv4(b, q, end);
    } else if (etherType == ETHERTYPE_IPV6) {
      ipv6(b, q, end);
    }
  }

  private void rawIp(ByteBuffer b, int p, int end) {
    if (end - p < 1) {
      skips.count(WireSkip.IP_TRUNCATED, ctx.frameNumber);
      return;
    }
    int version = (b.get(p) & 0xF0) >>> 4;
    if (version == 4) {
      ipv4(b, p, end);
    } else if (version == 6) {
      ipv6(b, p, end);
    } else {
      skips.count(WireSkip.IP_MALFORMED, ctx.frameNumber);
    }
  }

  /** BSD NULL (address family in the capturing host's order) or OpenBSD LOOP (network order). */
  private void bsdLoopback(ByteBuffer b, int p, int end, boolean networkOrder) {
    if (end - p < 4) {
      skips.count(WireSkip.LINK_TRUNCATED, ctx.frameNumber);
      return;
    }
    int family = b.getInt(p);
    if (!networkOrder && (family & 0xFFFF_0000) != 0) {
      // written little-endian by the capturing host; families are small numbers
      family = Integer.reverseBytes(family);
    }
    if (family == 2) {
      ipv4(b, p + 4, end);
    } else if (family == 24 || family == 28 || family == 30) {
      // AF_INET6 on NetBSD/OpenBSD, FreeBSD, macOS
      ipv6(b, p + 4, end);
    }
  }

  private void ipv4(ByteBuffer b, int p, int end) {
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

  private void ipv6(ByteBuffer b, int p, int end) {
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
    int payload = p + dataOffset;
    int captured = Math.max(0, capturedEnd - payload);
    tcp.segment(ctx, srcPort, dstPort, seq, ack, flags, b, payload, captured, wireLength - dataOffset);
  }
}
