package org.dnsseismograph.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.TimeUnits;

/**
 * Finds spikes in an event count at three scales — 100 ms, 1 s and 10 s buckets on the 100 ms
 * grid — each against a robust baseline of its own ({@link RobustBaseline}: rolling median and MAD
 * over a centred window of {@value #WINDOW} buckets, so 30 s, 5 min and 50 min, each estimated again
 * without the points more than {@value #CLIP_SIGMAS} standard deviations above it, so that an
 * incident filling much of a short capture does not lift its own baseline), so a burst of a few hundred
 * milliseconds, a storm of a few seconds in a day-long capture, and a surge of minutes are all
 * found, while the daily rise and fall of the load, which the rolling median follows, is not.
 *
 * <p>A bucket is hot when its count {@code x} exceeds all of: the Poisson count that a steady rate
 * at the median reaches only with probability {@value #ALPHA} (with a floor of one event per
 * bucket), the median plus {@value #MAD_SIGMAS} robust standard deviations (1.4826 × MAD, for
 * bursty traffic), {@value #MIN_FACTOR} times the median, and the median plus {@value #MIN_EXCESS}
 * events. Hot buckets with at most one cool bucket between them form a spike; spikes of all scales
 * that overlap or lie at most one base step apart are one. It is reported at the finest scale that
 * resolves it (at least two hot buckets) where it stands out at least half as much as at the scale
 * where it stands out most (its peak, rate and baseline there), its span the union of that scale's
 * and the finer scales' hot buckets. A scale with fewer than {@value #MIN_BUCKETS} whole buckets
 * in the capture is not used.
 *
 * <p>The scales are multiples of the grid's step (100 ms; for a capture too long for that, the
 * coarser step {@link CaptureDetect} chose), and so are the windows: on a 1 s grid the scales are
 * 1 s, 10 s and 100 s against windows of 5 min, 50 min and 500 min. The thresholds are statements
 * about counts per bucket (a Poisson tail at the bucket's median count, a MAD of counts, ratios)
 * and hold for any bucket width; what a coarser grid loses is resolution: a burst shorter than a
 * bucket is diluted by the rest of it and found only when it lifts the whole bucket, and the
 * longest window (301 buckets of the coarsest scale: 500 min on a 1 s grid, 21 days on a 1 min
 * grid) follows the daily cycle less closely, which the MAD term absorbs (a daily swing of the
 * load by a fraction {@code a} has a lower MAD near {@code 0.7 a} of the median, and the threshold
 * sits {@value #MAD_SIGMAS} × 1.4826 of that above it). Stateless.
 */
final class SpikeDetector {
  /** The bucket scales, in multiples of the grid's step. */
  static final int[] SCALES = {1, 10, 100};
  static final int WINDOW = 301;
  static final int STRIDE = 15;
  static final int MIN_BUCKETS = 20;
  static final double ALPHA = 1e-7;
  /** The standard normal quantile of {@code 1 - ALPHA}. */
  static final double Z = 5.199;
  static final double MAD_SIGMAS = 6;
  static final double MIN_FACTOR = 1.5;
  static final double MIN_EXCESS = 5;
  /** Where the baseline's estimate leaves points out: this many standard deviations above it. */
  static final double CLIP_SIGMAS = 3;
  private static final double MAD_TO_SIGMA = 1.4826;

  /** One hot run at one scale. */
  private record Run(int scale, long start, long end, long peak, double peakCount, double baseline, double significance) {}

  private SpikeDetector() {}

  /**
   * The spikes of one metric.
   *
   * @param originNanos start of {@code counts[0]}, a multiple of {@code stepNanos}
   * @param stepNanos the grid's step (100 ms, or coarser for a long capture)
   * @param counts events per base bucket
   */
  static List<Spike> detect(MetricId metric, long originNanos, long stepNanos, double[] counts) {
    return detect(metric, originNanos, stepNanos, counts, null);
  }

  /**
   * The spikes of one metric in a series with buckets nobody captured (between rotated captures
   * with a gap): such a bucket is unknown, not a zero. A bucket of a scale counts as captured when
   * all its base buckets are; the baselines are estimated from captured buckets only ({@link
   * RobustBaseline}, at least {@value #MIN_BUCKETS} in a window), a bucket without a baseline is
   * never hot, and a scale with fewer than {@value #MIN_BUCKETS} captured buckets is not used.
   *
   * @param covered per base bucket whether a capture watched it; null for all
   */
  static List<Spike> detect(MetricId metric, long originNanos, long stepNanos, double[] counts, boolean[] covered) {
    List<Run> runs = new ArrayList<>();
    for (int scale : SCALES) {
      runs.addAll(runs(originNanos, stepNanos, counts, covered, scale));
    }
    runs.sort(Comparator.comparingLong(Run::start));
    List<Spike> spikes = new ArrayList<>();
    List<Run> group = new ArrayList<>();
    long groupEnd = Long.MIN_VALUE;
    for (Run r : runs) {
      if (!group.isEmpty() && r.start > groupEnd + stepNanos) {
        spikes.add(spike(metric, group, stepNanos));
        group.clear();
      }
      group.add(r);
      groupEnd = Math.max(groupEnd, r.end);
    }
    if (!group.isEmpty()) {
      spikes.add(spike(metric, group, stepNanos));
    }
    return spikes;
  }

  private static Spike spike(MetricId metric, List<Run> group, long step) {
    Run best = representative(group, step);
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    for (Run r : group) {
      if (r.scale <= best.scale) {
        start = Math.min(start, r.start);
        end = Math.max(end, r.end);
      }
    }
    double seconds = (double) best.scale * step / TimeUnits.NANOS_PER_SECOND;
    double peakRate = best.peakCount / seconds;
    double baselineRate = best.baseline / seconds;
    double factor = baselineRate > 0 ? peakRate / baselineRate : Double.POSITIVE_INFINITY;
    return new Spike(metric, start, end, best.peak, peakRate, baselineRate, factor, best.scale * step, best.significance);
  }

  /**
   * The run a spike is reported by: at the finest scale that resolves it (a run of at least two
   * buckets) and where it stands out at least half as much as anywhere; else the most significant.
   */
  private static Run representative(List<Run> group, long step) {
    Run most = group.get(0);
    for (Run r : group) {
      if (r.significance > most.significance) {
        most = r;
      }
    }
    for (int scale : SCALES) {
      Run best = null;
      boolean resolved = false;
      for (Run r : group) {
        if (r.scale == scale) {
          resolved |= r.end - r.start >= 2L * scale * step;
          best = best == null || r.significance > best.significance ? r : best;
        }
      }
      if (best != null && resolved && best.significance >= most.significance / 2) {
        return best;
      }
    }
    return most;
  }

  private static List<Run> runs(long origin, long step, double[] counts, boolean[] coveredBase, int scale) {
    long originBin = Math.floorDiv(origin, step);
    long firstBlock = Math.floorDiv(originBin + scale - 1, scale);
    long endBlock = Math.floorDiv(originBin + counts.length, scale);
    int n = (int) Math.max(0, endBlock - firstBlock);
    double[] x = new double[n];
    boolean[] covered = coveredBase == null ? null : new boolean[n];
    int coveredBlocks = coveredBase == null ? n : 0;
    for (int j = 0; j < n; j++) {
      int from = (int) ((firstBlock + j) * scale - originBin);
      boolean all = true;
      for (int i = from; i < from + scale; i++) {
        x[j] += counts[i];
        all &= coveredBase == null || coveredBase[i];
      }
      if (covered != null) {
        covered[j] = all;
        coveredBlocks += all ? 1 : 0;
      }
    }
    if (coveredBlocks < MIN_BUCKETS) {
      return List.of();
    }
    double[] median = new double[n];
    double[] mad = new double[n];
    RobustBaseline.compute(x, covered, MIN_BUCKETS, WINDOW, STRIDE, (m, d) -> m + CLIP_SIGMAS * sigma(m, d), median, mad);
    List<Run> out = new ArrayList<>();
    int[] hot = hotRuns(x, median, mad);
    for (int r = 0; r < hot.length; r += 2) {
      out.add(run(x, median, mad, hot[r], hot[r + 1], firstBlock, scale, step));
    }
    return out;
  }

  /**
   * Pairs (first, last) of runs of hot buckets, at most one cool bucket apart within a run; a
   * bucket without a baseline (NaN: not captured, or too few captured around it) is never hot and
   * ends a run.
   */
  private static int[] hotRuns(double[] x, double[] median, double[] mad) {
    int[] runs = new int[8];
    int count = 0;
    int runStart = -1;
    int lastHot = -1;
    // The baseline is flat over long stretches (all of a quiet gap on a coarse grid): its threshold
    // is computed again only when it changes.
    double lastMedian = Double.NaN;
    double lastMad = Double.NaN;
    double limit = 0;
    for (int j = 0; j <= x.length; j++) {
      boolean known = j < x.length && !Double.isNaN(median[j]) && !Double.isNaN(mad[j]);
      if (known && (median[j] != lastMedian || mad[j] != lastMad)) {
        lastMedian = median[j];
        lastMad = mad[j];
        limit = threshold(lastMedian, lastMad);
      }
      boolean hot = known && x[j] > limit;
      boolean ends = runStart >= 0 && (j == x.length || hot && j - lastHot > 2 || j < x.length && !known);
      if (ends) {
        if (count + 2 > runs.length) {
          runs = java.util.Arrays.copyOf(runs, runs.length * 2);
        }
        runs[count++] = runStart;
        runs[count++] = lastHot;
        runStart = -1;
      }
      if (hot) {
        runStart = runStart < 0 ? j : runStart;
        lastHot = j;
      }
    }
    return java.util.Arrays.copyOf(runs, count);
  }

  static double threshold(double median, double mad) {
    double poisson = PoissonTail.quantile(Math.max(median, 1), ALPHA, Z) - 1;
    return Math.max(Math.max(poisson, median + MAD_SIGMAS * MAD_TO_SIGMA * mad), Math.max(MIN_FACTOR * median, median + MIN_EXCESS));
  }

  /** The standard deviation of a bucket: the robust one (1.4826 x MAD), at least the Poisson one. */
  static double sigma(double median, double mad) {
    return Math.max(MAD_TO_SIGMA * mad, Math.sqrt(Math.max(median, 1)));
  }

  private static Run run(double[] x, double[] median, double[] mad, int from, int to, long firstBlock, int scale, long step) {
    int peak = from;
    double significance = 0;
    for (int j = from; j <= to; j++) {
      if (x[j] > x[peak]) {
        peak = j;
      }
      significance = Math.max(significance, (x[j] - median[j]) / sigma(median[j], mad[j]));
    }
    long width = scale * step;
    return new Run(scale, (firstBlock + from) * width, (firstBlock + to + 1) * width, (firstBlock + peak) * width, x[peak], median[peak], significance);
  }
}
