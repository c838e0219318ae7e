package org.dnsseismograph.render;

import org.dnsseismograph.series.ColumnBuffer;

/**
 * A lane's value axis: from {@code min} (0 unless values go below) to a round {@code max} just above
 * the highest value visible, so the tallest spike in view reaches near the top. On a log axis
 * {@code min} is the power of ten at or below the smallest positive value visible (at most {@value
 * #LOG_DECADES} decades under {@code max}), each decade gets the same height, and values at or
 * below {@code min} (zero among them) lie on the floor. Immutable.
 *
 * @param min value at the bottom of the plot
 * @param max value at the top of the plot (greater than min)
 * @param log whether heights follow the values' logarithm (then {@code min} is positive)
 */
public record YScale(double min, double max, boolean log) {
  /** Room left above the highest value, in pixels, so a spike's top stays inside. */
  static final double TOP_PAD = 3;
  /** The most decades a log axis spans: below that, a lane's few pixels per decade tell nothing. */
  static final int LOG_DECADES = 6;

  public YScale {
    if (!(max > min) || log && !(min > 0)) {
      throw new IllegalArgumentException("empty scale " + min + ".." + max + (log ? " (log)" : ""));
    }
  }

  /** A linear scale. */
  public YScale(double min, double max) {
    this(min, max, false);
  }

  /** A scale from 0 (or below, for negative values) to a round number at or above {@code hi}. */
  public static YScale fitting(double lo, double hi) {
    double bottom = lo < 0 ? -niceCeil(-lo) : 0;
    double top = hi > 0 ? niceCeil(hi) : bottom < 0 ? 0 : 1;
    return new YScale(bottom, top > bottom ? top : bottom + 1);
  }

  /**
   * A log scale from the power of ten at or below {@code lowestPositive} to a round number at or
   * above {@code hi}; 1 to 10 when nothing positive is visible.
   */
  public static YScale fittingLog(double lowestPositive, double hi) {
    if (!(hi > 0)) {
      return new YScale(1, 10, true);
    }
    double top = niceCeil(hi);
    double floor = Math.pow(10, Math.floor(Math.log10(Math.min(lowestPositive, hi)) + 1e-9));
    double bottom = Math.max(floor, Math.pow(10, Math.ceil(Math.log10(top) - 1e-9) - LOG_DECADES));
    return new YScale(bottom, top > bottom ? top : bottom * 10, true);
  }

  /** The fitting scale of the bands of {@code bufs} over columns whose x lies in the plot. */
  public static YScale ofBands(ColumnBuffer[] bufs, TimelineLayout l) {
    return ofBands(bufs, l, false);
  }

  /** The fitting scale, linear or log, of the bands of {@code bufs} over columns whose x lies in the plot. */
  public static YScale ofBands(ColumnBuffer[] bufs, TimelineLayout l, boolean log) {
    double lo = 0;
    double hi = 0;
    double lowestPositive = Double.POSITIVE_INFINITY;
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
          double min = b.min(i);
          lo = Math.min(lo, min);
          hi = Math.max(hi, b.max(i));
          if (min > 0) {
            lowestPositive = Math.min(lowestPositive, min);
          } else if (b.value(i) > 0) {
            lowestPositive = Math.min(lowestPositive, b.value(i));
          }
        }
      }
    }
    return log ? fittingLog(lowestPositive, hi) : fitting(lo, hi);
  }

  /** The y of value {@code v} in {@code box}'s plot. */
  public double y(double v, LaneBox box) {
    double h = box.plotHeight() - TOP_PAD;
    return box.plotBottom() - share(v) * h;
  }

  /** How far up the plot {@code v} lies, 0 at {@code min} and 1 at {@code max}. */
  double share(double v) {
    if (!log) {
      return (v - min) / (max - min);
    }
    return v <= min ? 0 : Math.log(v / min) / Math.log(max / min);
  }

  /** The powers of ten strictly between {@code min} and {@code max} of a log scale, ascending; none for a linear one. */
  double[] decades() {
    if (!log) {
      return new double[0];
    }
    int from = (int) Math.floor(Math.log10(min) + 1e-9) + 1;
    int to = (int) Math.ceil(Math.log10(max) - 1e-9) - 1;
    double[] out = new double[Math.max(0, to - from + 1)];
    for (int k = from; k <= to; k++) {
      out[k - from] = Math.pow(10, k);
    }
    return out;
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
