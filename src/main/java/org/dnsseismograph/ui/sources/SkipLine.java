package org.dnsseismograph.ui.sources;

import java.nio.file.Path;
import java.util.List;
import org.dnsseismograph.imports.SkippedLines;
import org.dnsseismograph.wire.Skipped;

/**
 * One reason something was skipped while a source was read, as the status bar's list shows it.
 * Immutable.
 *
 * @param source the source's name
 * @param code a stable code ({@code ip.fragment-timeout}) or empty for an export's skips
 * @param reason the reason in words
 * @param count how many times
 * @param where where it happened first: "frame 123", "frame 123 of dump.pcap3", "lines 4, 9", or empty
 */
public record SkipLine(String source, String code, String reason, long count, String where) {

  /** A capture's skip (reader or DNS layer), read from {@code files}. */
  public static SkipLine of(String source, Skipped s, List<Path> files) {
    return new SkipLine(source, s.reason().code(), s.reason().description(), s.count(), s.place(files));
  }

  /** An export's skipped lines or values. */
  public static SkipLine of(String source, SkippedLines s) {
    List<Long> lines = s.firstLines();
    String where = lines.isEmpty() ? "" : (lines.size() == 1 ? "line " : "lines ")
        + String.join(", ", lines.stream().limit(5).map(String::valueOf).toList()) + (lines.size() > 5 ? ", …" : "");
    return new SkipLine(source, "", s.reason(), s.count(), where);
  }
}
