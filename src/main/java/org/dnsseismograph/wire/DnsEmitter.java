package org.dnsseismograph.wire;

import java.nio.ByteBuffer;

/**
 * Fills the one {@link DnsPayload} flyweight and hands it to the sink; counts what it emitted.
 * Not thread-safe.
 */
final class DnsEmitter {
  private final DnsPayload payload = new DnsPayload();
  private final DnsPayloadSink sink;
  private long emitted;
  /** The file of the frame being decoded, given to every payload it completes. */
  int file;

  DnsEmitter(DnsPayloadSink sink) {
    this.sink = sink;
  }

  void emit(Transport transport, long timestamp, long frameNumber, long srcHi, long srcLo, long dstHi, long dstLo,
      int srcPort, int dstPort, ByteBuffer buffer, int offset, int length, int originalLength) {
    DnsPayload p = payload;
    p.timestampNanos = timestamp;
    p.frameNumber = frameNumber;
    p.file = file;
    // Reference fields are stored only when they change: each store costs a GC write barrier.
    if (p.transport != transport) {
      p.transport = transport;
    }
    p.srcHi = srcHi;
    p.srcLo = srcLo;
    p.dstHi = dstHi;
    p.dstLo = dstLo;
    p.srcPort = srcPort;
    p.dstPort = dstPort;
    if (p.buffer != buffer) {
      p.buffer = buffer;
    }
    p.offset = offset;
    p.length = length;
    p.originalLength = originalLength;
    emitted++;
    sink.onDnsPayload(p);
  }

  long emitted() {
    return emitted;
  }
}
