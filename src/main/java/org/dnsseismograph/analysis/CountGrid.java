package org.dnsseismograph.analysis;

import java.util.List;
import java.util.Map;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.wire.ScanSummary.FileSpan;

/**
 * Event counts of a few metrics in buckets of one step, all from the same UTC-aligned origin: what
 * the detectors read, whether the counts came from a table or were reduced from multi-resolution
 * series. The step is {@link #STEP} unless the capture spans more buckets of it than the grid may
 * hold ({@link CaptureDetect#stepFor}); every reader takes the step from here. Immutable by
 * convention (the arrays are not copied).
 *
 * @param originNanos start of bucket 0, a multiple of the step
 * @param stepNanos bucket width
 * @param buckets number of buckets
 * @param counts per metric, {@code buckets} counts; a metric without events may be absent
 * @param covered per bucket whether some capture file's span (first to last frame) overlaps it;
 *     null when all do. A bucket outside every file (the gap between rotated captures) is
 *     unknown: its zero counts are no observation
 */
record CountGrid(long originNanos, long stepNanos, int buckets, Map<MetricId, double[]> counts, boolean[] covered) {
  /** The detection step, for captures that fit {@link CaptureDetect#MAX_BUCKETS} buckets of it. */
  static final long STEP = 100 * TimeUnits.NANOS_PER_MILLI;

  /** A grid whose every bucket was captured. */
  CountGrid(long originNanos, long stepNanos, int buckets, Map<MetricId, double[]> counts) {
    this(originNanos, stepNanos, buckets, counts, null);
  }

  /**
   * Which of the grid's buckets overlap one of the spans; null when all do (one file, or files
   * that follow each other without a gap of a whole bucket).
   */
  static boolean[] coverage(long originNanos, long stepNanos, int buckets, List<FileSpan> spans) {
    boolean[] covered = new boolean[buckets];
    for (FileSpan s : spans) {
      long from = Math.max(0, Math.floorDiv(s.firstNanos() - originNanos, stepNanos));
      long to = Math.min(buckets - 1L, Math.floorDiv(s.lastNanos() - originNanos, stepNanos));
      for (long b = from; b <= to; b++) {
        covered[(int) b] = true;
      }
    }
    for (boolean c : covered) {
      if (!c) {
        return covered;
      }
    }
    return null;
  }

  /** This grid with the buckets outside every one of the files' spans marked as not captured. */
  CountGrid covering(List<FileSpan> spans) {
    return new CountGrid(originNanos, stepNanos, buckets, counts, coverage(originNanos, stepNanos, buckets, spans));
  }

  /** Whether bucket {@code b} was captured. */
  boolean isCovered(int b) {
    return covered == null || covered[b];
  }

  double[] get(String metric) {
    double[] c = counts.get(MetricId.of(metric));
    return c == null ? new double[buckets] : c;
  }

  double total(String metric) {
    double sum = 0;
    for (double v : get(metric)) {
      sum += v;
    }
    return sum;
  }

  /**
   * Events per second of a metric over {@code [from, to)} (the whole captured buckets it overlaps:
   * a bucket no capture watched is left out, not averaged in as zero); NaN when none.
   */
  double rate(String metric, long fromNanos, long toNanos) {
    int a = bucket(fromNanos);
    int b = Math.min(buckets, bucket(toNanos - 1) + 1);
    double[] c = get(metric);
    double sum = 0;
    int n = 0;
    for (int i = a; i < b; i++) {
      if (isCovered(i)) {
        sum += c[i];
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / ((double) n * stepNanos / TimeUnits.NANOS_PER_SECOND);
  }

  /** Whether any bucket {@code [from, to)} overlaps was captured. */
  boolean anyCovered(long fromNanos, long toNanos) {
    int b = Math.min(buckets, bucket(toNanos - 1) + 1);
    for (int i = bucket(fromNanos); i < b; i++) {
      if (isCovered(i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The largest count of a metric in any whole second inside {@code [from, to)}, as a rate; NaN
   * when none fits. On a grid coarser than a second, no second can be told from its bucket: the
   * largest rate of a whole bucket.
   */
  double peakPerSecond(String metric, long fromNanos, long toNanos) {
    // The coarse steps are whole seconds from a UTC-aligned origin, so a bucket is a run of whole seconds.
    long second = Math.max(TimeUnits.NANOS_PER_SECOND, stepNanos);
    double best = Double.NaN;
    for (long s = Math.floorDiv(fromNanos, second) * second; s < toNanos; s += second) {
      double r = rate(metric, Math.max(s, originNanos), Math.min(s + second, originNanos + buckets * stepNanos));
      if (!Double.isNaN(r) && (Double.isNaN(best) || r > best)) {
        best = r;
      }
    }
    return best;
  }

  /** The bucket holding {@code t}, clamped into the grid. */
  private int bucket(long t) {
    long b = Math.floorDiv(t - originNanos, stepNanos);
    return (int) Math.max(0, Math.min(buckets, b));
  }
}
