package org.dnsseismograph.series;

/**
 * A time series that answers "what does each of these N columns show" in time proportional to N,
 * whatever the number of events or samples behind it: the one read path of every view, export and
 * detector. Times are epoch ns, UTC.
 *
 * <p>Values by unit: a {@link Unit#COUNT} series yields events per second (its column count is the
 * number of events); any other unit yields the series' own values consolidated per column. No data
 * is NaN, never 0.
 *
 * <p>Implementations are immutable snapshots and safe to read from any number of threads at once.
 */
public interface ResolvableSeries {

  MetricId id();

  Unit unit();

  /**
   * The span the series has data or observations for; a zero-length range when the series is
   * empty. Inside it, gaps may still exist (they reduce to NaN).
   */
  TimeRange extent();

  default boolean isEmpty() {
    return extent().durationNanos() == 0;
  }

  /**
   * Fills {@code out} with {@code columns} equal columns over {@code range}; {@code out} is reset
   * first. Cost is O(columns) amortised (plus O(log n) per column for sample series), independent
   * of how many events the range holds.
   *
   * @throws IllegalArgumentException if {@code columns < 1} or the range is empty
   */
  void reduce(TimeRange range, int columns, ColumnBuffer out);

  /**
   * The coarsest time resolution the series has anywhere in {@code range}, in ns: 0 where exact
   * events are kept, otherwise the longest bucket or sample interval that overlaps the range. A
   * feature narrower than this cannot be told apart there.
   */
  long coarsestStepIn(TimeRange range);

  /**
   * True when somewhere in {@code range} the series is too coarse to show a feature (a spike, an
   * outage) {@code featureWidthNanos} wide: its interval there is longer than the feature, so an
   * average dilutes it and its timing is lost. The UI warns with this.
   */
  default boolean tooCoarseFor(TimeRange range, long featureWidthNanos) {
    return coarsestStepIn(range) > featureWidthNanos;
  }

  /**
   * This series seen through a clock offset: an event stamped t is shown at {@code t +
   * offsetNanos}. Nothing is copied; offsets compose.
   */
  default ResolvableSeries shifted(long offsetNanos) {
    return offsetNanos == 0 ? this : new ShiftedSeries(this, offsetNanos);
  }
}
