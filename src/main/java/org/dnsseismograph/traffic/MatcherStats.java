package org.dnsseismograph.traffic;

/**
 * What {@link QueryResponseMatcher} saw and decided, as counts. Immutable.
 *
 * @param queries query messages offered
 * @param responses response messages offered
 * @param answered queries matched to a response within the timeout
 * @param timedOut queries closed unanswered after the timeout
 * @param evicted queries closed unanswered early because the table was full
 * @param unansweredAtEnd queries still pending at {@link QueryResponseMatcher#finish()}
 * @param retransmitted queries with the key of a query already pending: not tracked again
 * @param duplicateResponses responses to a query already answered: dropped
 * @param lateResponses responses to a query already closed unanswered
 * @param unsolicitedResponses responses to no query seen
 * @param peakPending most queries pending at once
 */
public record MatcherStats(
    long queries,
    long responses,
    long answered,
    long timedOut,
    long evicted,
    long unansweredAtEnd,
    long retransmitted,
    long duplicateResponses,
    long lateResponses,
    long unsolicitedResponses,
    int peakPending) {

  /** All queries closed unanswered, whatever the reason. */
  public long unanswered() {
    return timedOut + evicted + unansweredAtEnd;
  }
}
