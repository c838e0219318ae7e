package org.dnsseismograph.render;

/** How a lane draws its series. */
public enum LaneKind {
  /** Each series as its min–max band per column with its value as a line over it; gaps left open. */
  LINES,
  /** Series stacked on each other as areas of their values (answers by rcode add up to all answers). */
  STACKED,
  /** One row per series, coloured by the lowest answer ratio in each column ("a group went dark"). */
  HEAT,
  /** The annotations' labels, stacked in rows so they never overlap. */
  ANNOTATIONS
}
