package org.dnsseismograph.series;

/**
 * A series read through a clock offset, without copying it: what the source stamped t appears at
 * {@code t + offsetNanos}. Used for sources whose clock was off (a positive offset moves the series
 * later on the shared UTC axis). Immutable and thread-safe when the base is.
 *
 * @param base the series as its source stamped it
 * @param offsetNanos added to every timestamp of the base, in ns
 */
public record ShiftedSeries(ResolvableSeries base, long offsetNanos) implements ResolvableSeries {

  public ShiftedSeries {
    if (base == null) {
      throw new IllegalArgumentException("base series is null");
    }
  }

  @Override
  public MetricId id() {
    return base.id();
  }

  @Override
  public Unit unit() {
    return base.unit();
  }

  @Override
  public TimeRange extent() {
    return base.extent().shift(offsetNanos);
  }

  @Override
  public void reduce(TimeRange range, int columns, ColumnBuffer out) {
    base.reduce(range.shift(-offsetNanos), columns, out);
    out.relabel(range);
  }

  @Override
  public long coarsestStepIn(TimeRange range) {
    return base.coarsestStepIn(range.shift(-offsetNanos));
  }

  @Override
  public ResolvableSeries shifted(long moreNanos) {
    long total = Math.addExact(offsetNanos, moreNanos);
    return total == 0 ? base : new ShiftedSeries(base, total);
  }
}
