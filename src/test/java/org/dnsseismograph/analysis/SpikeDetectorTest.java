package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongToDoubleFunction;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.TimeUnits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The spike detector on crafted count series: Poisson counts around a known rate, in 100 ms buckets. */
class SpikeDetectorTest {
  private static final long STEP = 100 * TimeUnits.NANOS_PER_MILLI;
  private static final long S = TimeUnits.NANOS_PER_SECOND;
  /** 2026-11-25T00:00:00Z. */
  private static final long DAY = 1_795_564_800L * S;
  private static final MetricId Q = MetricId.of("client.queries");

  /** Poisson counts per 100 ms bucket for a rate per second given as a function of the offset in ns. */
  private static double[] counts(long lengthNanos, long seed, LongToDoubleFunction ratePerSecond) {
    return counts(STEP, lengthNanos, seed, ratePerSecond);
  }

  /** The same in buckets of {@code step}: the grid of a capture too long for 100 ms. */
  private static double[] counts(long step, long lengthNanos, long seed, LongToDoubleFunction ratePerSecond) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] c = new double[(int) (lengthNanos / step)];
    for (int i = 0; i < c.length; i++) {
      c[i] = poisson(random, ratePerSecond.applyAsDouble(i * step) * step / S);
    }
    return c;
  }

  /** Inversion: exact for the means used here (under 100). */
  private static int poisson(SplittableRandom random, double mean) {
    double u = random.nextDouble();
    double p = Math.exp(-mean);
    double cdf = p;
    int k = 0;
    while (u > cdf && k < 10_000) {
      k++;
      p *= mean / k;
      cdf += p;
    }
    return k;
  }

  private static double diurnal(long offset) {
    return 200 + 150 * Math.sin(2 * Math.PI * offset / (86_400.0 * S) - Math.PI / 2);
  }

  @Test
  void twoCapturesTenDaysApartAreNoSpikeFromNoneWhenTheGapIsKnownUncaptured() {
    // Two minutes of a steady 170/s on a 1 s grid, ten days of nothing captured, two minutes more.
    double[] a = counts(S, 120 * S, 11, t -> 170);
    double[] b = counts(S, 120 * S, 12, t -> 170);
    int gap = 864_000;
    CoveredSeries series = CoveredSeries.withGap(a, gap, b);
    double[] c = series.values();
    boolean[] covered = series.covered();

    List<Spike> asZeros = SpikeDetector.detect(Q, DAY, S, c);
    assertTrue(asZeros.stream().anyMatch(s -> Double.isInfinite(s.factor())), "the gap's zeros as a baseline: " + asZeros);
    assertEquals(List.of(), SpikeDetector.detect(Q, DAY, S, c, covered));
  }

  @Test
  void aMaskThatCoversEveryBucketChangesNothingEvenAroundACapturedSilence() {
    // A captured minute of silence between two steady stretches is real zeros, and stays in the baseline.
    double[] c = counts(S, 600 * S, 13, t -> t >= 300 * S && t < 360 * S ? 0 : 170);
    boolean[] all = CoveredSeries.throughout(c).covered();
    assertEquals(SpikeDetector.detect(Q, DAY, S, c), SpikeDetector.detect(Q, DAY, S, c, all));
  }

  @Test
  void aWholeDayOfDiurnalLoadHasNoSpike() {
    double[] c = counts(86_400 * S, 7, SpikeDetectorTest::diurnal);

    assertEquals(List.of(), SpikeDetector.detect(Q, DAY, STEP, c));
  }

  @Test
  void aFewSecondsStormInADayIsFoundToTheSecondAndNothingElse() {
    long from = 14 * 3600 * S + 17 * S + 300 * TimeUnits.NANOS_PER_MILLI;
    long to = from + 4 * S;
    double[] c = counts(86_400 * S, 8, t -> diurnal(t) * (t >= from && t < to ? 2.5 : 1));

    List<Spike> spikes = SpikeDetector.detect(Q, DAY, STEP, c);
    assertEquals(1, spikes.size(), spikes.toString());
    Spike s = spikes.get(0);
    assertTrue(Math.abs(s.startNanos() - (DAY + from)) <= S, "start " + TimeUnits.format(s.startNanos()));
    assertTrue(Math.abs(s.endNanos() - (DAY + to)) <= S, "end " + TimeUnits.format(s.endNanos()));
    assertTrue(s.factor() > 2 && s.factor() < 3.5, "factor " + s.factor());
    assertTrue(s.peakNanos() >= s.startNanos() && s.peakNanos() < s.endNanos());
  }

  @Test
  void aFortnightOfDiurnalLoadOnAOneMinuteGridHasNoSpike() {
    long minute = 60 * S;
    // Up to 52 queries a minute at the day's peak, 7 at night: the baseline windows of the coarser
    // scales (50 h, 21 days) span whole days and do not follow the cycle.
    double[] c = counts(minute, 14 * 86_400 * S, 13, t -> diurnal(t) / 400);

    assertEquals(List.of(), SpikeDetector.detect(Q, DAY, minute, c));
  }

  @Test
  void aFiveMinuteStormInThreeDaysOnAOneSecondGridIsFoundToTheBucketAtTheGridsScales() {
    long from = 36 * 3600 * S + 1234 * S;
    long to = from + 300 * S;
    double[] c = counts(S, 3 * 86_400 * S, 14, t -> t >= from && t < to ? 60 : 20);

    List<Spike> spikes = SpikeDetector.detect(Q, DAY, S, c);
    assertEquals(1, spikes.size(), spikes.toString());
    Spike s = spikes.get(0);
    assertTrue(s.scaleNanos() == S || s.scaleNanos() == 10 * S || s.scaleNanos() == 100 * S, "a scale of the 1 s grid: " + s);
    assertTrue(Math.abs(s.startNanos() - (DAY + from)) <= s.scaleNanos() && Math.abs(s.endNanos() - (DAY + to)) <= s.scaleNanos(), s.toString());
    assertTrue(s.factor() > 2 && s.factor() < 4, "factor " + s.factor());
  }

  @Test
  void aBurstOfThreeHundredMillisecondsIsFoundAtTheFinestScale() {
    long from = 40 * S;
    double[] c = counts(600 * S, 9, t -> t >= from && t < from + 300 * TimeUnits.NANOS_PER_MILLI ? 1500 : 150);

    List<Spike> spikes = SpikeDetector.detect(Q, DAY, STEP, c);
    assertEquals(1, spikes.size(), spikes.toString());
    assertEquals(STEP, spikes.get(0).scaleNanos());
    assertEquals(DAY + from, spikes.get(0).startNanos());
    assertEquals(DAY + from + 300 * TimeUnits.NANOS_PER_MILLI, spikes.get(0).endNanos());
  }

  @Test
  void aSurgeOfTenMinutesIsFoundAtTheCoarseScale() {
    long from = 5 * 3600 * S;
    long to = from + 600 * S;
    double[] c = counts(12 * 3600 * S, 10, t -> t >= from && t < to ? 320 : 200);

    List<Spike> spikes = SpikeDetector.detect(Q, DAY, STEP, c);
    assertEquals(1, spikes.size(), spikes.toString());
    Spike s = spikes.get(0);
    assertEquals(10 * S, s.scaleNanos(), "stands out most in 10 s buckets");
    assertTrue(Math.abs(s.startNanos() - (DAY + from)) <= 10 * S && Math.abs(s.endNanos() - (DAY + to)) <= 10 * S, s.toString());
  }

  @Test
  void aSpikeAtTheVeryStartOfTheCaptureIsFound() {
    double[] c = counts(300 * S, 11, t -> t < 4 * S ? 400 : 100);

    List<Spike> spikes = SpikeDetector.detect(Q, DAY, STEP, c);
    assertEquals(1, spikes.size(), spikes.toString());
    assertEquals(DAY, spikes.get(0).startNanos());
    assertTrue(Math.abs(spikes.get(0).endNanos() - (DAY + 4 * S)) <= S, spikes.toString());
  }

  @Test
  void eventsFromNothingAreASpikeWithAnInfiniteFactor() {
    double[] c = counts(120 * S, 12, t -> t >= 60 * S && t < 70 * S ? 50 : 0);

    List<Spike> spikes = SpikeDetector.detect(Q, DAY, STEP, c);
    assertEquals(1, spikes.size(), spikes.toString());
    assertTrue(Double.isInfinite(spikes.get(0).factor()));
  }

  /**
   * A real lab outage (lab-outage-client-queries.txt, counted by tshark): 30 s of load, the clients'
   * query rate up from about 100/s to 200/s for eight of them. The incident fills two fifths of the
   * capture's one-second buckets, so it lifts their plain median; the spike must be found however
   * the traffic falls on the second boundaries (the lab starts its load at a random moment of the
   * second), not in nine alignments of ten.
   */
  @ParameterizedTest(name = "shifted {0} ms")
  @ValueSource(ints = {0, 100, 200, 300, 400, 500, 600, 700, 800, 900})
  void anIncidentFillingTwoFifthsOfAShortCaptureIsFoundAtEveryAlignmentToTheSecond(int shiftMillis) throws IOException {
    long shift = shiftMillis * TimeUnits.NANOS_PER_MILLI;
    LabCounts lab = LabCounts.read("lab-outage-client-queries.txt");

    List<Spike> spikes = SpikeDetector.detect(Q, lab.origin + shift, STEP, lab.counts);
    assertTrue(spikes.stream().anyMatch(s -> s.overlaps(lab.outageStart + shift, lab.outageEnd + shift + ClientImpacts.AFTERMATH_NANOS)),
        spikes.toString());
  }

  /** Counts per 100 ms of a lab run, with the run's outage; the file's format is in its header. */
  private record LabCounts(long origin, long outageStart, long outageEnd, double[] counts) {
    static LabCounts read(String resource) throws IOException {
      try (InputStream in = SpikeDetectorTest.class.getResourceAsStream(resource)) {
        List<String[]> lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().filter(l -> !l.startsWith("#"))
            .map(l -> l.trim().split(" +")).toList();
        double[] counts = lines.stream().skip(2).flatMap(Arrays::stream).mapToDouble(Double::parseDouble).toArray();
        return new LabCounts(Long.parseLong(lines.get(0)[1]), Long.parseLong(lines.get(1)[1]), Long.parseLong(lines.get(1)[2]), counts);
      }
    }
  }

  @Test
  void noEventsOrTooShortACaptureAreNoSpike() {
    assertEquals(List.of(), SpikeDetector.detect(Q, DAY, STEP, new double[36_000]));
    assertEquals(List.of(), SpikeDetector.detect(Q, DAY, STEP, new double[] {0, 0, 500, 0}));
  }

  @ParameterizedTest(name = "mean {0}")
  @CsvSource({"0.5", "1", "3", "10", "42.5", "250", "4000"})
  void thePoissonQuantileIsTheSmallestCountReachedWithProbabilityAtMostAlpha(double mean) {
    double k = PoissonTail.quantile(mean, SpikeDetector.ALPHA, SpikeDetector.Z);

    assertTrue(tail(mean, (long) k) <= SpikeDetector.ALPHA, "P(X >= k) <= alpha");
    assertTrue(tail(mean, (long) k - 1) > SpikeDetector.ALPHA, "P(X >= k - 1) > alpha");
  }

  /** P(X >= k) for X ~ Poisson(mean), by summing the probabilities from k up, each from its logarithm. */
  private static double tail(double mean, long k) {
    double sum = 0;
    for (long i = k; i < k + 20 * Math.sqrt(mean) + 100; i++) {
      double logP = i * Math.log(mean) - mean;
      for (long j = 2; j <= i; j++) {
        logP -= Math.log(j);
      }
      sum += Math.exp(logP);
    }
    return sum;
  }
}
