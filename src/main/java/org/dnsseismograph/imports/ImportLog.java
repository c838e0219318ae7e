package org.dnsseismograph.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects, while one export is read, what goes into its {@link ImportReport}: skips by reason with
 * their first line numbers, daylight-saving notes, warnings (each once), and reasons why the result
 * is partial. Not thread-safe: one per import.
 */
final class ImportLog {
  private final Map<String, long[]> skipCounts = new LinkedHashMap<>();
  private final Map<String, List<Long>> skipLines = new LinkedHashMap<>();
  private final List<TimeNote> timeNotes = new ArrayList<>();
  private long timeNoteCount;
  private final Set<String> warnings = new LinkedHashSet<>();
  private final Set<String> partial = new LinkedHashSet<>();
  private String timeBasis = "";

  /** Counts a skipped line (or value) for {@code reason}; {@code line} is 1-based, 0 for none. */
  void skip(long line, String reason) {
    skipCounts.computeIfAbsent(reason, r -> new long[1])[0]++;
    List<Long> lines = skipLines.computeIfAbsent(reason, r -> new ArrayList<>());
    if (line > 0 && lines.size() < ImportReport.LINES_KEPT) {
      lines.add(line);
    }
  }

  void timeNote(TimeNote note) {
    timeNoteCount++;
    if (timeNotes.size() < ImportReport.LINES_KEPT) {
      timeNotes.add(note);
    }
  }

  void warn(String warning) {
    warnings.add(warning);
  }

  /** Marks the import partial: its series are not everything the file holds. */
  void partial(String reason) {
    partial.add(reason);
  }

  void timeBasis(String basis) {
    timeBasis = basis;
  }

  String timeBasis() {
    return timeBasis;
  }

  long skippedCount() {
    return skipCounts.values().stream().mapToLong(c -> c[0]).sum();
  }

  List<SkippedLines> skipped() {
    List<SkippedLines> out = new ArrayList<>();
    skipCounts.forEach((reason, c) -> out.add(new SkippedLines(reason, c[0], skipLines.get(reason))));
    return out;
  }

  List<TimeNote> timeNotes() {
    return timeNotes;
  }

  List<String> warnings() {
    List<String> out = new ArrayList<>(warnings);
    if (timeNoteCount > timeNotes.size()) {
      out.add(timeNoteCount + " local times fell in a daylight-saving gap or overlap; the first " + timeNotes.size()
          + " are listed");
    }
    return out;
  }

  /** The partial reasons, with one for the skips when there were any. */
  List<String> partialReasons() {
    List<String> out = new ArrayList<>(partial);
    long n = skippedCount();
    if (n > 0) {
      out.add(0, n + (n == 1 ? " line or value" : " lines or values") + " skipped (see skipped)");
    }
    return out;
  }
}
