package org.dnsseismograph.capture;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.traffic.RecentTraffic;

/**
 * What a live source shows at one moment: its state, its counters, its series and its recording
 * files. Published by the source's worker at frame rate and read by anybody (the UI's frame timer,
 * the CLI) without locking. Immutable; the series are immutable snapshots too.
 *
 * @param sourceName a short name for legends and the status bar ("lo", "dnstap unix:/run/dnstap.sock")
 * @param state the lifecycle state when published
 * @param sequence 0 for the initial empty snapshot, then 1, 2, ... per publication
 * @param takenAtNanos when it was published (epoch ns, UTC, wall clock)
 * @param counters counts since the start
 * @param series the series: the DNS metrics of the analysis and the drops ({@code
 *     capture.dropped.kernel}, {@code capture.dropped.queue} or {@code dnstap.dropped.queue}), as
 *     events per second on the UTC axis; no data (NaN) while paused
 * @param transactions the transactions of the last minutes, for questions about a window of them
 * @param recordings the files recorded so far, oldest first (empty without recording)
 * @param problem why the source failed or what went wrong while it runs (recording stopped,
 *     analysis failed), in one line for people; null when all is well
 */
public record LiveSnapshot(String sourceName, LiveState state, long sequence, long takenAtNanos, LiveCounters counters, SeriesSet series,
    RecentTraffic transactions, List<Path> recordings, String problem) {
  public LiveSnapshot {
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(counters, "counters");
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(transactions, "transactions");
    recordings = List.copyOf(recordings);
  }

  /** The snapshot of a source that has not started. */
  public static LiveSnapshot initial(String sourceName) {
    return new LiveSnapshot(sourceName, LiveState.NEW, 0, 0, LiveCounters.NONE, SeriesSet.of(sourceName, List.of()), RecentTraffic.NONE, List.of(),
        null);
  }
}
