package org.dnsseismograph.analysis;

import org.dnsseismograph.wire.IpAddress;

/**
 * One server's own dark span inside an {@link Outage}. Immutable. Times are epoch ns, UTC.
 *
 * @param server the authoritative server
 * @param startNanos its first unanswered query after its last answer
 * @param endNanos its first answer again, or {@link Outage#OPEN} when it never answered again
 * @param queries queries sent to it in its span
 * @param unanswered of those, never answered
 */
public record ServerSpan(IpAddress server, long startNanos, long endNanos, long queries, long unanswered) {}
