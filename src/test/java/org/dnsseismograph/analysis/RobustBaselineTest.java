package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The rolling baseline over series with points nobody observed (the gap between two rotated
 * captures): the uncovered points are left out of every window, not taken as zeros.
 */
class RobustBaselineTest {
  private static final int WINDOW = 301;
  private static final int STRIDE = 15;
  private static final DoubleBinaryOperator CLIP = (m, d) -> m + 3 * Math.max(1.4826 * d, Math.sqrt(Math.max(m, 1)));

  /** Counts that vary like a busy resolver's: 150 to 180, from a fixed linear congruential sequence. */
  private static double[] busy(int n, long seed) {
    double[] x = new double[n];
    long s = seed;
    for (int i = 0; i < n; i++) {
      s = s * 6_364_136_223_846_793_005L + 1_442_695_040_888_963_407L;
      x[i] = 150 + Math.floorMod(s >>> 33, 31);
    }
    return x;
  }

  @Test
  void aSeriesCoveredThroughoutGetsExactlyThePlainBaseline() {
    double[] x = busy(1000, 1);
    double[] median = new double[x.length];
    double[] mad = new double[x.length];
    RobustBaseline.compute(x, WINDOW, STRIDE, CLIP, median, mad);
    boolean[] all = CoveredSeries.throughout(x).covered();
    double[] coveredMedian = new double[x.length];
    double[] coveredMad = new double[x.length];
    RobustBaseline.compute(x, all, 20, WINDOW, STRIDE, CLIP, coveredMedian, coveredMad);
    assertArrayEquals(median, coveredMedian);
    assertArrayEquals(mad, coveredMad);
  }

  @Test
  void twoStretchesFartherApartThanAWindowEachGetTheBaselineTheyGetAlone() {
    // 123 captured points (two minutes of 1 s buckets), 8,640 uncaptured zeros (ten days less), 123 more.
    double[] a = busy(123, 2);
    double[] b = busy(123, 3);
    int gap = 8_640;
    CoveredSeries series = CoveredSeries.withGap(a, gap, b);
    double[] x = series.values();
    boolean[] covered = series.covered();
    double[] median = new double[x.length];
    double[] mad = new double[x.length];
    RobustBaseline.compute(x, covered, 20, WINDOW, STRIDE, CLIP, median, mad);

    assertBaselineAlone(a, Arrays.copyOfRange(median, 0, a.length), Arrays.copyOfRange(mad, 0, a.length));
    assertBaselineAlone(b, Arrays.copyOfRange(median, a.length + gap, x.length), Arrays.copyOfRange(mad, a.length + gap, x.length));
    for (int i = a.length; i < a.length + gap; i++) {
      assertTrue(Double.isNaN(median[i]) && Double.isNaN(mad[i]), "uncovered point " + i + " has a baseline");
    }
    // The captured counts are 150 to 180: a baseline that took the gap's zeros in would sit far below.
    for (int i = 0; i < a.length; i++) {
      assertTrue(median[i] >= 150 && median[i] <= 180, "median " + median[i]);
    }
  }

  private static void assertBaselineAlone(double[] x, double[] median, double[] mad) {
    double[] aloneMedian = new double[x.length];
    double[] aloneMad = new double[x.length];
    RobustBaseline.compute(x, WINDOW, STRIDE, CLIP, aloneMedian, aloneMad);
    assertArrayEquals(aloneMedian, median);
    assertArrayEquals(aloneMad, mad);
  }

  @Test
  void aWindowWithTooFewCoveredPointsGivesNoBaseline() {
    // 19 captured points among 600: fewer than the 20 a window needs, so nothing is estimated anywhere.
    double[] x = busy(600, 4);
    boolean[] covered = new boolean[x.length];
    Arrays.fill(covered, 290, 309, true);
    double[] median = new double[x.length];
    double[] mad = new double[x.length];
    RobustBaseline.compute(x, covered, 20, WINDOW, STRIDE, CLIP, median, mad);
    assertEquals(0, Arrays.stream(median).filter(m -> !Double.isNaN(m)).count());
    assertEquals(0, Arrays.stream(mad).filter(m -> !Double.isNaN(m)).count());

    // One more captured point is enough: the 20 are the window's whole sample.
    covered[309] = true;
    RobustBaseline.compute(x, covered, 20, WINDOW, STRIDE, CLIP, median, mad);
    double[] sample = Arrays.copyOfRange(x, 290, 310);
    Arrays.sort(sample);
    assertTrue(median[300] >= sample[0] && median[300] <= sample[19]);
    assertTrue(Double.isNaN(median[289]) && Double.isNaN(median[310]));
  }
}
