package org.dnsseismograph.series;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Builds a {@link SampleSeries} from samples in time order and publishes immutable snapshots while
 * it grows (one writer thread, any number of readers calling {@link #snapshot()}).
 *
 * <p>A sample is a value for an interval: given by its label and the series' step under a {@link
 * LabelConvention}, or explicitly (counters turned into rates cover the time between two
 * readings). A hole longer than the gap tolerance (default half a step) becomes a gap (NaN); a
 * shorter one is absorbed by stretching the next sample back over it. A non-finite value (NaN, ±Inf
 * — missing in every export format) is a gap for its interval. A sample that starts before the end
 * of the previous one is clipped to start there, or skipped and counted when nothing is left; so
 * is an empty interval (two readings with the same timestamp). Nothing here throws on bad data.
 *
 * <p>Not thread-safe: all methods except {@link #snapshot()} belong to the single writer thread.
 */
public final class SampleSeriesWriter {
  /** Regular gaps up to this many steps are stored as NaN steps, keeping boundaries implicit. */
  private static final long MAX_GAP_STEPS = 1 << 20;

  private final MetricId id;
  private final Unit unit;
  private final long step;
  private final LabelConvention label;
  private final Consolidation consolidation;
  private final SamplePyramid pyramid = new SamplePyramid();
  private final AtomicReference<SampleSeries> latest;
  private long gapTolerance;
  private long origin;
  private long[] bounds;
  private double[] values = new double[16];
  private int n;
  private long lastEnd;
  private long skipped;
  private Coverage undecided = Coverage.NONE;
  private Coverage observed = Coverage.NONE;

  /**
   * @param stepNanos the interval of one sample, as the source declares it (positive)
   * @param label which end of its interval a sample's timestamp names
   * @param consolidation what a sample's value says about its interval
   */
  public SampleSeriesWriter(MetricId id, Unit unit, long stepNanos, LabelConvention label, Consolidation consolidation) {
    if (stepNanos <= 0) {
      throw new IllegalArgumentException("step must be positive, got " + stepNanos);
    }
    this.id = id;
    this.unit = unit;
    this.step = stepNanos;
    this.label = label;
    this.consolidation = consolidation;
    this.gapTolerance = stepNanos / 2;
    this.latest = new AtomicReference<>(build());
  }

  /**
   * The time observed but not decided yet, as of the next publication: no samples there say that
   * their values are unknown rather than unobserved. Replaces what was set before.
   */
  public void setUndecided(Coverage undecided) {
    this.undecided = Objects.requireNonNull(undecided, "undecided");
  }

  /**
   * The time the source observed, where a missing sample means nothing was there to measure, as of
   * the next publication ({@link SampleSeries#observed}).
   */
  public void setObserved(Coverage observed) {
    this.observed = Objects.requireNonNull(observed, "observed");
  }

  /** Holes longer than {@code nanos} between samples become gaps (default: half a step). */
  public void setGapTolerance(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("negative gap tolerance " + nanos);
    }
    gapTolerance = nanos;
  }

  /** Adds the sample labelled {@code labelNanos}; false if it was skipped as going back in time. */
  public boolean add(long labelNanos, double value) {
    long start = label.intervalStart(labelNanos, step);
    return addInterval(start, start + step, value);
  }

  /** Adds a sample for {@code [startNanos, endNanos)}; false if it was skipped. */
  public boolean addInterval(long startNanos, long endNanos, double value) {
    if (endNanos <= startNanos || n > 0 && endNanos <= lastEnd) {
      skipped++;
      return false;
    }
    long start = startNanos;
    if (n > 0) {
      if (start < lastEnd || start - lastEnd <= gapTolerance) {
        start = lastEnd;
      } else {
        addGap(start);
      }
    }
    append(start, endNanos, Double.isFinite(value) ? value : Double.NaN);
    return true;
  }

  /** Publishes the current state as an immutable snapshot and returns it. */
  public SampleSeries publish() {
    SampleSeries s = build();
    latest.set(s);
    return s;
  }

  /** The last published snapshot; safe from any thread. */
  public SampleSeries snapshot() {
    return latest.get();
  }

  private void addGap(long until) {
    long hole = until - lastEnd;
    if (bounds == null && hole % step == 0 && hole / step <= MAX_GAP_STEPS) {
      for (long k = hole / step; k > 0; k--) {
        append(lastEnd, lastEnd + step, Double.NaN);
      }
    } else {
      append(lastEnd, until, Double.NaN);
    }
  }

  private void append(long start, long end, double value) {
    if (n == 0) {
      origin = start;
    }
    if (bounds == null && end - start != step) {
      materializeBounds();
    }
    if (n == values.length) {
      values = Arrays.copyOf(values, n * 2);
    }
    if (bounds != null && n + 1 >= bounds.length) {
      bounds = Arrays.copyOf(bounds, bounds.length * 2);
    }
    values[n] = value;
    if (bounds != null) {
      // bounds[n] already holds this start (the previous end): published slots are never rewritten.
      if (n == 0) {
        bounds[0] = start;
      }
      bounds[n + 1] = end;
    }
    n++;
    lastEnd = end;
    if (n % SamplePyramid.FANOUT == 0) {
      pyramid.sampleAdded(n, segments());
    }
  }

  private void materializeBounds() {
    long[] b = new long[Math.max(16, values.length + 1)];
    for (int i = 0; i <= n; i++) {
      b[i] = origin + i * step;
    }
    bounds = b;
  }

  private SampleSegments segments() {
    return new SampleSegments(origin, step, bounds, values, n);
  }

  private SampleSeries build() {
    return new SampleSeries(id, unit, step, label, consolidation, segments(), pyramid.snapshot(), skipped, undecided, observed);
  }
}
