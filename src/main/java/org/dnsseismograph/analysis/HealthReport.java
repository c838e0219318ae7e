package org.dnsseismograph.analysis;

import java.util.List;
import org.dnsseismograph.traffic.ResolverRole;

/**
 * What {@code seismograph detect} finds in captures: the resolvers, suspected authoritative
 * outages, and spikes. Immutable. Times are epoch ns, UTC.
 *
 * @param resolvers the resolvers the client and upstream sides were told by
 * @param outages suspected outages, by start
 * @param spikes spikes of the client and upstream metrics, by start
 * @param captureStartNanos the first DNS message or skip, or 0 for an empty capture
 * @param captureEndNanos the last one, or 0
 * @param gridStepNanos the bucket width of the counts the spikes and the clients' rates were read
 *     from: 100 ms, or for captures too long for that the coarser step {@link CaptureDetect} chose
 */
public record HealthReport(List<ResolverRole> resolvers, List<Outage> outages, List<Spike> spikes, long captureStartNanos, long captureEndNanos,
    long gridStepNanos) {
  public HealthReport {
    resolvers = List.copyOf(resolvers);
    outages = List.copyOf(outages);
    spikes = List.copyOf(spikes);
  }
}
