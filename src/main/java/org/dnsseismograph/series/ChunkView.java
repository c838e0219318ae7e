package org.dnsseismograph.series;

/**
 * Read access to the events of one 10-second chunk at 100 ms and 1 s detail, and exactly within a
 * 100 ms bin. Bin {@code j} (0..99) covers {@code [j × 100 ms, (j + 1) × 100 ms)} from the chunk's
 * start; second {@code k} (0..9) covers bins {@code 10k..10k+9}. Implementations are immutable.
 */
interface ChunkView {

  /** Events in bin {@code j}. */
  int bin(int j);

  /** Events in second {@code k}. */
  int secondSum(int k);

  /** Adds bins {@code [j0, j1)} to {@code f}, each with its count as both extremes. */
  void foldBins(int j0, int j1, Fold f);

  /** Adds seconds {@code [k0, k1)} to {@code f} with the extremes of their bins. */
  void foldSeconds(int k0, int k1, Fold f);

  /** The smallest bin count in second {@code k}. */
  int secondMin(int k);

  /** The largest bin count in second {@code k}. */
  int secondMax(int k);

  int total();

  int minBin();

  int maxBin();

  /** False once exact timestamps were compacted away and only the bin counts remain. */
  boolean hasExact();

  /** Events of bin {@code j} at ns offsets (from the bin's start) in {@code [from, to)}. */
  int countInBin(int j, int from, int to);
}
