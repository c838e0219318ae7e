package org.dnsseismograph.imports;

/**
 * A local time that the export's time zone does not map to exactly one instant: inside a
 * daylight-saving gap (the clock jumped over it) or overlap (the clock read it twice). Reported,
 * never silently shifted. Immutable.
 *
 * @param line the 1-based line of the export
 * @param localTime the time as written
 * @param problem which of the two
 * @param resolution what the importer did: the offset it chose and why, or that it skipped the line
 */
public record TimeNote(long line, String localTime, Problem problem, String resolution) {

  /** Why a local time is not one instant. */
  public enum Problem {
    /** The local time does not exist (the clocks jumped forward over it). */
    NONEXISTENT,
    /** The local time happened twice (the clocks went back); two offsets fit. */
    AMBIGUOUS
  }
}
