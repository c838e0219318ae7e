package org.dnsseismograph.imports;

/**
 * How many lines (or values) of an export one reason made the importer skip, and where the first
 * few were. Immutable.
 *
 * @param reason why, as one sentence fragment ("value is not a number")
 * @param count how many times
 * @param firstLines the 1-based line numbers of the first occurrences (at most {@link
 *     ImportReport#LINES_KEPT}); a value that has no line of its own (a JSON element) names the
 *     line it starts on
 */
public record SkippedLines(String reason, long count, java.util.List<Long> firstLines) {
  public SkippedLines {
    firstLines = java.util.List.copyOf(firstLines);
  }
}
