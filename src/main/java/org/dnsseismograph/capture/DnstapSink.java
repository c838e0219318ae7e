package org.dnsseismograph.capture;

import org.dnsseismograph.wire.DnsPayload;

/** Receives each usable dnstap message, as a DNS payload and the dnstap fields around it. */
@FunctionalInterface
public interface DnstapSink {

  /**
   * Called once per message, in stream order. Both arguments are flyweights valid only during the
   * call; {@code payload} is what the packet path would have produced for the same message.
   */
  void onMessage(DnsPayload payload, DnstapMessage message);
}
