package org.dnsseismograph.analysis;

import org.dnsseismograph.series.MetricId;

/**
 * What one source shows at a common moment: the series that changed most there, when, and from
 * what level to what. Times are epoch ns, UTC. Immutable.
 *
 * @param source the source's name
 * @param series the series that changed
 * @param changeNanos where the change lies (the boundary between the before and after levels)
 * @param before the mean level just before
 * @param after the mean level just after
 * @param score the size of the change in units of the series' ordinary step-to-step noise
 * @param resolutionNanos the series' interval: the change is known only to within it
 */
public record CommonMomentEvidence(String source, MetricId series, long changeNanos, double before, double after, double score,
    long resolutionNanos) {}
