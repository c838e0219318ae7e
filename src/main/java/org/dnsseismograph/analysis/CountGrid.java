package org.dnsseismograph.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * @param decided per bucket whether its {@link #DECIDED_LATE} counts are final: the capture watched
 *     on for a whole query timeout after it, so its queries had all the time to be answered; null
 *     when all are. The last timeout before the capture's end, or before a gap, is undecided: a
 *     query there is counted unanswered when the input ends, though its answer may have come just
 *     after the capture stopped
 */
record CountGrid(long originNanos, long stepNanos, int buckets, Map<MetricId, double[]> counts, boolean[] covered, boolean[] decided) {
  /** The detection step, for captures that fit {@link CaptureDetect#MAX_BUCKETS} buckets of it. */
  static final long STEP = 100 * TimeUnits.NANOS_PER_MILLI;

  /** The metrics of queries closed unanswered, filed at the query's time and known only a timeout later. */
  static final Set<String> DECIDED_LATE = Set.of("dns.unanswered", "client.unanswered", "upstream.timeouts");

  /** A grid whose every bucket was captured and decided. */
  CountGrid(long originNanos, long stepNanos, int buckets, Map<MetricId, double[]> counts) {
    this(originNanos, stepNanos, buckets, counts, null, null);
  }

  /**
   * Which of the grid's buckets overlap one of the spans; null when all do (one file, or files
   * that follow each other without a gap of a whole bucket).
   */
  private static boolean[] coverage(long originNanos, long stepNanos, int buckets, List<FileSpan> spans) {
    boolean[] covered = new boolean[buckets];
    for (FileSpan s : spans) {
      long from = Math.max(0, Math.floorDiv(s.firstNanos() - originNanos, stepNanos));
      long to = Math.min(buckets - 1L, Math.floorDiv(s.lastNanos() - originNanos, stepNanos));
      for (long b = from; b <= to; b++) {
        covered[(int) b] = true;
      }
    }
    return nullIfAll(covered);
  }

  /**
   * Which of the grid's buckets were watched for a whole {@code timeoutNanos} after their end, by
   * the files' spans joined into stretches across gaps no longer than the timeout (as {@link
   * CaptureGaps} joins them); null when all were.
   */
  static boolean[] decided(long originNanos, long stepNanos, int buckets, List<FileSpan> spans, long timeoutNanos) {
    boolean[] decided = new boolean[buckets];
    List<FileSpan> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparingLong(FileSpan::firstNanos));
    int i = 0;
    while (i < sorted.size()) {
      long first = sorted.get(i).firstNanos();
      long last = sorted.get(i).lastNanos();
      for (i++; i < sorted.size() && sorted.get(i).firstNanos() - last <= timeoutNanos; i++) {
        last = Math.max(last, sorted.get(i).lastNanos());
      }
      // bucket b is decided when its last nanosecond plus the timeout is still inside the stretch
      long from = Math.max(0, Math.floorDiv(first - originNanos, stepNanos));
      long to = Math.min(buckets - 1L, Math.floorDiv(last - timeoutNanos + 1 - originNanos, stepNanos) - 1);
      for (long b = from; b <= to; b++) {
        decided[(int) b] = true;
      }
    }
    return nullIfAll(decided);
  }

  /** The marks, or null when every bucket is marked (the grid's shorthand for all). */
  private static boolean[] nullIfAll(boolean[] marks) {
    for (boolean m : marks) {
      if (!m) {
        return marks;
      }
    }
    return null;
  }

  /**
   * This grid with the buckets outside every one of the files' spans marked as not captured, and
   * those within a timeout of a stretch's end as undecided.
   */
  CountGrid covering(List<FileSpan> spans, long timeoutNanos) {
    return new CountGrid(originNanos, stepNanos, buckets, counts, coverage(originNanos, stepNanos, buckets, spans),
        decided(originNanos, stepNanos, buckets, spans, timeoutNanos));
  }

  /**
   * Per bucket whether a metric's count there is an observation: captured, and for the {@link
   * #DECIDED_LATE} metrics decided as well; null when every bucket's is.
   */
  boolean[] known(String metric) {
    return DECIDED_LATE.contains(metric) ? decided : covered;
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
   * Events per second of a metric over {@code [from, to)} (the whole buckets it overlaps where the
   * metric is {@link #known}: a bucket no capture watched, or one still undecided, is left out, not
   * averaged in as zero); NaN when none.
   */
  double rate(String metric, long fromNanos, long toNanos) {
    int a = bucket(fromNanos);
    int b = Math.min(buckets, bucket(toNanos - 1) + 1);
    double[] c = get(metric);
    boolean[] known = known(metric);
    double sum = 0;
    int n = 0;
    for (int i = a; i < b; i++) {
      if (known == null || known[i]) {
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
