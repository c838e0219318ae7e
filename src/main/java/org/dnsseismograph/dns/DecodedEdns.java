package org.dnsseismograph.dns;

import java.util.List;

/**
 * The EDNS OPT record of a decoded message, as values and text for display. Immutable.
 *
 * @param version the EDNS version
 * @param udpPayloadSize the requestor's UDP payload size, bytes
 * @param dnssecOk the DO bit
 * @param extendedRcode the upper 8 bits of the rcode
 * @param options each option as dnsjava prints it, e.g. {@code NSID: ...}
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6891#section-6.1">RFC 6891 §6.1</a>
 */
public record DecodedEdns(int version, int udpPayloadSize, boolean dnssecOk, int extendedRcode, List<String> options) {

  public DecodedEdns {
    options = List.copyOf(options);
  }
}
