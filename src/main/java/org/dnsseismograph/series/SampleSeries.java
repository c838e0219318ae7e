package org.dnsseismograph.series;

/**
 * An immutable snapshot of a sampled series (an imported gauge or rate, a latency percentile per
 * bucket, an answer ratio): values that each hold for an interval, drawn as steps spanning it.
 * Times are epoch ns, UTC.
 *
 * <p>A missing sample is a gap (NaN), never a zero. Reduced to columns, each column shows the
 * samples it overlaps folded by the series' {@link Consolidation} (time-weighted mean, min or max),
 * with the lowest and highest overlapped sample as its band, so a one-sample peak survives any
 * zoom-out; a column narrower than a sample shows that sample's value (the step). Cost per column:
 * O(log n) to find the edges plus O(16 × log16 n) for the inside.
 *
 * <p>Memory: 8 bytes per sample while every interval is one step (gaps included), 16 once the
 * intervals vary, plus about 3 bytes per sample of summaries.
 *
 * <p>Thread-safe: immutable, even while its {@link SampleSeriesWriter} goes on appending.
 */
public final class SampleSeries implements ResolvableSeries {
  private final MetricId id;
  private final Unit unit;
  private final long stepNanos;
  private final LabelConvention label;
  private final Consolidation consolidation;
  private final SampleSegments segments;
  private final SamplePyramid.Snapshot pyramid;
  private final long skipped;
  private final Coverage undecided;
  private final Coverage observed;

  SampleSeries(MetricId id, Unit unit, long stepNanos, LabelConvention label, Consolidation consolidation,
      SampleSegments segments, SamplePyramid.Snapshot pyramid, long skipped, Coverage undecided,
      Coverage observed) {
    this.id = id;
    this.unit = unit;
    this.stepNanos = stepNanos;
    this.label = label;
    this.consolidation = consolidation;
    this.segments = segments;
    this.pyramid = pyramid;
    this.skipped = skipped;
    this.undecided = undecided;
    this.observed = observed;
  }

  @Override
  public MetricId id() {
    return id;
  }

  @Override
  public Unit unit() {
    return unit;
  }

  /** The nominal interval of one sample, in ns, as the source declared it. */
  public long stepNanos() {
    return stepNanos;
  }

  public LabelConvention labelConvention() {
    return label;
  }

  public Consolidation consolidation() {
    return consolidation;
  }

  /** Samples the writer refused: empty intervals, or going back over samples already written. */
  public long skipped() {
    return skipped;
  }

  /** Segments held, gaps included. */
  public int size() {
    return segments.n;
  }

  /** Start of segment {@code i}, epoch ns. */
  public long start(int i) {
    checkIndex(i);
    return segments.start(i);
  }

  /** End of segment {@code i}, epoch ns (exclusive). */
  public long end(int i) {
    checkIndex(i);
    return segments.end(i);
  }

  /** Value of segment {@code i}; NaN for a gap. */
  public double value(int i) {
    checkIndex(i);
    return segments.values[i];
  }

  @Override
  public TimeRange extent() {
    return segments.n == 0 ? new TimeRange(0, 0) : new TimeRange(segments.start(0), segments.end(segments.n - 1));
  }

  /** Time observed but not decided (no samples there are unknown, not unobserved); empty for most series. */
  public Coverage undecided() {
    return undecided;
  }

  /**
   * Time observed, where a missing sample means nothing was there to measure (no answer, so no
   * latency) rather than a gap; empty for a series that cannot tell (an import's missing points).
   */
  public Coverage observed() {
    return observed;
  }

  @Override
  public void reduce(TimeRange range, int columns, ColumnBuffer out) {
    if (segments.n == 0) {
      out.reset(range, columns);
      out.setUndecided(undecided);
      out.setObserved(observed);
      return;
    }
    // Every column is set or cleared below.
    out.prepare(range, columns);
    long first = segments.start(0);
    long last = segments.end(segments.n - 1);
    double[] acc = SamplePyramid.empty();
    int seg = 0;
    for (int i = 0; i < columns; i++) {
      long lo = Math.max(out.columnStart(i), first);
      long hi = Math.min(out.columnEnd(i), last);
      if (lo >= hi) {
        out.setGap(i);
        continue;
      }
      SamplePyramid.reset(acc);
      // Columns ascend: each one's segments are found from the last one's, not searched anew.
      int a = segments.segmentFrom(seg, lo);
      seg = segments.segmentFrom(a, hi - 1);
      fold(a, seg, lo, hi, acc);
      if (acc[SamplePyramid.COUNT] > 0) {
        double min = acc[SamplePyramid.MIN];
        double max = acc[SamplePyramid.MAX];
        // The weighted mean lies in [min, max]; clamp away rounding so the band is exactly the samples'.
        double mean = Math.max(min, Math.min(max, acc[SamplePyramid.WSUM] / acc[SamplePyramid.WDUR]));
        out.set(i, consolidation.pick(mean, min, max), min, max, acc[SamplePyramid.COUNT]);
      } else {
        out.setGap(i);
      }
    }
    out.setUndecided(undecided);
    out.setObserved(observed);
  }

  /** The longest sample interval overlapping {@code range}; 0 when no sample does. */
  @Override
  public long coarsestStepIn(TimeRange range) {
    if (segments.n == 0) {
      return 0;
    }
    long lo = Math.max(range.startNanos(), segments.start(0));
    long hi = Math.min(range.endNanos(), segments.end(segments.n - 1));
    if (lo >= hi) {
      return 0;
    }
    double[] acc = SamplePyramid.empty();
    fold(segments.segmentAt(lo), segments.segmentAt(hi - 1), lo, hi, acc);
    return (long) acc[SamplePyramid.SPAN];
  }

  /** Folds {@code [lo, hi)}, inside the series' extent, into {@code acc}; segments {@code a} and {@code b} hold its ends. */
  private void fold(int a, int b, long lo, long hi, double[] acc) {
    if (a == b) {
      segments.foldPart(a, hi - lo, acc);
      return;
    }
    segments.foldPart(a, segments.end(a) - lo, acc);
    pyramid.foldRange(a + 1, b, segments, acc);
    segments.foldPart(b, hi - segments.start(b), acc);
  }

  private void checkIndex(int i) {
    if (i < 0 || i >= segments.n) {
      throw new IndexOutOfBoundsException("segment " + i + " of " + segments.n);
    }
  }

  @Override
  public String toString() {
    return "SampleSeries[" + id + ", " + segments.n + " samples, step " + TimeUnits.formatDuration(stepNanos) + ", " + label + ", "
        + consolidation + "]";
  }
}
