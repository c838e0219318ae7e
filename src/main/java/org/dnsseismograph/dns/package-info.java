/**
 * Decoding DNS messages: {@link org.dnsseismograph.dns.DnsHeaderScanner}, an allocation-free scanner
 * of the header, first question and EDNS for bulk work, and a dnsjava facade for the full decode of
 * one message that a person looks at.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc1035">RFC 1035</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6891">RFC 6891</a>
 */
package org.dnsseismograph.dns;
