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
    int n = x.length;
    if (n == 0) {
      return;
    }
    int w = Math.min(window, n);
    double[] sorted = new double[w];
    double[] scratch = new double[w];
    double[] estimate = new double[2];
    int last = -1;
    double lastMed = 0;
    double lastMad = 0;
    for (int c = 0; ; c = Math.min(n - 1, c + stride)) {
      int from = Math.max(0, Math.min(n - w, c - w / 2));
      System.arraycopy(x, from, sorted, 0, w);
      Arrays.sort(sorted);
      estimate(sorted, clip, scratch, estimate);
      double med = estimate[0];
      double dev = estimate[1];
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
      if (c == n - 1) {
        return;
      }
    }
  }

  /**
   * The median and lower MAD of the ascending {@code sorted} window, re-estimated without the
   * points above the {@code clip} level of the previous estimate until none is above it.
   */
  private static void estimate(double[] sorted, DoubleBinaryOperator clip, double[] scratch, double[] out) {
    int k = sorted.length;
    int least = (sorted.length + 1) / 2;
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
