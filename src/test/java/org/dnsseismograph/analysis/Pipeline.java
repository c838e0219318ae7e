package org.dnsseismograph.analysis;

import org.dnsseismograph.dns.ScanResult;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SeriesTable;
import org.dnsseismograph.traffic.CraftedMessage;
import org.dnsseismograph.traffic.MatcherConfig;
import org.dnsseismograph.traffic.TransactionColumns;

/** A dispatcher, matcher and aggregator wired as the lead will wire them, fed crafted messages. */
final class Pipeline {
  static final long MS = 1_000_000L;
  static final long S = 1_000_000_000L;
  /** 2010-02-01T20:49:10.000Z. */
  static final long T0 = 1_265_057_350L * S;

  final MetricAggregator aggregator;
  final MessageDispatcher dispatcher;
  final TransactionColumns columns;

  Pipeline(AggregatorConfig config) {
    this(config, MatcherConfig.defaults(), false);
  }

  Pipeline(AggregatorConfig config, MatcherConfig matcher, boolean withColumns) {
    aggregator = new MetricAggregator(config, Rcodes::name, Rcodes::number);
    columns = withColumns ? new TransactionColumns(matcher.timeoutNanos()) : null;
    dispatcher = new MessageDispatcher(matcher, aggregator, columns);
  }

  static Pipeline step(long stepNanos) {
    return new Pipeline(AggregatorConfig.of(stepNanos));
  }

  /** A query from client 192.0.2.10 port 40000+id to 198.51.100.1. */
  Pipeline query(long t, int id) {
    return offer(CraftedMessage.query(t, "192.0.2.10", 40000 + id, "198.51.100.1", 53, id, "q" + id + ".example", 1));
  }

  /** The response to {@link #query}. */
  Pipeline response(long t, int id, int rcode) {
    return offer(CraftedMessage.response(t, "198.51.100.1", 53, "192.0.2.10", 40000 + id, id, "q" + id + ".example", 1, rcode));
  }

  Pipeline offer(CraftedMessage m) {
    dispatcher.onMessage(m.payload, m.view, ScanResult.OK);
    return this;
  }

  Pipeline offer(CraftedMessage m, ScanResult result) {
    dispatcher.onMessage(m.payload, m.view, result);
    return this;
  }

  Pipeline finish() {
    dispatcher.finish();
    return this;
  }

  SeriesTable table(String... metrics) {
    return aggregator.table(aggregator.resolve(java.util.List.of(metrics)));
  }

  static double[] column(SeriesTable t, String metric) {
    return t.columnValues(t.indexOf(MetricId.of(metric)));
  }
}
