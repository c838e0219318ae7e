package org.dnsseismograph.wire;

import java.nio.ByteBuffer;

/**
 * One direction of a TCP connection on a DNS port: puts segments in sequence order (dropping
 * retransmitted and overlapping bytes, holding early segments up to a bound) and feeds the bytes
 * to its {@link DnsStreamFramer}. Bytes are given up as a hole when the other direction
 * acknowledges them without the capture having seen them (no retransmission will come), when the
 * held segments exceed the bound, or when the stream ends. A stream first seen after its SYN
 * starts by looking for a message start. After FIN or RST it stays as a closed marker, so late
 * retransmissions are not taken for a new stream. Messages carry the time of the frame being
 * decoded when they complete. Sequence numbers wrap at 2^32. Not thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9293">RFC 9293</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7766">RFC 7766</a>
 */
final class TcpStream {
  static final int FIN = 0x01;
  static final int SYN = 0x02;
  static final int RST = 0x04;
  static final int ACK = 0x10;

  final long srcHi;
  final long srcLo;
  final long dstHi;
  final long dstLo;
  final int srcPort;
  final int dstPort;
  /** Both ports in one int, source port high: the last part of the table key. */
  final int ports;
  /** {@link TcpStreamTable#hash} of the key. */
  final int hash;
  /** The reverse direction while both are in the table, else null (this stream itself if its key is its own reverse). */
  TcpStream peer;
  /** Number of this stream in the table's use order while it is in the table, else -1. */
  int id = -1;
  /** Capture time of this direction's last segment, for the idle timeout. */
  long lastSeen;
  /** Time and number of the frame being decoded: what emitted messages carry. */
  long emitTime;
  long emitFrame;
  private final long maxBuffered;
  private final DnsStreamFramer framer;
  private final OutOfOrderSegments early = new OutOfOrderSegments();
  private boolean open = true;
  private boolean started;
  private boolean synSeen;
  private int initialSeq;
  private int nextSeq;
  /** One past the highest sequence number this direction has shown (data, FIN or bare ACK). */
  private int highestSeq;
  private boolean finSeen;
  private int finSeq;

  TcpStream(long srcHi, long srcLo, long dstHi, long dstLo, int srcPort, int dstPort, DecodeOptions options,
      SkipCounter skips, DnsEmitter emitter) {
    this.srcHi = srcHi;
    this.srcLo = srcLo;
    this.dstHi = dstHi;
    this.dstLo = dstLo;
    this.srcPort = srcPort;
    this.dstPort = dstPort;
    this.ports = ports(srcPort, dstPort);
    this.hash = TcpStreamTable.hash(srcHi, srcLo, dstHi, dstLo, ports);
    this.maxBuffered = options.maxTcpBufferedBytesPerFlow();
    this.framer = new DnsStreamFramer(this, skips, emitter);
  }

  /** The two 16-bit ports of a direction as one key part. */
  static int ports(int srcPort, int dstPort) {
    return (srcPort << 16) | dstPort;
  }

  boolean isOpen() {
    return open;
  }

  /** One segment of this direction; {@code captured} of its {@code wireLength} payload bytes are at {@code index}. */
  void segment(long timestamp, long frameNumber, int seq, int flags, ByteBuffer b, int index, int captured, int wireLength) {
    lastSeen = timestamp;
    emitTime = timestamp;
    emitFrame = frameNumber;
    int dataSeq = seq;
    if ((flags & SYN) != 0) {
      if (!synSeen || seq != initialSeq) {
        restart(seq);
      }
      dataSeq = seq + 1;
    }
    if (!open) {
      return;
    }
    if (!started) {
      started = true;
      nextSeq = dataSeq;
      highestSeq = dataSeq;
      framer.seekMessageStart();
    }
    if (dataSeq + wireLength - highestSeq > 0) {
      highestSeq = dataSeq + wireLength;
    }
    if (wireLength > 0) {
      data(dataSeq, b, index, captured, wireLength);
    }
    if ((flags & FIN) != 0 && !finSeen) {
      finSeen = true;
      finSeq = dataSeq + wireLength;
    }
    closeAtFin();
  }

  private void closeAtFin() {
    if (open && finSeen && nextSeq == finSeq) {
      close(emitTime, emitFrame);
    }
  }

  /**
   * The other direction acknowledged everything before {@code ack}: bytes of this direction
   * before it that the capture has not shown will never come. An acknowledgement beyond what this
   * direction has shown is believed only up to that (a damaged ACK must not skip real data).
   */
  void acknowledged(int acknowledged, long timestamp, long frameNumber) {
    int ack = acknowledged - highestSeq > 0 ? highestSeq : acknowledged;
    if (!open || !started || ack - nextSeq <= 0) {
      return;
    }
    emitTime = timestamp;
    emitFrame = frameNumber;
    while (ack - nextSeq > 0) {
      int limit = !early.isEmpty() && early.first().seq() - ack < 0 ? early.first().seq() : ack;
      if (finSeen && limit - finSeq > 0) {
        // the FIN takes one sequence number but no byte
        limit = finSeq;
      }
      int gap = limit - nextSeq;
      if (gap <= 0) {
        break;
      }
      framer.hole(gap);
      nextSeq = limit;
      drainEarly();
    }
    closeAtFin();
  }

  /** A new connection on this direction (a SYN with a new initial sequence number). */
  private void restart(int seq) {
    if (open && started) {
      close(emitTime, emitFrame);
    }
    open = true;
    started = true;
    synSeen = true;
    initialSeq = seq;
    nextSeq = seq + 1;
    highestSeq = nextSeq;
    finSeen = false;
    framer.startAligned();
  }

  private void data(int seq, ByteBuffer b, int index, int captured, int wireLength) {
    int ahead = seq - nextSeq;
    if (ahead > 0) {
      early.add(nextSeq, seq, b, index, Math.min(captured, wireLength), wireLength);
      while (!early.isEmpty() && early.cost() + framer.heldLength() > maxBuffered) {
        skipToEarly();
      }
      return;
    }
    if (ahead < 0) {
      // a retransmission, or a segment overlapping bytes already taken: keep only the new bytes
      if (wireLength <= -ahead) {
        return;
      }
      int k = -ahead;
      take(b, index + k, Math.max(0, captured - k), wireLength - k);
    } else {
      take(b, index, captured, wireLength);
    }
    drainEarly();
  }

  private void take(ByteBuffer b, int index, int captured, int wireLength) {
    int have = Math.min(captured, wireLength);
    if (have > 0) {
      framer.accept(b, index, have);
    }
    framer.hole(wireLength - have);
    nextSeq += wireLength;
  }

  /** Takes held segments that now continue the stream. */
  private void drainEarly() {
    while (!early.isEmpty() && early.first().seq() - nextSeq <= 0) {
      OutOfOrderSegments.Segment s = early.removeFirst();
      int behind = nextSeq - s.seq();
      if (s.wireLength() > behind) {
        take(s.buffer(), behind, Math.max(0, s.data().length - behind), s.wireLength() - behind);
      }
    }
  }

  /** Gives up on the bytes before the first held segment: a hole. */
  private void skipToEarly() {
    int gap = early.first().seq() - nextSeq;
    framer.hole(gap);
    nextSeq += gap;
    drainEarly();
  }

  /**
   * FIN, RST, eviction or end of input: flushes held segments across their holes and counts what
   * is unfinished; messages completed now carry the given frame's time.
   */
  void close(long timestamp, long frameNumber) {
    if (!open) {
      return;
    }
    emitTime = timestamp;
    emitFrame = frameNumber;
    while (!early.isEmpty()) {
      skipToEarly();
    }
    framer.end();
    early.clear();
    open = false;
  }

  void emit(DnsEmitter emitter, ByteBuffer b, int index, int length) {
    emitter.emit(Transport.TCP, emitTime, emitFrame, srcHi, srcLo, dstHi, dstLo, srcPort, dstPort,
        b, index, length, length);
  }
}
