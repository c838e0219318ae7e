package org.dnsseismograph.analysis;

import org.dnsseismograph.traffic.Side;
import org.dnsseismograph.traffic.Transaction;

/**
 * Hears every DNS message, transaction and skip the aggregator sees, after their side is known:
 * metric families, and the streaming parts of the detectors. Confined to the aggregating thread.
 */
interface TrafficObserver {

  /**
   * The only side whose messages and transactions this observer cares about, or null for all: the
   * aggregator then calls it for that side only (a call per observer and event adds up).
   */
  default Side side() {
    return null;
  }

  /** False when {@link #onMessage} does nothing (it is then not called). */
  default boolean hearsMessages() {
    return true;
  }

  /** False when {@link #onTransaction} does nothing (it is then not called). */
  default boolean hearsTransactions() {
    return true;
  }

  /** One DNS message at its capture time, its {@link MessageFacts#side} filled in. */
  default void onMessage(MessageFacts m) {}

  /** One closed transaction and the side it belongs to. */
  default void onTransaction(Transaction t, Side side) {}

  /** One thing a reader skipped, at its capture time. */
  default void onSkipped(long timeNanos) {}

  /** End of input, after the matcher closed every pending query. */
  default void finish() {}
}
