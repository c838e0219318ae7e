package org.dnsseismograph.series;

import java.util.Arrays;
import java.util.Objects;

/**
 * Reusable output of {@link ResolvableSeries#reduce}: for each of N equal columns over a time
 * range, the value the column shows, the min–max band of what it covers, and how much data it rests
 * on. Column {@code i} spans {@code [columnStart(i), columnEnd(i))} in epoch ns, UTC; its edges are
 * exact integers, so N columns over a range that is N steps long are step-aligned buckets.
 *
 * <p>No data is NaN in value, min and max (never 0) with a count of 0. Whenever a value is present,
 * {@code min <= value <= max} holds. The meaning of value and count depends on the series: events
 * per second and number of events for an {@link EventSeries}, the consolidated sample value and
 * the number of samples for a {@link SampleSeries}.
 *
 * <p>A column without data is either unobserved or, when it lies in the series' {@link #undecided()}
 * time, observed but not yet decided: unanswered queries in the last timeout before the input's
 * end (or a live source's present) may still be answered after it; or, when it lies in the time
 * the series says it {@link #observed()}, observed with nothing to measure ({@link #isQuiet}: no
 * query answered, so no latency).
 *
 * <p>Not thread-safe: one buffer per reading thread, reused frame after frame so that a redraw
 * allocates nothing.
 */
public final class ColumnBuffer {
  private double[] value;
  private double[] min;
  private double[] max;
  private double[] count;
  private long[] edges;
  private TimeRange range = new TimeRange(0, 0);
  private int columns;
  private Coverage undecided = Coverage.NONE;
  private Coverage observed = Coverage.NONE;

  /** An empty buffer that grows on first use. */
  public ColumnBuffer() {
    this(0);
  }

  /** A buffer with room for {@code capacity} columns before it needs to grow. */
  public ColumnBuffer(int capacity) {
    value = new double[capacity];
    min = new double[capacity];
    max = new double[capacity];
    count = new double[capacity];
    edges = new long[capacity + 1];
  }

  /**
   * Prepares {@code columns} columns over {@code range}, every one "no data".
   *
   * @throws IllegalArgumentException if {@code columns < 1} or the range is empty
   */
  public void reset(TimeRange range, int columns) {
    prepare(range, columns);
    Arrays.fill(value, 0, columns, Double.NaN);
    Arrays.fill(min, 0, columns, Double.NaN);
    Arrays.fill(max, 0, columns, Double.NaN);
    Arrays.fill(count, 0, columns, 0);
  }

  /**
   * As {@link #reset}, except that the columns keep what they held: for a reducer that then sets or
   * clears every one of them (a redraw of 84 series would otherwise write 5 MB of "no data" first).
   *
   * @throws IllegalArgumentException if {@code columns < 1} or the range is empty
   */
  void prepare(TimeRange range, int columns) {
    if (columns < 1) {
      throw new IllegalArgumentException("need at least one column, got " + columns);
    }
    if (range.durationNanos() <= 0) {
      throw new IllegalArgumentException("empty range " + range);
    }
    if (columns > value.length) {
      int n = Math.max(columns, value.length * 3 / 2);
      value = new double[n];
      min = new double[n];
      max = new double[n];
      count = new double[n];
      edges = new long[n + 1];
    }
    this.range = range;
    this.columns = columns;
    this.undecided = Coverage.NONE;
    this.observed = Coverage.NONE;
    fillEdges();
  }

  public TimeRange range() {
    return range;
  }

  public int columns() {
    return columns;
  }

  /** Start of column {@code i} in epoch ns; {@code columnStart(columns())} is the range's end. */
  public long columnStart(int i) {
    return edges[i];
  }

  public long columnEnd(int i) {
    return columnStart(i + 1);
  }

  /** The column containing {@code t}, or -1 when {@code t} lies outside the range. */
  public int columnAt(long t) {
    if (!range.contains(t)) {
      return -1;
    }
    int guess = (int) Math.min(columns - 1, (double) (t - range.startNanos()) / range.durationNanos() * columns);
    while (guess > 0 && columnStart(guess) > t) {
      guess--;
    }
    while (guess < columns - 1 && columnEnd(guess) <= t) {
      guess++;
    }
    return guess;
  }

  public double value(int i) {
    return value[i];
  }

  public double min(int i) {
    return min[i];
  }

  public double max(int i) {
    return max[i];
  }

  /** Events (event series) or samples (sample series) the column rests on; 0 when no data. */
  public double count(int i) {
    return count[i];
  }

  public boolean hasData(int i) {
    return !Double.isNaN(value[i]);
  }

  /**
   * Stores a column; a NaN value makes it "no data". The band is widened to contain the value, so
   * readers may rely on {@code min <= value <= max}.
   */
  public void set(int i, double value, double min, double max, double count) {
    if (Double.isNaN(value)) {
      setGap(i);
      return;
    }
    this.value[i] = value;
    this.min[i] = Double.isNaN(min) ? value : Math.min(min, value);
    this.max[i] = Double.isNaN(max) ? value : Math.max(max, value);
    this.count[i] = count;
  }

  /** Time of the series that was observed but whose values are not decided (set after a reset). */
  public void setUndecided(Coverage undecided) {
    this.undecided = Objects.requireNonNull(undecided, "undecided");
  }

  public Coverage undecided() {
    return undecided;
  }

  /** True when column {@code i} has no data because its time is not decided yet, not because it was unobserved. */
  public boolean isUndecided(int i) {
    return !hasData(i) && undecided.overlaps(columnStart(i), columnEnd(i));
  }

  /**
   * Time the series observed, where a column without data had nothing to measure (set after a
   * reset); {@link Coverage#NONE} for a series that cannot tell, whose columns without data are gaps.
   */
  public void setObserved(Coverage observed) {
    this.observed = Objects.requireNonNull(observed, "observed");
  }

  public Coverage observed() {
    return observed;
  }

  /** True when column {@code i} has no data because nothing in its observed time was there to measure. */
  public boolean isQuiet(int i) {
    return !hasData(i) && !isUndecided(i) && observed.overlaps(columnStart(i), columnEnd(i));
  }

  /** Marks column {@code i} as "no data". */
  public void setGap(int i) {
    value[i] = Double.NaN;
    min[i] = Double.NaN;
    max[i] = Double.NaN;
    count[i] = 0;
  }

  /** Edge i is start + floor(i × span / columns), stepped without a division or an overflow. */
  private void fillEdges() {
    long span = range.durationNanos();
    long q = span / columns;
    long r = span % columns;
    long edge = range.startNanos();
    long rem = 0;
    for (int i = 0; i <= columns; i++) {
      edges[i] = edge;
      edge += q;
      rem += r;
      if (rem >= columns) {
        rem -= columns;
        edge++;
      }
    }
  }

  /** Moves the buffer to another range of the same length without touching the columns. */
  void relabel(TimeRange moved) {
    if (moved.durationNanos() != range.durationNanos()) {
      throw new IllegalArgumentException("relabel must keep the length: " + range + " vs " + moved);
    }
    long delta = moved.startNanos() - range.startNanos();
    for (int i = 0; i <= columns; i++) {
      edges[i] += delta;
    }
    range = moved;
    undecided = undecided.shifted(delta);
    observed = observed.shifted(delta);
  }
}
