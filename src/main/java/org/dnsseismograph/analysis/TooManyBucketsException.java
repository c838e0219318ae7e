package org.dnsseismograph.analysis;

/**
 * A table was asked for more buckets than its limit allows: the data spans too long for the step
 * (a capture spanning weeks at 100 ms, or one stray timestamp far from the rest). A usage problem,
 * not a fault: the message says the span and how to narrow it, and the fields let a caller word its
 * own way out. Times are epoch nanoseconds UTC.
 */
public final class TooManyBucketsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final long buckets;
  private final long limit;
  private final long stepNanos;
  private final long fromNanos;
  private final long toNanos;

  TooManyBucketsException(String message, long buckets, long limit, long stepNanos, long fromNanos, long toNanos) {
    super(message);
    this.buckets = buckets;
    this.limit = limit;
    this.stepNanos = stepNanos;
    this.fromNanos = fromNanos;
    this.toNanos = toNanos;
  }

  /** Buckets the data would need. */
  public long buckets() {
    return buckets;
  }

  /** Buckets allowed. */
  public long limit() {
    return limit;
  }

  /** The step of the buckets, in nanoseconds. */
  public long stepNanos() {
    return stepNanos;
  }

  /** Start of the first bucket with data. */
  public long fromNanos() {
    return fromNanos;
  }

  /** End of the last bucket with data. */
  public long toNanos() {
    return toNanos;
  }
}
