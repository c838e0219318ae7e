package org.dnsseismograph.traffic;

/**
 * Receives closed transactions from {@link QueryResponseMatcher}, in the order they close (not in
 * query-time order: an unanswered query closes a timeout after it was sent).
 */
@FunctionalInterface
public interface TransactionSink {

  /**
   * Called once per transaction; {@code t} is a flyweight valid only during the call. Must not call
   * back into the matcher.
   */
  void onTransaction(Transaction t);
}
