package org.dnsseismograph.dns;

import java.util.List;

/**
 * The header of a decoded DNS message, as text for display. Immutable.
 *
 * @param id the message id, 0 to 65535
 * @param response the QR bit
 * @param opcode the opcode's name, e.g. QUERY, NOTIFY, UPDATE
 * @param rcode the rcode's name ({@link RcodeNames}), extended by the OPT record when there is one
 * @param flags the flags that are set, lower case, in header order: qr aa tc rd ra ad cd
 * @param questions the header's question count (of zone records for UPDATE)
 * @param answers the header's answer count
 * @param authority the header's authority count
 * @param additional the header's additional count
 * @see <a href="https://www.rfc-editor.org/rfc/rfc1035#section-4.1.1">RFC 1035 §4.1.1</a>
 */
public record DecodedHeader(
    int id,
    boolean response,
    String opcode,
    String rcode,
    List<String> flags,
    int questions,
    int answers,
    int authority,
    int additional) {

  public DecodedHeader {
    flags = List.copyOf(flags);
  }
}
