/**
 * Analysis: DNS messages and transactions turned into metrics ({@link
 * org.dnsseismograph.analysis.MetricAggregator}) recorded into fixed-step tables for scripts
 * ({@link org.dnsseismograph.analysis.CaptureSeries}) or multi-resolution series for the window
 * ({@link org.dnsseismograph.analysis.CaptureLoader}), and the per-message dispatcher that feeds
 * the matcher, the aggregator and the transaction columns ({@link
 * org.dnsseismograph.analysis.MessageDispatcher}). Times are epoch nanoseconds, UTC.
 */
package org.dnsseismograph.analysis;
