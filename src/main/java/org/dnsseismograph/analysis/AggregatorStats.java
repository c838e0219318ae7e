package org.dnsseismograph.analysis;

/**
 * What {@link MetricAggregator} had to leave out. Immutable.
 *
 * @param eventsOverLimit events dropped because they would have needed more buckets than the
 *     configured limit allows
 * @param lateLatencySamples answered queries whose latency arrived after their bucket was closed
 *     (input out of capture order by more than the latency horizon)
 */
public record AggregatorStats(long eventsOverLimit, long lateLatencySamples) {}
