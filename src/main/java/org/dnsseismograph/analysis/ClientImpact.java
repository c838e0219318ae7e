package org.dnsseismograph.analysis;

/**
 * What the resolvers' clients saw during an outage, against the time before it: rates per second
 * of the {@code client.*} metrics. NaN when the capture holds no client side or no time before
 * (then the time after stands in for it). Immutable.
 *
 * @param queriesBefore client queries per second before
 * @param queriesDuring client queries per second during
 * @param queriesPeak the highest one-second client query count during (the highest rate of one grid
 *     bucket when the detection grid is coarser than a second)
 * @param servfailBefore client SERVFAIL answers per second before
 * @param servfailDuring ... during
 * @param retriesBefore client retries per second before
 * @param retriesDuring ... during
 * @param unansweredBefore unanswered client queries per second before
 * @param unansweredDuring ... during
 */
public record ClientImpact(double queriesBefore, double queriesDuring, double queriesPeak, double servfailBefore, double servfailDuring,
    double retriesBefore, double retriesDuring, double unansweredBefore, double unansweredDuring) {

  /** True when clients saw at least twice the SERVFAIL, retry or unanswered rate (and some of it). */
  public boolean clientsSuffered() {
    return rose(servfailBefore, servfailDuring) || rose(retriesBefore, retriesDuring) || rose(unansweredBefore, unansweredDuring);
  }

  private static boolean rose(double before, double during) {
    return during >= 1 && (Double.isNaN(before) || during >= 2 * before);
  }
}
