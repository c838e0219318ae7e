package org.dnsseismograph.dns;

import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Message;

/**
 * One DNS message as {@link DnsDecoder} decoded it, for a person to read (the UI's packet details):
 * header, EDNS, and every section with its records as text. When the message is malformed, {@link
 * #error()} says why and the rest holds what could be read before the problem. Immutable, except for
 * the dnsjava {@link Message}, which callers must not modify.
 *
 * @param header the header; empty only when the message is shorter than 12 bytes
 * @param edns the first OPT record of the additional section, when one was read
 * @param sections the sections in message order (question, answer, authority, additional; zone,
 *     prerequisite, update, additional for UPDATE), each with the records read
 * @param error why the message is malformed, in dnsjava's words; empty when it decoded completely
 * @param message dnsjava's message, present exactly when the message decoded completely
 * @see <a href="https://www.rfc-editor.org/rfc/rfc1035#section-4.1">RFC 1035 §4.1</a>
 */
public record DecodedMessage(
    Optional<DecodedHeader> header,
    Optional<DecodedEdns> edns,
    List<DecodedSection> sections,
    Optional<String> error,
    Optional<Message> message) {

  public DecodedMessage {
    sections = List.copyOf(sections);
  }

  /** True when the whole message decoded. */
  public boolean complete() {
    return error.isEmpty();
  }
}
