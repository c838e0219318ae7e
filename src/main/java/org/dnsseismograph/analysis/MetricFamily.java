package org.dnsseismograph.analysis;

import java.util.List;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.Unit;
import org.dnsseismograph.traffic.Transaction;

/**
 * A group of metrics under one name prefix (for example {@code dns.*}) that {@link
 * MetricAggregator} feeds with every event. A family owns its columns on the aggregator's shared
 * {@link BucketAxis}; new families (per role, per server, per zone) are added by registering one,
 * without touching the others. Confined to the aggregating thread.
 */
interface MetricFamily {

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

  /** The metrics this family can report now, in display order (rcodes only when seen). */
  List<MetricId> present();

  default void onMessage(MessageFacts m) {}

  default void onTransaction(Transaction t) {}

  default void onSkipped(long timeNanos) {}

  /** End of input: close whatever is still open. */
  default void finish() {}

  /** Fills {@code out[i]} with the value of {@code id} in bucket {@code firstBucket + i}. */
  void fill(MetricId id, long firstBucket, double[] out);
}
