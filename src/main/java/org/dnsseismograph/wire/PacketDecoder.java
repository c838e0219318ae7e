package org.dnsseismograph.wire;

import java.nio.ByteBuffer;

/**
 * Decodes captured frames down to DNS message candidates: the link layer here ({@link LinkType}:
 * Ethernet with VLAN tags, Linux cooked v1/v2, raw IP, BSD loopback), then IPv4 and IPv6 ({@link
 * IpDecoder}), fragment reassembly ({@link FragmentReassembler}), UDP, and TCP stream reassembly
 * with RFC 7766 framing ({@link TcpReassembler}). A UDP datagram or framed TCP message is offered
 * to the sink when either port is a DNS port; it carries the timestamp of the frame that completed
 * it.
 *
 * <p>The common Ethernet/IP/UDP frame takes {@link UdpFastPath}; the rest comes here. The UDP path allocates nothing: it reads the frame with absolute gets and reuses one {@link
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
public final class PacketDecoder {
  private static final int ETHERTYPE_IPV4 = 0x0800;
  private static final int ETHERTYPE_IPV6 = 0x86DD;

  private final SkipCounter skips;
  private final DnsEmitter emitter;
  private final PacketContext ctx = new PacketContext();
  private final TcpReassembler tcp;
  private final IpDecoder ip;
  private final FragmentReassembler fragments;
  private final UdpFastPath fast;

  /**
   * @param options ports and bounds
   * @param skips receives what is skipped, with the frame number where it happened
   * @param sink receives each DNS message candidate, in capture order
   */
  public PacketDecoder(DecodeOptions options, SkipCounter skips, DnsPayloadSink sink) {
    this.skips = skips;
    this.emitter = new DnsEmitter(sink);
    this.tcp = new TcpReassembler(options, skips, emitter);
    this.ip = new IpDecoder(options, skips, emitter, ctx, tcp);
    this.fragments = ip.fragments();
    this.fast = new UdpFastPath(options.ports(), emitter);
  }

  /** Decodes one frame; the frame's buffer is read only during this call. */
  public void decode(RawFrame frame) {
    ByteBuffer b = frame.buffer;
    int p = frame.offset;
    int end = p + frame.capturedLength;
    long now = frame.timestampNanos;
    ctx.timestampNanos = now;
    ctx.frameNumber = frame.frameNumber;
    emitter.file = frame.file;
    skips.at(now);
    fragments.expire(now, frame.frameNumber);
    tcp.expire(now, frame.frameNumber);
    switch (frame.linkType) {
      case 1 -> {
        if (!fast.ethernet(b, p, end, now, frame.frameNumber)) {
          ethernet(b, p, end);
        }
      }
      case 113 -> linuxCooked(b, p, end, 16, 14);
      case 276 -> linuxCooked(b, p, end, 20, 0);
      case 12, 14, 101 -> rawIp(b, p, end);
      case 228 -> ip.ipv4(b, p, end);
      case 229 -> ip.ipv6(b, p, end);
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
      ip.ipv4(b, q, end);
    } else if (etherType == ETHERTYPE_IPV6) {
      ip.ipv6(b, q, end);
    }
  }

  private void rawIp(ByteBuffer b, int p, int end) {
    if (end - p < 1) {
      skips.count(WireSkip.IP_TRUNCATED, ctx.frameNumber);
      return;
    }
    int version = (b.get(p) & 0xF0) >>> 4;
    if (version == 4) {
      ip.ipv4(b, p, end);
    } else if (version == 6) {
      ip.ipv6(b, p, end);
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
      ip.ipv4(b, p + 4, end);
    } else if (family == 24 || family == 28 || family == 30) {
      // AF_INET6 on NetBSD/OpenBSD, FreeBSD, macOS
      ip.ipv6(b, p + 4, end);
    }
  }
}
