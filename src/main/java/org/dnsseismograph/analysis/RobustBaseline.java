package org.dnsseismograph.analysis;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;

/**
 * A rolling median and lower median absolute deviation over a centred window: a baseline that
 * follows slow change (the daily cycle of a resolver's load) and is not pulled up by a short
 * spike. The spread is the median distance to the median of the points at or below it: for
 * symmetric noise the usual MAD, but one that the spike's own points cannot inflate.
 *
 * <p>A spike shorter than half the window cannot carry the median with it, but it does lift it:
 * when a tenth of the window is elevated the plain median is the 56th percentile of the quiet
 * points, when two fifths are (an incident filling a short capture) their 83rd; the lower MAD then
 * measures that lift as well as the noise (1.75 times the quiet spread at two fifths), and a
 * threshold built on both rises with the spike it is looking for. So each window is estimated
 * again without the points above the caller's clipping level for the previous estimate (upper
 * sigma clipping), until no kept point is above it (at most {@value #MAX_ROUNDS} rounds, never
 * fewer than half the window kept): the baseline of the points that are not far above it, so the
 * threshold no longer rises with the incident it is looking for.
 *
 * <p>Evaluated every {@code stride} points and interpolated linearly between, so the cost is
 * {@code n / stride} sorts of one window. Near the ends the window is shifted inwards to keep its
 * length. Stateless.
 *
 * @see <a href="https://en.wikipedia.org/wiki/Median_absolute_deviation">Median absolute deviation</a>
 * @see <a href="https://docs.astropy.org/en/stable/api/astropy.stats.sigma_clip.html">sigma clipping (astropy)</a>
 */
final class RobustBaseline {
  /** Most re-estimations of one window: each leaves out the points far above the previous estimate. */
  static final int MAX_ROUNDS = 8;

  private RobustBaseline() {}

  /**
   * Fills {@code median[i]} and {@code mad[i]} (the lower MAD) for every point of {@code x}.
   *
   * @param window points per window (odd); shorter series use all their points
   * @param stride points between two evaluations
   * @param clip the level above which a point is left out of the next estimate, given a median and
   *     a lower MAD
   */
  static void compute(double[] x, int window, int stride, DoubleBinaryOperator clip, double[] median, double[] mad) {
    compute(x, null, 0, window, stride, clip, median, mad);
  }

  /**
   * As {@link #compute(double[], int, int, DoubleBinaryOperator, double[], double[])}, for a series
   * with points nobody observed (between two captures with a gap): such a point is unknown, not a
   * zero. A window's estimate is taken from its covered points only; a window with fewer than
   * {@code minPoints} of them, and every uncovered point, gets NaN (no baseline). Evaluations run
   * along each covered stretch from its first point, every {@code stride} points and at its last,
   * and are interpolated only within it; so a series covered throughout gives exactly what the
   * plain method gives.
   *
   * @param covered per point whether it was observed; null for all
   * @param minPoints the fewest covered points a window needs for an estimate
   */
  static void compute(double[] x, boolean[] covered, int minPoints, int window, int stride, DoubleBinaryOperator clip, double[] median,
      double[] mad) {
    int n = x.length;
    int w = Math.min(window, n);
    double[] sorted = new double[w];
    double[] scratch = new double[w];
    double[] estimate = new double[2];
    int a = 0;
    while (a < n) {
      if (covered != null && !covered[a]) {
        median[a] = Double.NaN;
        mad[a] = Double.NaN;
        a++;
        continue;
      }
      int b = a;
      while (b + 1 < n && (covered == null || covered[b + 1])) {
        b++;
      }
      stretch(x, covered, Math.max(1, minPoints), a, b, w, stride, clip, sorted, scratch, estimate, median, mad);
      a = b + 1;
    }
  }

  /** Evaluates the covered points {@code a..b} and interpolates between evaluations. */
  private static void stretch(double[] x, boolean[] covered, int minPoints, int a, int b, int w, int stride, DoubleBinaryOperator clip,
      double[] sorted, double[] scratch, double[] estimate, double[] median, double[] mad) {
    int last = -1;
    double lastMed = 0;
    double lastMad = 0;
    for (int c = a; ; c = Math.min(b, c + stride)) {
      int from = Math.max(0, Math.min(x.length - w, c - w / 2));
      int k = gather(x, covered, from, w, sorted);
      double med = Double.NaN;
      double dev = Double.NaN;
      if (k >= minPoints) {
        Arrays.sort(sorted, 0, k);
        estimate(sorted, k, clip, scratch, estimate);
        med = estimate[0];
        dev = estimate[1];
      }
      if (last < 0) {
        median[c] = med;
        mad[c] = dev;
      } else {
        for (int i = last + 1; i <= c; i++) {
          double f = (double) (i - last) / (c - last);
          median[i] = lastMed + f * (med - lastMed);
          mad[i] = lastMad + f * (dev - lastMad);
        }
      }
      last = c;
      lastMed = med;
      lastMad = dev;
      if (c == b) {
        return;
      }
    }
  }

  /** Copies the covered points of {@code x[from, from + w)} to the front of {@code out}; returns how many. */
  private static int gather(double[] x, boolean[] covered, int from, int w, double[] out) {
    if (covered == null) {
      System.arraycopy(x, from, out, 0, w);
      return w;
    }
    int k = 0;
    for (int i = from; i < from + w; i++) {
      if (covered[i]) {
        out[k++] = x[i];
      }
    }
    return k;
  }

  /**
   * The median and lower MAD of the first {@code count} ascending points of {@code sorted},
   * re-estimated without the points above the {@code clip} level of the previous estimate until
   * none is above it.
   */
  private static void estimate(double[] sorted, int count, DoubleBinaryOperator clip, double[] scratch, double[] out) {
    int k = count;
    int least = (count + 1) / 2;
    double med = middle(sorted, k);
    double dev = lowerDeviation(sorted, k, med, scratch);
    for (int round = 0; round < MAX_ROUNDS; round++) {
      int kept = countAtMost(sorted, k, clip.applyAsDouble(med, dev));
      if (kept == k || kept < least) {
        break;
      }
      k = kept;
      med = middle(sorted, k);
      dev = lowerDeviation(sorted, k, med, scratch);
    }
    out[0] = med;
    out[1] = dev;
  }

  /** How many of the first {@code k} ascending points are at most {@code limit}. */
  private static int countAtMost(double[] sorted, int k, double limit) {
    int lo = 0;
    int hi = k;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= limit) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static double middle(double[] sorted, int n) {
    return (n & 1) == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The median of {@code med - x} over the first {@code n} ascending points with {@code x <= med}. */
  private static double lowerDeviation(double[] sorted, int n, double med, double[] scratch) {
    int k = 0;
    while (k < n && sorted[k] <= med) {
      k++;
    }
    // Ascending x below the median gives descending distances: write them reversed, ascending.
    for (int i = 0; i < k; i++) {
      scratch[k - 1 - i] = med - sorted[i];
    }
    return k == 0 ? 0 : middle(scratch, k);
  }
}
