package org.dnsseismograph.analysis;

import java.util.Arrays;

/**
 * A count series on a regular grid with its coverage mask (true where a capture was read), as the
 * detectors take them: made for tests of two rotated captures with an uncaptured gap between them.
 *
 * @param values the counts per bucket; zero in the gap
 * @param covered true for the buckets a capture covered
 */
record CoveredSeries(double[] values, boolean[] covered) {

  /** {@code first}, then {@code gap} uncovered zero buckets, then {@code second}. */
  static CoveredSeries withGap(double[] first, int gap, double[] second) {
    double[] values = new double[first.length + gap + second.length];
    boolean[] covered = new boolean[values.length];
    System.arraycopy(first, 0, values, 0, first.length);
    System.arraycopy(second, 0, values, first.length + gap, second.length);
    Arrays.fill(covered, 0, first.length, true);
    Arrays.fill(covered, first.length + gap, values.length, true);
    return new CoveredSeries(values, covered);
  }

  /** {@code values} with every bucket covered. */
  static CoveredSeries throughout(double[] values) {
    boolean[] covered = new boolean[values.length];
    Arrays.fill(covered, true);
    return new CoveredSeries(values, covered);
  }
}
