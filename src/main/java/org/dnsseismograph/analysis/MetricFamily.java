package org.dnsseismograph.analysis;

import java.util.List;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.Unit;

/**
 * A group of metrics under one name prefix (for example {@code dns.*} or {@code
 * upstream.server.<ADDR>.*}) that {@link MetricAggregator} feeds with every event. A family records
 * into the aggregator's {@link MetricSink} through recorders it asks for when a metric first
 * appears; new families (per role, per server, per zone) are added by registering one, without
 * touching the others. Confined to the aggregating thread.
 */
interface MetricFamily extends TrafficObserver {

  /** Human patterns of the names this family answers, for error messages ({@code dns.rcode.<NAME>}). */
  List<String> patterns();

  /**
   * The canonical id of {@code name} when this family owns it, else null.
   *
   * @throws IllegalArgumentException when the name is in this family's namespace but malformed
   *     (an unknown rcode name, say), with a message that says why
   */
  MetricId resolve(String name);

  /** The unit of one of this family's metrics. */
  Unit unit(MetricId id);

  /** The metrics this family can report now, in display order (rcodes, servers only when seen). */
  List<MetricId> present();
}
