package org.dnsseismograph.analysis;

import java.util.List;
import org.dnsseismograph.traffic.MatcherStats;
import org.dnsseismograph.wire.Skipped;

/**
 * What {@link MessageDispatcher} saw. Immutable.
 *
 * @param messages DNS messages offered
 * @param queries messages with QR=0, malformed ones included
 * @param responses messages with QR=1, malformed ones included
 * @param malformed messages the scanner rejected, by reason (most frequent first); those with at
 *     least 4 bytes still count as queries or responses from their header
 * @param headerless malformed messages shorter than 4 bytes: no flags to read, counted in {@code
 *     packets.skipped} instead
 * @param matcher the matcher's counts
 * @param aggregator what the aggregator left out
 * @param columnsLeftOut transactions the columnar record left out (out of order beyond its
 *     window, or over its row limit); 0 without columns
 */
public record DispatchStats(long messages, long queries, long responses, List<Skipped> malformed, long headerless, MatcherStats matcher,
    AggregatorStats aggregator, long columnsLeftOut) {

  public DispatchStats {
    malformed = List.copyOf(malformed);
  }

  /** Nothing seen yet. */
  public static DispatchStats empty() {
    return new DispatchStats(0, 0, 0, List.of(), 0, new MatcherStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), new AggregatorStats(0, 0), 0);
  }

  /** Messages the scanner rejected, all reasons together. */
  public long malformedTotal() {
    return malformed.stream().mapToLong(Skipped::count).sum();
  }
}
