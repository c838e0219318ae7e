package org.dnsseismograph.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.TimeUnits;

/**
 * Estimates how far a source's clock was off by cross-correlating one of its series (a query rate,
 * say) against a reference series around the strongest shared change (of the reference's three
 * strongest changes, the one whose comparison comes out best): the offset at which the
 * two shapes agree best, searched first one coarse interval at a time over ±{@link #maxOffsetNanos()},
 * then a tenth of an interval at a time around the best. Pearson correlation makes the comparison
 * blind to scale and baseline, so a resolver's own statistics can be aligned with a capture of its
 * traffic. The uncertainty is the width of the correlation peak, and never less than one interval
 * of the coarser series (no series says more about time than its interval).
 *
 * <p>Pure function of its inputs; thread-safe. Cost: O(3 × (offsets + 40) × window cells) reductions,
 * independent of the number of events behind the series.
 */
public final class ClockOffsetEstimator {
  /** The default search: ±10 minutes. */
  public static final long DEFAULT_MAX_OFFSET_NANOS = 600 * TimeUnits.NANOS_PER_SECOND;
  private static final int EDGE_HALF_WIDTH = 5;
  /** How many of the reference's strongest changes are tried as the shared event. */
  private static final int EVENTS_TRIED = 3;
  private static final int MIN_WINDOW_CELLS = 30;
  private static final long MIN_WINDOW_NANOS = 60 * TimeUnits.NANOS_PER_SECOND;
  private static final int REFINE = 10;
  private static final double MIN_PAIR_SHARE = 0.6;
  private static final double PEAK_TOLERANCE = 0.02;
  /** Event sizes (standard deviations of a change of the mean) a HIGH and a MEDIUM estimate need. */
  private static final double HIGH_EVENT = 8;
  private static final double MEDIUM_EVENT = 6;

  private final long maxOffsetNanos;

  public ClockOffsetEstimator() {
    this(DEFAULT_MAX_OFFSET_NANOS);
  }

  /** @param maxOffsetNanos the largest offset searched, either way (positive) */
  public ClockOffsetEstimator(long maxOffsetNanos) {
    if (maxOffsetNanos <= 0) {
      throw new IllegalArgumentException("max offset must be positive, got " + maxOffsetNanos);
    }
    this.maxOffsetNanos = maxOffsetNanos;
  }

  public long maxOffsetNanos() {
    return maxOffsetNanos;
  }

  /** The offset of {@code other}'s clock relative to {@code reference}'s (see {@link ClockOffsetEstimate}). */
  public ClockOffsetEstimate estimate(ResolvableSeries reference, ResolvableSeries other) {
    long step = Math.max(AlignmentGrid.resolution(reference), AlignmentGrid.resolution(other));
    if (reference.isEmpty() || other.isEmpty()) {
      return ClockOffsetEstimate.none(step, "one of the series holds no data");
    }
    long start = reference.extent().startNanos();
    int cells = (int) Math.min(1_000_000, reference.extent().durationNanos() / step);
    if (cells < 2 * EDGE_HALF_WIDTH + 2) {
      return ClockOffsetEstimate.none(step, "the reference is shorter than " + (2 * EDGE_HALF_WIDTH + 2) + " intervals of "
          + TimeUnits.formatDuration(step));
    }
    double[] ref = AlignmentGrid.sample(reference, start, step, cells);
    List<Edge> edges = strongestEdges(ref, EVENTS_TRIED);
    if (edges.isEmpty() || edges.get(0).score < MEDIUM_EVENT / 2) {
      return ClockOffsetEstimate.none(step, "the reference shows no change to align on");
    }
    // The strongest change of the reference may lie where the other source has no data: the
    // strongest *shared* one is the one whose comparison comes out best.
    ClockOffsetEstimate best = null;
    for (Edge edge : edges) {
      if (edge.score < MEDIUM_EVENT / 2) {
        break;
      }
      long eventAt = start + (long) edge.index * step;
      long half = Math.max(MIN_WINDOW_CELLS * step, MIN_WINDOW_NANOS);
      long from = Math.max(start, eventAt - half);
      long to = Math.min(reference.extent().endNanos(), eventAt + half);
      ClockOffsetEstimate e = correlate(reference, other, from, to, step, eventAt, edge.score);
      if (best == null || better(e, best)) {
        best = e;
      }
    }
    return best;
  }

  /** Higher quality first, then the higher correlation. */
  private static boolean better(ClockOffsetEstimate a, ClockOffsetEstimate b) {
    if (a.quality() != b.quality()) {
      return a.quality().compareTo(b.quality()) < 0;
    }
    return a.found() && a.correlation() > b.correlation();
  }

  private ClockOffsetEstimate correlate(ResolvableSeries reference, ResolvableSeries other, long from, long to, long step,
      long eventAt, double eventScore) {
    int n = (int) ((to - from) / step);
    double[] ref = AlignmentGrid.sample(reference, from, step, n);
    long lagSteps = maxOffsetNanos / step;
    double[] coarse = correlations(ref, other, from, -lagSteps * step, step, (int) (2 * lagSteps + 1), step);
    int best = argmax(coarse);
    if (best < 0) {
      return ClockOffsetEstimate.none(step, "the series do not overlap within ±" + TimeUnits.formatDuration(maxOffsetNanos)
          + " of the reference's strongest change");
    }
    // Refine the lag a tenth of an interval at a time, still comparing whole intervals: finer cells
    // would only add counting noise, not timing.
    long fine = Math.max(1, step / REFINE);
    long centre = (best - lagSteps) * step;
    double[] r = correlations(ref, other, from, centre - 2 * REFINE * fine, fine, 4 * REFINE + 1, step);
    int peak = argmax(r);
    double top = peak < 0 ? coarse[best] : r[peak];
    long offset = peak < 0 ? centre : centre + (peak - 2 * REFINE) * fine;
    long width = peak < 0 ? 0 : peakHalfWidth(r, peak, top) * fine;
    double second = outsidePeak(coarse, best);
    double margin = Double.isNaN(second) ? top + 1 : top - second;
    ClockOffsetEstimate.Quality q = quality(top, margin, eventScore);
    if (q == ClockOffsetEstimate.Quality.NONE) {
      return ClockOffsetEstimate.none(step, String.format(Locale.ROOT, "no offset correlates well (best r = %.2f)", top));
    }
    String why = String.format(Locale.ROOT, "correlated %s around the reference's strongest change (%.1f standard deviations)",
        TimeUnits.formatDuration(to - from), eventScore);
    return new ClockOffsetEstimate(offset, Math.max(step, width), top, Math.min(2, margin), q, eventAt, step, why);
  }

  /** Correlations of {@code ref} (cells of {@code step} from {@code from}) with {@code other} read {@code lags} lags apart. */
  private static double[] correlations(double[] ref, ResolvableSeries other, long from, long firstLag, long lagStep, int lags, long step) {
    double[] r = new double[lags];
    for (int k = 0; k < lags; k++) {
      r[k] = pearson(ref, AlignmentGrid.sample(other, from + firstLag + k * lagStep, step, ref.length));
    }
    return r;
  }

  /** The index of the largest non-NaN value, or -1 when there is none. */
  private static int argmax(double[] r) {
    int best = -1;
    for (int k = 0; k < r.length; k++) {
      if (!Double.isNaN(r[k]) && (best < 0 || r[k] > r[best])) {
        best = k;
      }
    }
    return best;
  }

  private static ClockOffsetEstimate.Quality quality(double r, double margin, double eventScore) {
    if (r >= 0.8 && margin >= 0.2 && eventScore >= HIGH_EVENT) {
      return ClockOffsetEstimate.Quality.HIGH;
    }
    if (r >= 0.6 && margin >= 0.1 && eventScore >= MEDIUM_EVENT) {
      return ClockOffsetEstimate.Quality.MEDIUM;
    }
    return r >= 0.3 ? ClockOffsetEstimate.Quality.LOW : ClockOffsetEstimate.Quality.NONE;
  }

  /**
   * The best correlation outside the peak's own lobe (the cells around {@code best} down to where
   * the correlation stops falling): how well the next-best offset does; NaN when there is none.
   */
  private static double outsidePeak(double[] r, int best) {
    int lo = best;
    while (lo > 0 && !Double.isNaN(r[lo - 1]) && r[lo - 1] <= r[lo]) {
      lo--;
    }
    int hi = best;
    while (hi < r.length - 1 && !Double.isNaN(r[hi + 1]) && r[hi + 1] <= r[hi]) {
      hi++;
    }
    double s = Double.NaN;
    for (int k = 0; k < r.length; k++) {
      if ((k < lo || k > hi) && !Double.isNaN(r[k]) && (Double.isNaN(s) || r[k] > s)) {
        s = r[k];
      }
    }
    return s;
  }

  /** How many cells either side of the peak stay within the tolerance of its value (the larger side). */
  private static long peakHalfWidth(double[] r, int peak, double top) {
    int lo = peak;
    while (lo > 0 && r[lo - 1] >= top - PEAK_TOLERANCE) {
      lo--;
    }
    int hi = peak;
    while (hi < r.length - 1 && r[hi + 1] >= top - PEAK_TOLERANCE) {
      hi++;
    }
    return Math.max(peak - lo, hi - peak);
  }

  /** Pearson correlation over the cells where both have values; NaN when too few do or one is flat. */
  static double pearson(double[] a, double[] b) {
    int n = 0;
    double sa = 0;
    double sb = 0;
    for (int i = 0; i < a.length; i++) {
      if (Double.isFinite(a[i]) && Double.isFinite(b[i])) {
        n++;
        sa += a[i];
        sb += b[i];
      }
    }
    if (n < Math.max(8, MIN_PAIR_SHARE * a.length)) {
      return Double.NaN;
    }
    double ma = sa / n;
    double mb = sb / n;
    double cov = 0;
    double va = 0;
    double vb = 0;
    for (int i = 0; i < a.length; i++) {
      if (Double.isFinite(a[i]) && Double.isFinite(b[i])) {
        double x = a[i] - ma;
        double y = b[i] - mb;
        cov += x * y;
        va += x * x;
        vb += y * y;
      }
    }
    return va <= 0 || vb <= 0 ? Double.NaN : cov / Math.sqrt(va * vb);
  }

  /** A change: the boundary index and its size in standard deviations of a change of the mean. */
  record Edge(int index, double score) {}

  /** The boundary where the mean of the next cells differs most from the mean of the previous ones. */
  static Edge strongestEdge(double[] v) {
    List<Edge> e = strongestEdges(v, 1);
    return e.isEmpty() ? null : e.get(0);
  }

  /** Up to {@code max} boundaries of the largest level changes, strongest first, each at least a window apart. */
  static List<Edge> strongestEdges(double[] v, int max) {
    double noise = AlignmentGrid.noise(v);
    List<Edge> all = new ArrayList<>();
    for (int i = EDGE_HALF_WIDTH; i <= v.length - EDGE_HALF_WIDTH; i++) {
      all.add(new Edge(i, AlignmentGrid.levelChange(v, i, EDGE_HALF_WIDTH, noise)));
    }
    all.sort(Comparator.comparingDouble(Edge::score).reversed());
    List<Edge> out = new ArrayList<>();
    for (Edge e : all) {
      if (out.size() == max) {
        break;
      }
      if (out.stream().noneMatch(o -> Math.abs(o.index - e.index) < MIN_WINDOW_CELLS)) {
        out.add(e);
      }
    }
    return out;
  }
}
