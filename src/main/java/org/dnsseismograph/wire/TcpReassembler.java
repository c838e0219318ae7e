package org.dnsseismograph.wire;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

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
  private final LinkedHashMap<AddressKey, TcpStream> streams = new LinkedHashMap<>(256, 0.75f, true);
  private final AddressKey probe = new AddressKey();
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

  /** One segment of the packet described by {@code ctx}. */
  void segment(PacketContext ctx, int srcPort, int dstPort, int seq, int ack, int flags, ByteBuffer b, int index,
      int captured, int wireLength) {
    long now = ctx.timestampNanos;
    long frame = ctx.frameNumber;
    probe.set(ctx.srcHi, ctx.srcLo, ctx.dstHi, ctx.dstLo, ((long) srcPort << 16) | dstPort);
    TcpStream s = streams.get(probe);
    if ((flags & TcpStream.RST) != 0) {
      if (s != null) {
        s.close(now, frame);
      }
      TcpStream reverse = reverse(ctx, srcPort, dstPort);
      if (reverse != null) {
        reverse.close(now, frame);
      }
      return;
    }
    if (s == null && (wireLength > 0 || (flags & TcpStream.SYN) != 0)) {
      s = create(srcPort, dstPort, now, frame);
    }
    if (s != null) {
      s.segment(now, frame, seq, flags, b, index, captured, wireLength);
    }
    if ((flags & TcpStream.ACK) != 0) {
      TcpStream reverse = reverse(ctx, srcPort, dstPort);
      if (reverse != null) {
        reverse.acknowledged(ack, now, frame);
      }
    }
  }

  private TcpStream reverse(PacketContext ctx, int srcPort, int dstPort) {
    return streams.get(probe.set(ctx.dstHi, ctx.dstLo, ctx.srcHi, ctx.srcLo, ((long) dstPort << 16) | srcPort));
  }

  private TcpStream create(int srcPort, int dstPort, long now, long frameNumber) {
    if (streams.size() >= options.maxTcpFlows()) {
      Iterator<TcpStream> it = streams.values().iterator();
      TcpStream eldest = it.next();
      it.remove();
      if (eldest.isOpen()) {
        skips.count(WireSkip.TCP_FLOW_EVICTED, frameNumber);
        eldest.close(now, frameNumber);
      }
    }
    AddressKey key = probe.copy();
    TcpStream s = new TcpStream(key, srcPort, dstPort, options, skips, emitter);
    streams.put(key, s);
    return s;
  }

  /** Closes directions idle for longer than the timeout; looks at the table at most a few times per timeout. */
  void expire(long now, long frameNumber) {
    if (now < nextIdleCheck || streams.isEmpty()) {
      return;
    }
    nextIdleCheck = now + idle / 8;
    Iterator<Map.Entry<AddressKey, TcpStream>> it = streams.entrySet().iterator();
    while (it.hasNext()) {
      TcpStream s = it.next().getValue();
      if (now - s.lastSeen <= idle) {
        // least recently used first: the rest were seen later
        break;
      }
      it.remove();
      s.close(now, frameNumber);
    }
  }

  /** End of input: closes every direction (flushing held segments, counting unfinished messages). */
  void finish(long now, long frameNumber) {
    for (TcpStream s : streams.values()) {
      s.close(now, frameNumber);
    }
    streams.clear();
  }

  /** Directions currently tracked (open or closed markers), for tests of the bound. */
  int size() {
    return streams.size();
  }
}
