package org.dnsseismograph.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The shared half of the statistics-dump readers: snapshots are read by the subclass, stamped
 * (from the dump, the file name or the user), and turned into series by {@link
 * SnapshotSeriesBuilder}. A sequence of files, each one snapshot, goes through {@link #snapshots}
 * file by file and {@link #series} once. Stateless.
 */
abstract class SnapshotReader implements FormatReader {

  /** What the names of this dump mean. */
  abstract StatsDialect dialect(List<Snapshot> snapshots);

  /** The snapshots of one file, times unknown where the file has none. */
  abstract List<Snapshot> snapshots(ExportText text, ImportOptions options, ImportLog log) throws NotThisFormat;

  @Override
  public List<RawSeries> read(ExportText text, ImportOptions options, ImportLog log) throws NotThisFormat {
    return series(snapshots(text, options, log), options, log);
  }

  /** Stamps the snapshots that have no time and builds the series. */
  List<RawSeries> series(List<Snapshot> snapshots, ImportOptions options, ImportLog log) throws NotThisFormat {
    if (snapshots.isEmpty()) {
      throw new NotThisFormat("no statistics in the file");
    }
    List<Snapshot> snaps = new ArrayList<>(snapshots);
    String missing = SnapshotSeriesBuilder.stampMissing(snaps, options, log);
    if (missing != null) {
      throw new Unusable(missing);
    }
    TreeSet<String> bases = new TreeSet<>();
    long failed = 0;
    long backwards = 0;
    long last = Long.MIN_VALUE;
    for (Snapshot s : snaps) {
      bases.add(s.stampBasis());
      failed += s.failed() ? 1 : 0;
      backwards += s.timeNanos() < last ? 1 : 0;
      last = Math.max(last, s.timeNanos());
    }
    if (backwards > 0) {
      log.warn(backwards + " snapshot(s) are stamped earlier than one before them: read in time order");
    }
    log.timeBasis(snaps.size() + " snapshot(s) stamped by " + String.join(", ", bases) + ", UTC");
    if (failed > 0) {
      log.warn(failed + " snapshot(s) record a failed read: a gap in every series there");
    }
    return SnapshotSeriesBuilder.build(snaps, dialect(snaps), options, log);
  }

  /** Parses a statistic's value; NaN (and a counted skip) when it is not a number. */
  static double value(String text, long line, ImportLog log) {
    Double v = Cells.parse(text);
    if (v == null) {
      log.skip(line, "statistic value is not a number");
      return Double.NaN;
    }
    return v;
  }
}
