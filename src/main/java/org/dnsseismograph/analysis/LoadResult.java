package org.dnsseismograph.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dnsseismograph.wire.ScanSummary;
import org.dnsseismograph.wire.Skipped;

/**
 * The outcome of {@link CaptureLoader#load}: the final snapshot, the reader's summary and what the
 * detectors found. Immutable.
 *
 * @param snapshot the complete snapshot (also the loader's last published one)
 * @param scan what the readers saw in all (frames, bytes, first and last frame time, skips)
 * @param health suspected outages and spikes, as {@code seismograph detect} reports them
 */
public record LoadResult(LoadSnapshot snapshot, ScanSummary scan, HealthReport health) {

  /** Everything skipped, reader and DNS layers together, most frequent first. */
  public List<Skipped> skipped() {
    List<Skipped> all = new ArrayList<>(scan.skipped());
    all.addAll(snapshot.dispatch().malformed());
    all.sort(Comparator.comparingLong(Skipped::count).reversed());
    return List.copyOf(all);
  }
}
