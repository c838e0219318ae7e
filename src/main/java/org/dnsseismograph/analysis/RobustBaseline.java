package org.dnsseismograph.analysis;

import java.util.Arrays;

/**
 * A rolling median and lower median absolute deviation over a centred window: a baseline that
 * follows slow change (the daily cycle of a resolver's load) and is not pulled up by a short
 * spike, since a spike shorter than half the window cannot move the median. The spread is the
 * median distance to the median of the points at or below it: for symmetric noise the usual MAD,
 * but one that the spike being looked for cannot inflate. Evaluated every {@code stride} points and
 * interpolated linearly between, so the cost is {@code n / stride} sorts of one window. Near the
 * ends the window is shifted inwards to keep its length. Stateless.
 */
final class RobustBaseline {
  private RobustBaseline() {}

  /**
   * Fills {@code median[i]} and {@code mad[i]} (the lower MAD) for every point of {@code x}.
   *
   * @param window points per window (odd); shorter series use all their points
   * @param stride points between two evaluations
   */
  static void compute(double[] x, int window, int stride, double[] median, double[] mad) {
    int n = x.length;
    if (n == 0) {
      return;
    }
    int w = Math.min(window, n);
    double[] buf = new double[w];
    int last = -1;
    double lastMed = 0;
    double lastMad = 0;
    for (int c = 0; ; c = Math.min(n - 1, c + stride)) {
      int from = Math.max(0, Math.min(n - w, c - w / 2));
      System.arraycopy(x, from, buf, 0, w);
      Arrays.sort(buf);
      double med = middle(buf);
      double dev = lowerDeviation(buf, med);
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

  private static double middle(double[] sorted) {
    return middle(sorted, sorted.length);
  }

  private static double middle(double[] sorted, int n) {
    return (n & 1) == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The median of {@code med - x} over the sorted points {@code x <= med}; overwrites {@code sorted}. */
  private static double lowerDeviation(double[] sorted, double med) {
    int k = 0;
    while (k < sorted.length && sorted[k] <= med) {
      k++;
    }
    // Ascending x below the median gives descending distances: reverse into ascending order.
    for (int i = 0; i < k; i++) {
      sorted[i] = med - sorted[i];
    }
    for (int i = 0, j = k - 1; i < j; i++, j--) {
      double t = sorted[i];
      sorted[i] = sorted[j];
      sorted[j] = t;
    }
    return k == 0 ? 0 : middle(sorted, k);
  }
}
