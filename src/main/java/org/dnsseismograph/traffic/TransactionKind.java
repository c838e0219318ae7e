package org.dnsseismograph.traffic;

/** The three shapes a transaction can have. */
public enum TransactionKind {
  /** A query and its response. */
  ANSWERED,
  /** A query whose response never came (timed out, evicted, or still pending at the end). */
  UNANSWERED,
  /** A response without a pending query (capture started mid-way, or late after the timeout). */
  RESPONSE_ONLY
}
