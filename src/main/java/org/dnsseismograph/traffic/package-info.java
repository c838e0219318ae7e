/**
 * Traffic: DNS queries matched to their responses ({@link
 * org.dnsseismograph.traffic.QueryResponseMatcher}) into transactions, and the compact columnar
 * record of those transactions that answers the UI's "what was in this window" questions ({@link
 * org.dnsseismograph.traffic.TransactionColumns}). Times are epoch nanoseconds, UTC, as captured.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc1035#section-7.3">RFC 1035 §7.3 (matching
 *     responses to queries)</a>
 */
package org.dnsseismograph.traffic;
