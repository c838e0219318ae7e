package org.dnsseismograph.series;

/**
 * The samples of a {@link SampleSeries} as contiguous segments: segment {@code i} spans {@code
 * [start(i), start(i + 1))} in epoch ns and holds one value, NaN for a gap. While every segment is
 * one step long the boundaries are computed ({@code bounds} is null, 8 bytes per sample); otherwise
 * they are stored (16 bytes per sample). Immutable view: only the first {@code n} values and {@code
 * n + 1} boundaries are read, and the writer never writes below them.
 */
final class SampleSegments {
  final long origin;
  final long step;
  final long[] bounds;
  final double[] values;
  final int n;

  SampleSegments(long origin, long step, long[] bounds, double[] values, int n) {
    this.origin = origin;
    this.step = step;
    this.bounds = bounds;
    this.values = values;
    this.n = n;
  }

  long start(int i) {
    return bounds == null ? origin + i * step : bounds[i];
  }

  long end(int i) {
    return start(i + 1);
  }

  /** The segment holding {@code t}, for {@code start(0) <= t < end(n - 1)}. */
  int segmentAt(long t) {
    if (bounds == null) {
      return (int) Math.min(n - 1, (t - origin) / step);
    }
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (bounds[mid] <= t) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /**
   * The segment holding {@code t} (as {@link #segmentAt}), searched forward from segment {@code
   * from}, which starts at or before {@code t}. A redraw asks for ascending column edges a few
   * segments apart: stepping costs a few compares where {@link #segmentAt} pays a 64-bit division
   * or a binary search; a longer way falls back to it.
   */
  int segmentFrom(int from, long t) {
    int i = from;
    for (int k = 0; k < 8; k++) {
      if (i + 1 >= n || start(i + 1) > t) {
        return i;
      }
      i++;
    }
    return i + 1 >= n || start(i + 1) > t ? i : segmentAt(t);
  }

  void foldWhole(int i, double[] acc) {
    foldPart(i, end(i) - start(i), acc);
  }

  /** Folds {@code overlap} ns of segment {@code i}; a gap adds nothing. */
  void foldPart(int i, long overlap, double[] acc) {
    double v = values[i];
    if (Double.isNaN(v)) {
      return;
    }
    acc[SamplePyramid.MIN] = Math.min(acc[SamplePyramid.MIN], v);
    acc[SamplePyramid.MAX] = Math.max(acc[SamplePyramid.MAX], v);
    acc[SamplePyramid.WSUM] += v * overlap;
    acc[SamplePyramid.WDUR] += overlap;
    acc[SamplePyramid.COUNT] += 1;
    acc[SamplePyramid.SPAN] = Math.max(acc[SamplePyramid.SPAN], end(i) - start(i));
  }
}
