package org.dnsseismograph.series;

import java.util.Arrays;

/**
 * Summaries of a {@link SampleSeries} over aligned groups of 16 samples, 256 samples, and so on:
 * per node the lowest and highest value, the time-weighted sum and the time covered by non-gap
 * samples, the number of such samples and the longest of their intervals. A node is written once,
 * when its group is complete (about 3 bytes per sample in all), so snapshots share the arrays and
 * only read nodes below their own sample count. Not thread-safe on the writing side; {@link
 * Snapshot}s are immutable.
 */
final class SamplePyramid {
  static final int FANOUT = 16;
  static final int STRIDE = 6;
  static final int MIN = 0;
  static final int MAX = 1;
  static final int WSUM = 2;
  static final int WDUR = 3;
  static final int COUNT = 4;
  static final int SPAN = 5;

  private double[][] levels = new double[0][];

  /** Called after sample {@code n - 1} was appended; writes every node that just completed. */
  void sampleAdded(int n, SampleSegments segments) {
    long groupSize = FANOUT;
    for (int level = 0; n % groupSize == 0; level++, groupSize *= FANOUT) {
      if (level == levels.length) {
        levels = Arrays.copyOf(levels, level + 1);
        levels[level] = new double[STRIDE * 4];
      }
      int node = (int) (n / groupSize) - 1;
      if ((node + 1) * STRIDE > levels[level].length) {
        levels[level] = Arrays.copyOf(levels[level], levels[level].length * 2);
      }
      double[] acc = empty();
      for (int child = node * FANOUT; child < (node + 1) * FANOUT; child++) {
        if (level == 0) {
          segments.foldWhole(child, acc);
        } else {
          merge(levels[level - 1], child, acc);
        }
      }
      System.arraycopy(acc, 0, levels[level], node * STRIDE, STRIDE);
    }
  }

  Snapshot snapshot() {
    return new Snapshot(levels.clone());
  }

  static double[] empty() {
    double[] acc = new double[STRIDE];
    reset(acc);
    return acc;
  }

  static void reset(double[] acc) {
    acc[MIN] = Double.POSITIVE_INFINITY;
    acc[MAX] = Double.NEGATIVE_INFINITY;
    acc[WSUM] = 0;
    acc[WDUR] = 0;
    acc[COUNT] = 0;
    acc[SPAN] = 0;
  }

  static void merge(double[] level, int node, double[] acc) {
    int at = node * STRIDE;
    acc[MIN] = Math.min(acc[MIN], level[at + MIN]);
    acc[MAX] = Math.max(acc[MAX], level[at + MAX]);
    acc[WSUM] += level[at + WSUM];
    acc[WDUR] += level[at + WDUR];
    acc[COUNT] += level[at + COUNT];
    acc[SPAN] = Math.max(acc[SPAN], level[at + SPAN]);
  }

  /**
   * The nodes as they were when taken; level arrays may hold later nodes, which are never read.
   *
   * @param levels node arrays, level 0 = groups of 16 samples
   */
  record Snapshot(double[][] levels) {
    /** Folds whole samples {@code [i0, i1)} into {@code acc} in O(16 × levels). */
    void foldRange(int i0, int i1, SampleSegments segments, double[] acc) {
      int level = -1;
      while (i0 < i1) {
        if (level + 1 >= levels.length) {
          for (int i = i0; i < i1; i++) {
            foldAt(level, i, segments, acc);
          }
          return;
        }
        while (i0 < i1 && i0 % FANOUT != 0) {
          foldAt(level, i0++, segments, acc);
        }
        while (i1 > i0 && i1 % FANOUT != 0) {
          foldAt(level, --i1, segments, acc);
        }
        i0 /= FANOUT;
        i1 /= FANOUT;
        level++;
      }
    }

    private void foldAt(int level, int i, SampleSegments segments, double[] acc) {
      if (level < 0) {
        segments.foldWhole(i, acc);
      } else {
        merge(levels[level], i, acc);
      }
    }
  }
}
