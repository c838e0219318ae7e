package org.dnsseismograph.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dnsseismograph.series.SeriesTable;
import org.dnsseismograph.wire.ScanSummary;
import org.dnsseismograph.wire.Skipped;

/**
 * The answer to a {@link SeriesRequest}: the table and what reading took. Immutable.
 *
 * @param table one row per bucket, one column per metric
 * @param scan what the readers saw (frames, bytes, reader skips)
 * @param dispatch what the DNS layer saw (messages, malformed ones, matching)
 */
public record SeriesResult(SeriesTable table, ScanSummary scan, DispatchStats dispatch) {

  /** Everything skipped, reader and DNS layers together, most frequent first. */
  public List<Skipped> skipped() {
    List<Skipped> all = new ArrayList<>(scan.skipped());
    all.addAll(dispatch.malformed());
    all.sort(Comparator.comparingLong(Skipped::count).reversed());
    return List.copyOf(all);
  }
}
