package org.dnsseismograph.render;

import org.dnsseismograph.series.ColumnBuffer;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.series.Unit;

/**
 * The share of one event series in another: answers over queries for an authoritative server, when
 * the analysis provides counts but no answer-ratio series. A ratio of counts needs enough events
 * and must not split a query from its answer, so it is never taken over less than {@link #WINDOW}
 * (1 s): columns narrower than that show the ratio of the UTC-aligned second they lie in, as steps.
 * A wider column's value is its whole ratio, and its band the lowest and highest ratio of up to
 * {@link #OVERSAMPLE} equal parts (each at least a second), so a few seconds of silence still
 * darken a day-wide column. Ratios are clamped to 1 (an answer may arrive in the next part). A
 * column or window without denominator events is no data: nothing was asked (or undecided, where
 * either series is).
 *
 * <p>Immutable and thread-safe when both series are; scratch buffers are per thread.
 */
public final class RatioSeries implements ResolvableSeries {
  /** Shortest span a ratio is taken over, in ns. */
  public static final long WINDOW = TimeUnits.NANOS_PER_SECOND;
  /** Most parts a wide column is split into for its band. */
  public static final int OVERSAMPLE = 8;

  private static final ThreadLocal<ColumnBuffer[]> SCRATCH = ThreadLocal.withInitial(() -> new ColumnBuffer[] {new ColumnBuffer(),
      new ColumnBuffer()});

  private final MetricId id;
  private final ResolvableSeries numerator;
  private final ResolvableSeries denominator;

  public RatioSeries(MetricId id, ResolvableSeries numerator, ResolvableSeries denominator) {
    this.id = id;
    this.numerator = numerator;
    this.denominator = denominator;
  }

  @Override
  public MetricId id() {
    return id;
  }

  @Override
  public Unit unit() {
    return Unit.RATIO;
  }

  @Override
  public TimeRange extent() {
    return denominator.extent();
  }

  @Override
  public void reduce(TimeRange range, int columns, ColumnBuffer out) {
    long width = range.durationNanos() / columns;
    if (width < WINDOW) {
      bySecond(range, columns, out);
    } else {
      byParts(range, columns, (int) Math.max(1, Math.min(OVERSAMPLE, width / WINDOW)), out);
    }
  }

  private void byParts(TimeRange range, int columns, int parts, ColumnBuffer out) {
    ColumnBuffer[] s = SCRATCH.get();
    numerator.reduce(range, columns * parts, s[0]);
    denominator.reduce(range, columns * parts, s[1]);
    out.reset(range, columns);
    for (int i = 0; i < columns; i++) {
      double n = 0;
      double d = 0;
      double lo = Double.NaN;
      double hi = Double.NaN;
      for (int p = i * parts; p < (i + 1) * parts; p++) {
        double np = s[0].count(p);
        double dp = s[1].count(p);
        n += np;
        d += dp;
        if (dp > 0) {
          double r = Math.min(1, np / dp);
          lo = Double.isNaN(lo) ? r : Math.min(lo, r);
          hi = Double.isNaN(hi) ? r : Math.max(hi, r);
        }
      }
      if (d > 0) {
        out.set(i, Math.min(1, n / d), lo, hi, d);
      }
    }
    out.setUndecided(s[0].undecided().union(s[1].undecided()));
  }

  private void bySecond(TimeRange range, int columns, ColumnBuffer out) {
    long from = TimeUnits.floorToStep(range.startNanos(), WINDOW);
    long to = -TimeUnits.floorToStep(-range.endNanos(), WINDOW);
    int windows = (int) ((to - from) / WINDOW);
    ColumnBuffer[] s = SCRATCH.get();
    TimeRange aligned = new TimeRange(from, to);
    numerator.reduce(aligned, windows, s[0]);
    denominator.reduce(aligned, windows, s[1]);
    out.reset(range, columns);
    for (int i = 0; i < columns; i++) {
      long mid = out.columnStart(i) + (out.columnEnd(i) - out.columnStart(i)) / 2;
      int k = (int) ((mid - from) / WINDOW);
      double d = s[1].count(k);
      if (d > 0) {
        double r = Math.min(1, s[0].count(k) / d);
        out.set(i, r, r, r, d);
      }
    }
    out.setUndecided(s[0].undecided().union(s[1].undecided()));
  }

  @Override
  public long coarsestStepIn(TimeRange range) {
    return Math.max(WINDOW, Math.max(numerator.coarsestStepIn(range), denominator.coarsestStepIn(range)));
  }
}
