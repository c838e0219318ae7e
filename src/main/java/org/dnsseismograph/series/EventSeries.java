package org.dnsseismograph.series;

import java.util.Arrays;

/**
 * An immutable snapshot of one kind of event (queries, responses, answers with one rcode,
 * unanswered queries...) on the UTC axis, read as a rate per second at any zoom in O(columns).
 *
 * <p>What a column shows: its value is the exact number of events in the column divided by its
 * covered time (exact as long as exact detail is kept); its band is the lowest and highest rate of
 * the 100 ms bins ({@link #DETAIL_NANOS}) that start inside it, so on a day-wide view a 100 ms burst
 * still reaches the top of its column. Narrower than 100 ms, a column shows its own rate and count
 * (a 50 ms window shows the real events). Inside the {@link #coverage() coverage} no event is a real
 * zero; outside it is no data (NaN).
 *
 * <p>Memory while exact detail is kept: 4 bytes per event plus about 200 bytes per non-empty 10 s
 * (≈1.7 MB a day for a busy metric), plus 16 bytes per 10 s summary (≈140 KB a day) and a tenth of
 * that for each coarser level. After {@link EventSeriesWriter#compactBefore} the 4 bytes per event
 * are gone; after {@link EventSeriesWriter#coarsenBefore} the 100 ms detail is too.
 *
 * <p>Thread-safe: every method may be called from any thread; the snapshot never changes, even
 * while its writer goes on appending. Obtain one from {@link EventSeriesWriter}.
 */
public final class EventSeries implements ResolvableSeries {
  /** The resolution of the min–max band: the rate of every 100 ms bin is kept. */
  public static final long DETAIL_NANOS = EventChunk.BIN_NANOS;

  private final MetricId id;
  private final Coverage coverage;
  private final EventPyramid pyramid;
  private final Horizons horizons;
  private final long events;
  private final long lateDropped;
  private final long rejected;
  private final Coverage undecided;

  EventSeries(MetricId id, Coverage coverage, EventPyramid pyramid, Horizons horizons, long events, long lateDropped,
      long rejected, Coverage undecided) {
    this.id = id;
    this.coverage = coverage;
    this.pyramid = pyramid;
    this.horizons = horizons;
    this.events = events;
    this.lateDropped = lateDropped;
    this.rejected = rejected;
    this.undecided = undecided;
  }

  /** A series with no events and no coverage. */
  public static EventSeries empty(MetricId id) {
    return new EventSeries(id, Coverage.NONE, EventPyramid.EMPTY, Horizons.NONE, 0, 0, 0, Coverage.NONE);
  }

  /**
   * A complete series from timestamps in any order (epoch ns), observed over {@code observed} (the
   * coverage grows to include every event's 100 ms bin).
   */
  public static EventSeries of(MetricId id, TimeRange observed, long... timestamps) {
    long[] sorted = timestamps.clone();
    Arrays.sort(sorted);
    EventSeriesWriter w = new EventSeriesWriter(id);
    if (observed.durationNanos() > 0) {
      w.cover(observed.startNanos(), observed.endNanos());
    }
    for (long t : sorted) {
      w.append(t);
    }
    return w.sealAll();
  }

  @Override
  public MetricId id() {
    return id;
  }

  /** {@link Unit#COUNT}: columns hold events per second, and their count in {@link ColumnBuffer#count}. */
  @Override
  public Unit unit() {
    return Unit.COUNT;
  }

  @Override
  public TimeRange extent() {
    return coverage.extent();
  }

  /** When the source was observing: zeros inside, no data outside. */
  public Coverage coverage() {
    return coverage;
  }

  /** Events this snapshot holds. */
  public long events() {
    return events;
  }

  /** Events the writer refused because they came later than its lateness allowance. */
  public long lateDropped() {
    return lateDropped;
  }

  /** Events the writer refused as implausible: before 1970, after 2116, or a year past the newest. */
  public long rejected() {
    return rejected;
  }

  @Override
  public void reduce(TimeRange range, int columns, ColumnBuffer out) {
    new EventReducer(pyramid, horizons, coverage, events == 0).reduce(range, columns, out);
    out.setUndecided(undecided);
  }

  /** Time observed but not decided (no data there is unknown, not unobserved); empty for most series. */
  public Coverage undecided() {
    return undecided;
  }

  /** Events in {@code range} (exact where exact detail is kept; fractional where it is not). */
  public double countIn(TimeRange range) {
    ColumnBuffer one = new ColumnBuffer(1);
    reduce(range, 1, one);
    return one.count(0);
  }

  @Override
  public long coarsestStepIn(TimeRange range) {
    int level = horizons.finestAt(range.startNanos());
    return level == Horizons.EXACT ? 0 : EventPyramid.WIDTH[level];
  }

  /** Estimated heap bytes of the sealed part of this snapshot (chunks, events, levels). */
  public long estimatedBytes() {
    return pyramid.estimatedBytes();
  }

  @Override
  public String toString() {
    return "EventSeries[" + id + ", " + events + " events, " + coverage + "]";
  }
}
