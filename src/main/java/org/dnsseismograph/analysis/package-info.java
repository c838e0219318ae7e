/**
 * Analysis: DNS messages and transactions turned into metrics ({@link
 * org.dnsseismograph.analysis.MetricAggregator}: {@code dns.*}, and per side of the resolvers
 * {@code client.*}, {@code upstream.*}, per server and per zone) recorded into fixed-step tables
 * for scripts ({@link org.dnsseismograph.analysis.CaptureSeries}) or multi-resolution series for
 * the window ({@link org.dnsseismograph.analysis.CaptureLoader}); and the detectors that read them:
 * spikes and suspected authoritative outages ({@link org.dnsseismograph.analysis.CaptureDetect},
 * {@link org.dnsseismograph.analysis.HealthReport}). Times are epoch nanoseconds, UTC.
 */
package org.dnsseismograph.analysis;
