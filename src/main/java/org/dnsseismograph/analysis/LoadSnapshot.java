package org.dnsseismograph.analysis;

import java.util.List;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.traffic.ResolverRole;
import org.dnsseismograph.traffic.TransactionSnapshot;
import org.dnsseismograph.wire.Skipped;

/**
 * What {@link CaptureLoader} has built so far: immutable, safe to read from any thread while the
 * loader goes on (the series and transactions are snapshots that never change).
 *
 * @param series every metric of the capture as multi-resolution series, in display order
 * @param transactions the transactions sealed so far, sorted by time (top names, clients, servers
 *     of a time range)
 * @param bytesDone file bytes consumed (compressed bytes for gzip'd files)
 * @param bytesTotal file bytes in all, or -1 while unknown
 * @param readerSkipped what the readers skipped so far, by reason, most frequent first
 * @param dispatch what the DNS layer saw so far (messages, queries, responses, malformed ones by
 *     reason, matching)
 * @param resolvers the resolvers the client and upstream sides are defined by, as known so far
 * @param complete true for the last snapshot of a load, after every file was read
 */
public record LoadSnapshot(SeriesSet series, TransactionSnapshot transactions, long bytesDone, long bytesTotal, List<Skipped> readerSkipped,
    DispatchStats dispatch, List<ResolverRole> resolvers, boolean complete) {
  public LoadSnapshot {
    readerSkipped = List.copyOf(readerSkipped);
    resolvers = List.copyOf(resolvers);
  }

  /** Fraction of the bytes read, 0 to 1; NaN while the total is unknown. */
  public double fractionDone() {
    return bytesTotal <= 0 ? Double.NaN : Math.min(1.0, (double) bytesDone / bytesTotal);
  }
}
