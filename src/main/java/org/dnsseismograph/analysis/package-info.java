/**
 * Analysis: DNS messages and transactions turned into metrics on UTC-aligned buckets ({@link
 * org.dnsseismograph.analysis.MetricAggregator}), and the per-message dispatcher that feeds the
 * matcher, the aggregator and the transaction columns ({@link
 * org.dnsseismograph.analysis.MessageDispatcher}). Times are epoch nanoseconds, UTC.
 */
package org.dnsseismograph.analysis;
