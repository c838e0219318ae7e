package org.dnsseismograph.wire;

import java.nio.ByteBuffer;

/**
 * Tracks the TCP stream directions on DNS ports and hands their segments to {@link TcpStream}.
 * The table is bounded: beyond {@link DecodeOptions#maxTcpFlows()} the least recently used
 * direction is dropped (counted when it was still open), and directions silent for {@link
 * DecodeOptions#tcpIdleTimeoutNanos()} of capture time are closed. RST closes both directions; an
 * ACK tells the other direction which bytes were sent.
 * Not thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7766">RFC 7766</a>
 */
final class TcpReassembler {
  private final TcpStreamTable streams = new TcpStreamTable();
  private final DecodeOptions options;
  private final SkipCounter skips;
  private final DnsEmitter emitter;
  private final long idle;
  private long nextIdleCheck = Long.MIN_VALUE;

  TcpReassembler(DecodeOptions options, SkipCounter skips, DnsEmitter emitter) {
    this.options = options;
    this.skips = skips;
    this.emitter = emitter;
    this.idle = options.tcpIdleTimeoutNanos();
  }

  /**
   * One segment of the packet described by {@code ctx}. Each direction looked at becomes the most
   * recently used, this one first, then the reverse one (RST, ACK).
   */
  void segment(PacketContext ctx, int srcPort, int dstPort, int seq, int ack, int flags, ByteBuffer b, int index,
      int captured, int wireLength) {
    long now = ctx.timestampNanos;
    long frame = ctx.frameNumber;
    TcpStream s = streams.find(ctx.srcHi, ctx.srcLo, ctx.dstHi, ctx.dstLo, TcpStream.ports(srcPort, dstPort));
    if (s != null) {
      streams.touch(s);
    }
    if ((flags & TcpStream.RST) != 0) {
      if (s != null) {
        s.close(now, frame);
      }
      TcpStream reverse = reverse(s, ctx, srcPort, dstPort);
      if (reverse != null) {
        reverse.close(now, frame);
      }
      return;
    }
    if (s == null && (wireLength > 0 || (flags & TcpStream.SYN) != 0)) {
      s = create(ctx, srcPort, dstPort, now, frame);
    }
    if (s != null) {
      s.segment(now, frame, seq, flags, b, index, captured, wireLength);
    }
    if ((flags & TcpStream.ACK) != 0) {
      TcpStream reverse = reverse(s, ctx, srcPort, dstPort);
      if (reverse != null) {
        reverse.acknowledged(ack, now, frame);
      }
    }
  }

  /** The reverse of the direction {@code s} (null when not tracked), made the most recently used; null if not tracked. */
  private TcpStream reverse(TcpStream s, PacketContext ctx, int srcPort, int dstPort) {
    TcpStream r = s != null ? s.peer
        : streams.find(ctx.dstHi, ctx.dstLo, ctx.srcHi, ctx.srcLo, TcpStream.ports(dstPort, srcPort));
    if (r != null) {
      streams.touch(r);
    }
    return r;
  }

  private TcpStream create(PacketContext ctx, int srcPort, int dstPort, long now, long frameNumber) {
    if (streams.size() >= options.maxTcpFlows()) {
      TcpStream eldest = streams.eldest();
      streams.remove(eldest);
      if (eldest.isOpen()) {
        skips.count(WireSkip.TCP_FLOW_EVICTED, frameNumber);
        eldest.close(now, frameNumber);
      }
    }
    TcpStream s = new TcpStream(ctx.srcHi, ctx.srcLo, ctx.dstHi, ctx.dstLo, srcPort, dstPort, options, skips, emitter);
    streams.add(s);
    return s;
  }

  /** Closes directions idle for longer than the timeout; looks at the table at most a few times per timeout. */
  void expire(long now, long frameNumber) {
    if (now < nextIdleCheck || streams.size() == 0) {
      return;
    }
    nextIdleCheck = now + idle / 8;
    TcpStream s;
    // least recently used first: the rest were seen later
    while ((s = streams.eldest()) != null && now - s.lastSeen > idle) {
      streams.remove(s);
      s.close(now, frameNumber);
    }
  }

  /** End of input: closes every direction (flushing held segments, counting unfinished messages), least recently used first. */
  void finish(long now, long frameNumber) {
    for (TcpStream s = streams.eldest(); s != null; s = streams.newer(s)) {
      s.close(now, frameNumber);
    }
    streams.clear();
  }

  /** Directions currently tracked (open or closed markers), for tests of the bound. */
  int size() {
    return streams.size();
  }
}
