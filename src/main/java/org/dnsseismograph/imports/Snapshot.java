package org.dnsseismograph.imports;

import java.util.Map;

/**
 * One reading of a resolver's statistics: every value it printed, by name, at one moment. Values
 * that were not numbers are NaN. Immutable once built.
 *
 * @param timeNanos when it was taken, epoch ns UTC; {@link Long#MIN_VALUE} while unknown
 * @param stampBasis where the time came from ("# time header", "time.now", "file name")
 * @param values the statistics in the order printed
 * @param line the 1-based line the snapshot starts on in its file
 * @param file the file it was read from
 * @param failed true when the recorder wrote an error instead of statistics (a gap for every series)
 */
record Snapshot(long timeNanos, String stampBasis, Map<String, Double> values, long line, String file, boolean failed) {

  Snapshot withTime(long t, String basis) {
    return new Snapshot(t, basis, values, line, file, failed);
  }

  boolean hasTime() {
    return timeNanos != Long.MIN_VALUE;
  }
}
