package org.dnsseismograph.traffic;

/**
 * How a transaction was closed by {@link QueryResponseMatcher}; finer than {@link
 * TransactionKind}, which each outcome maps to.
 */
public enum Outcome {
  /** A response matched the pending query within the timeout. */
  ANSWERED(TransactionKind.ANSWERED),
  /** No response within the timeout of capture time. */
  TIMED_OUT(TransactionKind.UNANSWERED),
  /** Evicted, oldest first, because the pending table was full. */
  EVICTED(TransactionKind.UNANSWERED),
  /** Still pending when the input ended ({@link QueryResponseMatcher#finish()}). */
  END_OF_INPUT(TransactionKind.UNANSWERED),
  /** A response to a query that had already been closed as unanswered. */
  LATE_RESPONSE(TransactionKind.RESPONSE_ONLY),
  /** A response to no query we saw (capture started mid-way, or one side not captured). */
  UNSOLICITED_RESPONSE(TransactionKind.RESPONSE_ONLY);

  private final TransactionKind kind;

  Outcome(TransactionKind kind) {
    this.kind = kind;
  }

  public TransactionKind kind() {
    return kind;
  }
}
