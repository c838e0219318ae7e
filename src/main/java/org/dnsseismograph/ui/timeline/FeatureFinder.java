package org.dnsseismograph.ui.timeline;

import java.util.Arrays;
import org.dnsseismograph.render.Lane;
import org.dnsseismograph.render.LaneKind;
import org.dnsseismograph.series.ColumnBuffer;
import org.dnsseismograph.series.TimeRange;

/**
 * Finds the feature under a double-click in the columns already drawn (reading, not reducing): the
 * tallest column within a few pixels of the click, and the run of neighbouring columns that stand
 * at least half-way between the lane's median and that peak. For a heat strip the "height" of a
 * column is how dark its darkest row is. Stateless.
 */
final class FeatureFinder {
  /** How far from the click the peak may be, in columns. */
  static final int REACH = 8;
  /** A peak must stand this much above the median (relative) to count as a feature. */
  static final double PROMINENCE = 1.5;

  private FeatureFinder() {}

  /** The span of the feature at {@code t} in the lane's drawn columns, or null when nothing stands out there. */
  static TimeRange find(Lane lane, ColumnBuffer[] bufs, long t) {
    if (bufs == null || bufs.length == 0) {
      return null;
    }
    ColumnBuffer first = bufs[0];
    int n = first.columns();
    int c = first.columnAt(t);
    if (c < 0) {
      return null;
    }
    double[] h = new double[n];
    for (int i = 0; i < n; i++) {
      h[i] = height(lane, bufs, i);
    }
    int peak = c;
    for (int i = Math.max(0, c - REACH); i <= Math.min(n - 1, c + REACH); i++) {
      if (!Double.isNaN(h[i]) && (Double.isNaN(h[peak]) || h[i] > h[peak])) {
        peak = i;
      }
    }
    double median = median(h);
    if (!(h[peak] > 0) || h[peak] < median * PROMINENCE) {
      return null;
    }
    double threshold = median + (h[peak] - median) / 2;
    int lo = peak;
    int hi = peak;
    while (lo > 0 && h[lo - 1] >= threshold) {
      lo--;
    }
    while (hi < n - 1 && h[hi + 1] >= threshold) {
      hi++;
    }
    return new TimeRange(first.columnStart(lo), first.columnEnd(hi));
  }

  private static double height(Lane lane, ColumnBuffer[] bufs, int i) {
    double h = Double.NaN;
    for (ColumnBuffer b : bufs) {
      if (!b.hasData(i)) {
        continue;
      }
      double v = switch (lane.kind()) {
        case HEAT -> 1 - b.min(i);
        case STACKED -> b.value(i) + (Double.isNaN(h) ? 0 : h);
        default -> b.max(i);
      };
      h = Double.isNaN(h) || lane.kind() == LaneKind.STACKED ? v : Math.max(h, v);
    }
    return h;
  }

  private static double median(double[] h) {
    double[] known = Arrays.stream(h).filter(v -> !Double.isNaN(v)).sorted().toArray();
    return known.length == 0 ? 0 : known[known.length / 2];
  }
}
