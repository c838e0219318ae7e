package org.dnsseismograph.wire;

import java.util.ArrayList;
import java.util.List;

/** A sink that keeps a copy of every payload it is offered, for assertions. */
final class Collected implements DnsPayloadSink {
  /** One payload as copied out of the flyweight. */
  record Message(long timestampNanos, long frameNumber, Transport transport, IpAddress source, IpAddress destination,
      int srcPort, int dstPort, byte[] bytes, int originalLength) {
    String text() {
      return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
  }

  final List<Message> messages = new ArrayList<>();

  @Override
  public void onDnsPayload(DnsPayload p) {
    messages.add(new Message(p.timestampNanos, p.frameNumber, p.transport, p.source(), p.destination(), p.srcPort,
        p.dstPort, p.copyBytes(), p.originalLength));
  }

  List<String> texts() {
    return messages.stream().map(Message::text).toList();
  }

  List<Long> frames() {
    return messages.stream().map(Message::frameNumber).toList();
  }
}
