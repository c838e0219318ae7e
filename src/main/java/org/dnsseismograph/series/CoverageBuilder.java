package org.dnsseismograph.series;

import java.util.Arrays;

/**
 * Mutable accumulation of observed intervals, cheap to extend event by event; {@link #build()}
 * freezes it into a {@link Coverage}. Epoch ns, UTC. Not thread-safe (owned by one writer).
 */
final class CoverageBuilder {
  private long[] starts = new long[4];
  private long[] ends = new long[4];
  private int n;

  /** Adds {@code [start, end)}, merging with intervals it overlaps or touches. */
  void add(long start, long end) {
    if (end <= start) {
      return;
    }
    if (n > 0 && start >= starts[n - 1]) {
      // Fast path: in time order, at or after the last interval.
      if (start <= ends[n - 1]) {
        ends[n - 1] = Math.max(ends[n - 1], end);
      } else {
        append(start, end);
      }
      return;
    }
    insertMerged(start, end);
  }

  /**
   * Extends the coverage to include the granule {@code [g, g + granule)} holding {@code t}: an
   * event implies its granule was observed. Beyond the last interval the last interval grows (a
   * continuous observation until told otherwise); before the first, the first grows; inside a hole
   * the interval before it grows.
   */
  void include(long t, long granule) {
    long g = Math.floorDiv(t, granule) * granule;
    if (n == 0) {
      append(g, g + granule);
      return;
    }
    if (g >= starts[n - 1]) {
      ends[n - 1] = Math.max(ends[n - 1], g + granule);
      return;
    }
    int i = indexOfLastStartAtOrBefore(g);
    if (i < 0) {
      add(g, starts[0]);
    } else if (ends[i] < g + granule) {
      add(ends[i], g + granule);
    }
  }

  long lastEnd() {
    return n == 0 ? Long.MIN_VALUE : ends[n - 1];
  }

  Coverage build() {
    return Coverage.ofSorted(starts, ends, n);
  }

  private int indexOfLastStartAtOrBefore(long t) {
    int i = n - 1;
    while (i >= 0 && starts[i] > t) {
      i--;
    }
    return i;
  }

  private void append(long start, long end) {
    if (n == starts.length) {
      starts = Arrays.copyOf(starts, n * 2);
      ends = Arrays.copyOf(ends, n * 2);
    }
    starts[n] = start;
    ends[n] = end;
    n++;
  }

  private void insertMerged(long start, long end) {
    long[] s = new long[n + 1];
    long[] e = new long[n + 1];
    int m = 0;
    int i = 0;
    boolean placed = false;
    while (i < n || !placed) {
      long is;
      long ie;
      if (!placed && (i == n || start < starts[i])) {
        is = start;
        ie = end;
        placed = true;
      } else {
        is = starts[i];
        ie = ends[i];
        i++;
      }
      if (m > 0 && is <= e[m - 1]) {
        e[m - 1] = Math.max(e[m - 1], ie);
      } else {
        s[m] = is;
        e[m] = ie;
        m++;
      }
    }
    starts = Arrays.copyOf(s, Math.max(4, m));
    ends = Arrays.copyOf(e, Math.max(4, m));
    n = m;
  }
}
