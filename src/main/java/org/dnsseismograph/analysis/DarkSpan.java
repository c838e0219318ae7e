package org.dnsseismograph.analysis;

/**
 * One span in which an upstream server kept receiving queries and (almost) stopped answering, as
 * {@link DarkServerTracker} found it. Immutable. Times are epoch ns, UTC.
 *
 * @param server the server's id in the tracker's {@link AddressIds}
 * @param startNanos the query time of the first unanswered query after the server's last answer
 * @param endNanos the time of its first answer again (the response's capture time), or {@link
 *     #OPEN} when it never answered again before the capture ended
 * @param lastAnswerBeforeNanos the time of the server's last answer before the span, or {@code
 *     Long.MIN_VALUE} when it had not answered since the capture began
 * @param unanswered queries sent in the span that were never answered
 * @param answered queries sent in the span that were answered anyway (a partial outage)
 */
record DarkSpan(int server, long startNanos, long endNanos, long lastAnswerBeforeNanos, long unanswered, long answered) {
  /** The end of a span still open when the capture ended. */
  static final long OPEN = Long.MAX_VALUE;

  boolean ongoing() {
    return endNanos == OPEN;
  }

  /** True when the server had not answered since the capture began: the real start may be earlier. */
  boolean startsAtCaptureStart() {
    return lastAnswerBeforeNanos == Long.MIN_VALUE;
  }

  long queries() {
    return unanswered + answered;
  }
}
