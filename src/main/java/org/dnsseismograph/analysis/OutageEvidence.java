package org.dnsseismograph.analysis;

import java.util.List;
import org.dnsseismograph.wire.IpAddress;

/**
 * Why an {@link Outage} is suspected. Immutable. Times are epoch ns, UTC.
 *
 * @param zones every zone (absolute names) the dark servers are known to serve together
 * @param zoneServers the servers of the outage's zone that received queries in the capture (the
 *     dark ones and any that kept answering)
 * @param perServer each dark server's own span
 * @param queries queries sent to the dark servers in their spans
 * @param answered of those, answered anyway
 * @param baselineAnswerRatio the dark servers' answer ratio outside their spans; NaN without
 *     queries outside
 * @param lastAnswerBeforeNanos the last answer from them before the outage, or {@code
 *     Long.MIN_VALUE} when they had not answered since the capture began
 * @param lastUnansweredNanos the last query to them before the outage's end that went unanswered
 *     (the servers came back between it and the end; a long gap means the resolvers stopped
 *     asking), or {@code Long.MIN_VALUE} when not known
 * @param client what the clients saw
 * @param clientSpike the client query spike that came with the outage, or null
 * @param otherSpikes other client-side spikes during the outage (retries, SERVFAIL, unanswered)
 * @param failingSuffixes for an outage inferred from clients only: the failing names' parents with
 *     their failures, most first; empty otherwise
 */
public record OutageEvidence(List<String> zones, List<IpAddress> zoneServers, List<ServerSpan> perServer, long queries, long answered,
    double baselineAnswerRatio, long lastAnswerBeforeNanos, long lastUnansweredNanos, ClientImpact client, Spike clientSpike, List<Spike> otherSpikes,
    List<SuffixFailures> failingSuffixes) {
  public OutageEvidence {
    zones = List.copyOf(zones);
    zoneServers = List.copyOf(zoneServers);
    perServer = List.copyOf(perServer);
    otherSpikes = List.copyOf(otherSpikes);
    failingSuffixes = List.copyOf(failingSuffixes);
  }
}
