package org.dnsseismograph.analysis;

/**
 * One span in which an upstream server kept receiving queries and (almost) stopped answering, as
 * {@link DarkServerTracker} found it. Immutable. Times are epoch ns, UTC.
 *
 * @param server the server's id in the tracker's {@link AddressIds}
 * @param startNanos the query time of the first unanswered query after the server's last answer
 * @param endNanos the time of its first answer again (the response's capture time), or {@link
 *     #OPEN} when it never answered again before its stretch of the capture ended
 * @param lastAnswerBeforeNanos the time of the server's last answer before the span, or {@code
 *     Long.MIN_VALUE} when it had not answered since its stretch of the capture began
 * @param lastUnansweredNanos the query time of the span's last unanswered query: the server came
 *     back somewhere between it and the end (a resolver that stopped asking leaves a gap)
 * @param unanswered queries sent in the span that were never answered
 * @param answered queries sent in the span that were answered anyway (a partial outage)
 * @param firstUnanswered the query times of the first unanswered queries of the span (at most
 *     {@link #KEPT}), ascending: where a zone's outage begins when another server of it answered a
 *     little longer
 * @param stretch the stretch of the capture it lies in ({@link CaptureGaps}): 0 unless the files
 *     have a gap before it
 * @param stretchEndNanos the last frame of that stretch, or {@link #OPEN} when the stretch ends the
 *     capture: an ongoing span was watched until then, and nothing is known after it
 */
record DarkSpan(int server, long startNanos, long endNanos, long lastAnswerBeforeNanos, long lastUnansweredNanos, long unanswered, long answered,
    long[] firstUnanswered, int stretch, long stretchEndNanos) {
  /** The end of a span still open when the capture ended. */
  static final long OPEN = Long.MAX_VALUE;
  /** Unanswered query times kept per span. */
  static final int KEPT = 32;

  /** The first unanswered query after {@code t}: exact when it is among the kept ones, else {@code t} itself. */
  long firstUnansweredAfter(long t) {
    for (long q : firstUnanswered) {
      if (q > t) {
        return q;
      }
    }
    return Math.max(t, startNanos);
  }

  boolean ongoing() {
    return endNanos == OPEN;
  }

  /** The time it was dark until as far as anyone saw: its end, or for an ongoing span the end of its stretch. */
  long darkUntilNanos() {
    return endNanos == OPEN ? stretchEndNanos : endNanos;
  }

  /** True when the server had not answered since its stretch of the capture began: the real start may be earlier. */
  boolean startsAtCaptureStart() {
    return lastAnswerBeforeNanos == Long.MIN_VALUE;
  }

  long queries() {
    return unanswered + answered;
  }
}
