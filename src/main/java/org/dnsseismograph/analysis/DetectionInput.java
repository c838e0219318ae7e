package org.dnsseismograph.analysis;

import java.util.List;
import org.dnsseismograph.traffic.ResolverRole;

/**
 * Everything the detectors read once a capture has been through the pipeline. Not thread-safe
 * (the zone map and tracker are the pipeline's own); used on the thread that ran it.
 *
 * @param grid counts of the client, upstream and dns metrics, in buckets of the grid step (100 ms, coarser for
 *     long captures)
 * @param tracker the per-server dark spans and totals
 * @param zones the zones learned, and their servers
 * @param failures the clients' failures by name
 * @param resolvers the resolvers
 * @param captureStartNanos the first message or skip
 * @param captureEndNanos the last one
 */
record DetectionInput(CountGrid grid, DarkServerTracker tracker, ZoneMap zones, FailureLog failures, List<ResolverRole> resolvers,
    long captureStartNanos, long captureEndNanos) {}
