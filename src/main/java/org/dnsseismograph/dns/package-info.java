/**
 * Decoding DNS messages. For bulk work, allocation-free scanners over a {@code ByteBuffer}: {@link
 * org.dnsseismograph.dns.DnsHeaderScanner} (header, first question, EDNS) and {@link
 * org.dnsseismograph.dns.ResponseSectionScanner} (what a response tells about the zones its server
 * serves), both returning a {@link org.dnsseismograph.dns.ScanResult} that is a counted skip reason
 * when the message is malformed. Names of rcodes and RR types: {@link
 * org.dnsseismograph.dns.RcodeNames}, {@link org.dnsseismograph.dns.QTypeNames}. For a person looking
 * at one message, {@link org.dnsseismograph.dns.DnsDecoder}, a dnsjava facade.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc1035">RFC 1035</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6891">RFC 6891</a>
 */
package org.dnsseismograph.dns;
