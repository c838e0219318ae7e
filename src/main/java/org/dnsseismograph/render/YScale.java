package org.dnsseismograph.render;

import org.dnsseismograph.series.ColumnBuffer;

/**
 * A lane's value axis: from {@code min} (0 unless values go below) to a round {@code max} just above
 * the highest value visible, so the tallest spike in view reaches near the top. Immutable.
 *
 * @param min value at the bottom of the plot
 * @param max value at the top of the plot (greater than min)
 */
public record YScale(double min, double max) {
  /** Room left above the highest value, in pixels, so a spike's top stays inside. */
  static final double TOP_PAD = 3;

  public YScale {
    if (!(max > min)) {
      throw new IllegalArgumentException("empty scale " + min + ".." + max);
    }
  }

  /** A scale from 0 (or below, for negative values) to a round number at or above {@code hi}. */
  public static YScale fitting(double lo, double hi) {
    double bottom = lo < 0 ? -niceCeil(-lo) : 0;
    double top = hi > 0 ? niceCeil(hi) : bottom < 0 ? 0 : 1;
    return new YScale(bottom, top > bottom ? top : bottom + 1);
  }

  /** The fitting scale of the bands of {@code bufs} over columns whose x lies in the plot. */
  public static YScale ofBands(ColumnBuffer[] bufs, TimelineLayout l) {
    double lo = 0;
    double hi = 0;
    for (ColumnBuffer b : bufs) {
      // Columns are in time order, so those inside the plot are one run: find its ends, then scan it.
      int first = 0;
      while (first < b.columns() && l.xOf(b.columnEnd(first)) <= l.plotLeft()) {
        first++;
      }
      int end = b.columns();
      while (end > first && l.xOf(b.columnStart(end - 1)) >= l.plotRight()) {
        end--;
      }
      for (int i = first; i < end; i++) {
        if (b.hasData(i)) {
          lo = Math.min(lo, b.min(i));
          hi = Math.max(hi, b.max(i));
        }
      }
    }
    return fitting(lo, hi);
  }

  /** The y of value {@code v} in {@code box}'s plot. */
  public double y(double v, LaneBox box) {
    double h = box.plotHeight() - TOP_PAD;
    return box.plotBottom() - (v - min) / (max - min) * h;
  }

  /** The smallest of 1, 2, 2.5, 5 × 10^k at or above {@code v} (positive). */
  static double niceCeil(double v) {
    double mag = Math.pow(10, Math.floor(Math.log10(v)));
    for (double f : new double[] {1, 2, 2.5, 5, 10}) {
      if (f * mag >= v * (1 - 1e-12)) {
        return f * mag;
      }
    }
    return 10 * mag;
  }
}
