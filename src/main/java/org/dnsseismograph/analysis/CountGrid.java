package org.dnsseismograph.analysis;

import java.util.Map;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.TimeUnits;

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
 */
record CountGrid(long originNanos, long stepNanos, int buckets, Map<MetricId, double[]> counts) {
  /** The detection step, for captures that fit {@link CaptureDetect#MAX_BUCKETS} buckets of it. */
  static final long STEP = 100 * TimeUnits.NANOS_PER_MILLI;

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

  /** Events per second of a metric over {@code [from, to)} (whole buckets it overlaps); NaN for an empty span. */
  double rate(String metric, long fromNanos, long toNanos) {
    int a = bucket(fromNanos);
    int b = Math.min(buckets, bucket(toNanos - 1) + 1);
    if (b <= a) {
      return Double.NaN;
    }
    double[] c = get(metric);
    double sum = 0;
    for (int i = a; i < b; i++) {
      sum += c[i];
    }
    return sum / ((double) (b - a) * stepNanos / TimeUnits.NANOS_PER_SECOND);
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
