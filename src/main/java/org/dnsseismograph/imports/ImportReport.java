package org.dnsseismograph.imports;

import java.util.List;
import org.dnsseismograph.series.TimeRange;

/**
 * How one export was read: its format and why, the series found, every line skipped and why, the
 * local times that the time zone could not map to one instant, and warnings. An import that
 * skipped anything or stopped early says so in {@link #partialReasons()}: its series are never
 * presented as complete. Immutable.
 *
 * @param sourceName the name of the source (the file name, or the first of a snapshot sequence)
 * @param files the files read, in order
 * @param format the format read
 * @param formatBasis why this format: "forced by the user" or what the content showed
 * @param timeBasis how times were read ("epoch seconds", "ISO-8601 with offset", "local times in
 *     Europe/Berlin"), including the zone
 * @param series one report per series, in the order of the {@link ImportResult#series()}
 * @param skipped lines or values skipped, grouped by reason
 * @param timeNotes local times in a daylight-saving gap or overlap
 * @param warnings anything the user should know that is not a skip (assumptions, clock notes)
 * @param partialReasons why the series are not the complete content of the export; empty when
 *     they are
 */
public record ImportReport(String sourceName, List<String> files, ImportFormat format, String formatBasis, String timeBasis,
    List<SeriesReport> series, List<SkippedLines> skipped, List<TimeNote> timeNotes, List<String> warnings,
    List<String> partialReasons) {
  /** How many line numbers each {@link SkippedLines} and the time notes keep. */
  public static final int LINES_KEPT = 20;

  public ImportReport {
    files = List.copyOf(files);
    series = List.copyOf(series);
    skipped = List.copyOf(skipped);
    timeNotes = List.copyOf(timeNotes);
    warnings = List.copyOf(warnings);
    partialReasons = List.copyOf(partialReasons);
  }

  /** True when every line and value of the export was read into the series. */
  public boolean isComplete() {
    return partialReasons.isEmpty();
  }

  /** Lines or values skipped, all reasons together. */
  public long skippedCount() {
    return skipped.stream().mapToLong(SkippedLines::count).sum();
  }

  /** The union of the series' ranges, or null when no series holds data. */
  public TimeRange range() {
    TimeRange all = null;
    for (SeriesReport s : series) {
      if (s.range() != null) {
        all = all == null ? s.range() : all.union(s.range());
      }
    }
    return all;
  }

  /** The report of the series with this id, or null. */
  public SeriesReport seriesReport(String id) {
    return series.stream().filter(s -> s.id().name().equals(id)).findFirst().orElse(null);
  }
}
