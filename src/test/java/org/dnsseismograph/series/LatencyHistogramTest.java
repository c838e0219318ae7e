package org.dnsseismograph.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LatencyHistogramTest {
  private static final int[] PERCENTILES = {1, 25, 50, 90, 99, 100};

  /** The nearest-rank percentile from first principles: sort, take rank ceil(p * n / 100). */
  private static long exactNearestRank(long[] values, int percent) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percent * (double) sorted.length / 100.0);
    return sorted[Math.max(rank, 1) - 1];
  }

  @ParameterizedTest(name = "count {0}, percent {1}: rank {2}")
  @CsvSource(textBlock = """
      1,   50, 1
      1,  100, 1
      4,   50, 2
      4,   90, 4
      10,  90, 9
      10,  99, 10
      100, 99, 99
      101, 99, 100
      200, 50, 100
      201, 50, 101
      """)
  void nearestRankIsTheCeilingOfPTimesNOverAHundred(long count, int percent, long rank) {
    assertEquals(rank, LatencyHistogram.nearestRank(count, percent));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"uniform-ms", "lognormal", "tiny", "bimodal", "huge"})
  void percentilesAreWithinATenthOfAPercentOfTheExactNearestRank(String shape) {
    Random rnd = new Random(shape.hashCode());
    LongSupplier gen = switch (shape) {
      case "uniform-ms" -> () -> 1_000_000 + rnd.nextInt(200_000_000);
      case "lognormal" -> () -> (long) Math.exp(15 + 1.5 * rnd.nextGaussian());
      case "tiny" -> () -> rnd.nextInt(3000);
      case "bimodal" -> () -> rnd.nextBoolean() ? 200_000 + rnd.nextInt(50_000) : 2_900_000_000L + rnd.nextInt(100_000_000);
      default -> () -> (rnd.nextLong() >>> 1);
    };
    for (int n : new int[] {1, 7, 128, 129, 10_000}) {
      long[] values = new long[n];
      LatencyHistogram h = new LatencyHistogram();
      for (int i = 0; i < n; i++) {
        values[i] = gen.getAsLong();
        h.record(values[i]);
      }
      for (int p : PERCENTILES) {
        long exact = exactNearestRank(values, p);
        long got = h.valueAtPercentile(p);
        assertTrue(Math.abs(got - exact) <= exact / 1024.0, shape + " n=" + n + " p" + p + ": exact " + exact + ", got " + got);
      }
      assertEquals(Arrays.stream(values).max().getAsLong(), h.max());
      assertEquals(Arrays.stream(values).min().getAsLong(), h.min());
      assertEquals(h.max(), h.valueAtPercentile(100), "p100 is the exact max");
    }
  }

  @Test
  void rawAndBinnedModesGiveTheSameAnswers() {
    Random rnd = new Random(7);
    LatencyHistogram raw = new LatencyHistogram(100_000);
    LatencyHistogram binned = new LatencyHistogram(0);
    for (int i = 0; i < 5000; i++) {
      long v = (long) Math.exp(10 + 4 * rnd.nextDouble());
      raw.record(v);
      binned.record(v);
    }
    for (int p = 1; p <= 100; p++) {
      assertEquals(raw.valueAtPercentile(p), binned.valueAtPercentile(p), "p" + p);
    }
  }

  @Test
  void valuesBelow1024NanosecondsAreExact() {
    LatencyHistogram h = new LatencyHistogram(0);
    for (long v = 0; v < 1024; v++) {
      h.record(v);
    }
    // 1024 values 0..1023: p50 is rank 512, the value 511.
    assertEquals(511, h.valueAtPercentile(50));
    assertEquals(1023, h.valueAtPercentile(100));
  }

  @Test
  void binsCoverTheWholeRangeContiguouslyWithBoundedWidth() {
    long prevEnd = 0;
    int bin = 0;
    while (true) {
      long low = LatencyHistogram.binLow(bin);
      long width = LatencyHistogram.binWidth(bin);
      assertEquals(prevEnd, low, "bin " + bin);
      assertEquals(bin, LatencyHistogram.binOf(low));
      assertEquals(bin, LatencyHistogram.binOf(low + width - 1));
      assertTrue(width == 1 || width <= low / 512, "bin " + bin + " too wide");
      if (low + width - 1 == Long.MAX_VALUE || low + width < 0) {
        break;
      }
      prevEnd = low + width;
      bin++;
    }
    assertEquals(LatencyHistogram.binOf(Long.MAX_VALUE), bin);
  }

  @Test
  void clearForgetsEverythingAndTheHistogramIsReusable() {
    LatencyHistogram h = new LatencyHistogram(4);
    for (int i = 0; i < 100; i++) {
      h.record(1_000_000L * (i + 1));
    }
    h.clear();
    h.record(5);
    assertEquals(1, h.count());
    assertEquals(5, h.valueAtPercentile(50));
    assertEquals(5, h.max());
  }

  @Test
  void emptyHistogramHasNoPercentileAndNegativeValuesAreRejected() {
    LatencyHistogram h = new LatencyHistogram();
    assertThrows(IllegalStateException.class, () -> h.valueAtPercentile(50));
    assertThrows(IllegalArgumentException.class, () -> h.record(-1));
    h.record(1);
    assertThrows(IllegalArgumentException.class, () -> h.valueAtPercentile(0));
    assertThrows(IllegalArgumentException.class, () -> h.valueAtPercentile(101));
  }

  @ParameterizedTest(name = "raw limit {0}")
  @ValueSource(ints = {0, 128, 100_000})
  void percentilesInOneWalkAnswerWhatEachPercentileAnswersAlone(int rawLimit) {
    Random rnd = new Random(rawLimit);
    // Repeated and neighbouring percentiles, so that several ranks fall in one bin.
    int[] percents = {1, 2, 50, 50, 51, 90, 99, 99, 100};
    for (int round = 0; round < 50; round++) {
      LatencyHistogram h = new LatencyHistogram(rawLimit);
      int n = 1 + rnd.nextInt(round < 10 ? 10 : 5000);
      long scale = 1L << rnd.nextInt(40);
      for (int i = 0; i < n; i++) {
        h.record(rnd.nextInt(4) == 0 ? scale : (long) (scale * Math.exp(3 * rnd.nextDouble())));
      }
      long[] out = new long[percents.length];
      h.valuesAtPercentiles(percents, out);
      for (int i = 0; i < percents.length; i++) {
        assertEquals(h.valueAtPercentile(percents[i]), out[i], "round " + round + ", n " + n + ", p" + percents[i]);
      }
    }
  }

  @Test
  void aClearedHistogramAnswersLikeAFreshOneWhereverItsNewValuesLie() {
    Random rnd = new Random(11);
    LatencyHistogram reused = new LatencyHistogram(0);
    for (int round = 0; round < 40; round++) {
      // Each round's values span a different range of octaves, above, below or across the last.
      LatencyHistogram fresh = new LatencyHistogram(0);
      int lowOctave = rnd.nextInt(50);
      int octaves = 1 + rnd.nextInt(12);
      // Few values, then many: a walk left over from the few must not be resumed.
      int n = round % 2 == 0 ? 1 + rnd.nextInt(6) : 1000 + rnd.nextInt(3000);
      for (int i = 0; i < n; i++) {
        long v = (long) Math.scalb(1.0 + rnd.nextDouble(), lowOctave + rnd.nextInt(octaves));
        reused.record(v);
        fresh.record(v);
      }
      long[] walked = new long[PERCENTILES.length];
      reused.valuesAtPercentiles(PERCENTILES, walked);
      for (int i = 0; i < PERCENTILES.length; i++) {
        assertEquals(fresh.valueAtPercentile(PERCENTILES[i]), walked[i], "round " + round + ", p" + PERCENTILES[i] + " in one walk");
      }
      for (int p = 1; p <= 100; p++) {
        assertEquals(fresh.valueAtPercentile(p), reused.valueAtPercentile(p), "round " + round + ", p" + p);
      }
      reused.clear();
    }
  }

  @Test
  void percentilesInOneWalkMustBeAscendingAndInRange() {
    LatencyHistogram h = new LatencyHistogram();
    long[] out = new long[3];
    assertThrows(IllegalStateException.class, () -> h.valuesAtPercentiles(new int[] {50, 90, 99}, out));
    h.record(1);
    assertThrows(IllegalArgumentException.class, () -> h.valuesAtPercentiles(new int[] {90, 50}, out));
    assertThrows(IllegalArgumentException.class, () -> h.valuesAtPercentiles(new int[] {0, 50}, out));
    assertThrows(IllegalArgumentException.class, () -> h.valuesAtPercentiles(new int[] {50, 101}, out));
  }
}
