package org.dnsseismograph.analysis;

import java.util.Arrays;
import org.dnsseismograph.series.ColumnBuffer;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.TimeRange;

/**
 * Reads series on regular grids for the aligners: values per cell (NaN where there is no data),
 * the resolution a series has, and robust statistics of what was read. Times are epoch ns, UTC.
 * Stateless and thread-safe.
 */
public final class AlignmentGrid {
  /** The finest grid used: an exact event series is read at the 100 ms of its detail. */
  public static final long FINEST_NANOS = EventSeries.DETAIL_NANOS;

  private AlignmentGrid() {}

  /** The resolution of {@code s}: its coarsest step over its extent, at least {@link #FINEST_NANOS}. */
  public static long resolution(ResolvableSeries s) {
    return s.isEmpty() ? FINEST_NANOS : Math.max(FINEST_NANOS, s.coarsestStepIn(s.extent()));
  }

  /** {@code cells} values of {@code s}, one per {@code cellNanos} from {@code start}; NaN where it has no data. */
  public static double[] sample(ResolvableSeries s, long start, long cellNanos, int cells) {
    double[] v = new double[cells];
    if (cells == 0) {
      return v;
    }
    ColumnBuffer out = new ColumnBuffer(cells);
    s.reduce(new TimeRange(start, start + cellNanos * cells), cells, out);
    for (int i = 0; i < cells; i++) {
      v[i] = out.value(i);
    }
    return v;
  }

  /** The median of the finite values; NaN when there are none. */
  public static double median(double[] v) {
    double[] f = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
    return f.length == 0 ? Double.NaN : f[f.length / 2];
  }

  /**
   * The noise of one cell of {@code v}: a robust standard deviation from the median absolute
   * difference between neighbours (1.4826 × median |d| / √2, as neighbours' differences carry the
   * noise twice), never below 0.5 % of the largest magnitude, so a flat series does not make every
   * wiggle an event.
   */
  public static double noise(double[] v) {
    double[] d = new double[Math.max(0, v.length - 1)];
    double peak = 0;
    int k = 0;
    for (int i = 0; i < v.length; i++) {
      if (Double.isFinite(v[i])) {
        peak = Math.max(peak, Math.abs(v[i]));
        if (i > 0 && Double.isFinite(v[i - 1])) {
          d[k++] = Math.abs(v[i] - v[i - 1]);
        }
      }
    }
    double mad = k == 0 ? 0 : median(Arrays.copyOf(d, k));
    return Math.max(Math.max(1.4826 * mad / Math.sqrt(2), 0.005 * peak), 1e-12);
  }

  /**
   * How far the mean of the {@code half} cells from {@code i} lies from the mean of the {@code half}
   * cells before, in standard deviations of such a difference of means under the series' noise
   * (σ·√(2/half)); 0 where either side has no data.
   */
  public static double levelChange(double[] v, int i, int half, double noise) {
    double d = mean(v, i, i + half) - mean(v, i - half, i);
    return Double.isFinite(d) ? Math.abs(d) / (noise * Math.sqrt(2.0 / half)) : 0;
  }

  /** Mean of the finite values of {@code v[from, to)}; NaN when none. */
  public static double mean(double[] v, int from, int to) {
    double sum = 0;
    int n = 0;
    for (int i = Math.max(0, from); i < Math.min(v.length, to); i++) {
      if (Double.isFinite(v[i])) {
        sum += v[i];
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
