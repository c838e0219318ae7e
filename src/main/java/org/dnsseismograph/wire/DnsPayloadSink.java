package org.dnsseismograph.wire;

/** Receives DNS message candidates in capture order. */
@FunctionalInterface
public interface DnsPayloadSink {

  /** Called once per message; {@code payload} is a flyweight valid only during the call. */
  void onDnsPayload(DnsPayload payload);
}
