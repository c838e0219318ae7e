package org.dnsseismograph.dns;

/**
 * One question or resource record of a decoded message, as text fields for display, in the order of
 * a zone file line. Immutable.
 *
 * @param owner the owner name, absolute with its final dot, as dnsjava prints it
 * @param ttl the TTL in seconds; empty for a question and for the OPT pseudo-record
 * @param dnsClass the class, e.g. IN, CH; for the OPT pseudo-record, {@code udp=<payload size>}
 * @param type the type ({@link QTypeNames})
 * @param data the record data in presentation format; empty for a question
 * @see <a href="https://www.rfc-editor.org/rfc/rfc1035#section-5.1">RFC 1035 §5.1</a>
 */
public record DecodedRecord(String owner, String ttl, String dnsClass, String type, String data) {}
