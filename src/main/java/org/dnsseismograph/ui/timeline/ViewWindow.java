package org.dnsseismograph.ui.timeline;

import org.dnsseismograph.series.TimeRange;

/**
 * The arithmetic of a visible window inside an extent (epoch ns, UTC): zooming around an instant
 * so that it keeps its place, panning, and keeping the window inside the extent and no narrower
 * than {@link #MIN_WIDTH}. Stateless.
 */
final class ViewWindow {
  /** The narrowest window: 10 ms (at 1,900 px a pixel is then about 5 µs). */
  static final long MIN_WIDTH = 10_000_000L;

  private ViewWindow() {}

  /**
   * {@code view} scaled by {@code factor} around {@code anchor}: the anchor stays at the same
   * fraction of the window (and so under the same pixel), unless the extent's edges push back.
   */
  static TimeRange zoom(TimeRange view, long anchor, double factor, TimeRange extent) {
    long d = view.durationNanos();
    long width = clampWidth(Math.round(d * factor), extent);
    double fraction = (double) (anchor - view.startNanos()) / d;
    long start = anchor - Math.round(fraction * width);
    return fit(new TimeRange(start, start + width), extent);
  }

  /** {@code range} made at least {@link #MIN_WIDTH} wide around its centre, and moved inside the extent. */
  static TimeRange fit(TimeRange range, TimeRange extent) {
    long width = clampWidth(range.durationNanos(), extent);
    long start = range.startNanos() + (range.durationNanos() - width) / 2;
    if (extent.durationNanos() > 0) {
      start = Math.max(extent.startNanos(), Math.min(start, extent.endNanos() - width));
    }
    return new TimeRange(start, start + width);
  }

  /** A window of {@code width} centred on {@code centre}, inside the extent. */
  static TimeRange around(long centre, long width, TimeRange extent) {
    return fit(new TimeRange(centre - width / 2, centre - width / 2 + width), extent);
  }

  private static long clampWidth(long width, TimeRange extent) {
    long max = Math.max(MIN_WIDTH, extent.durationNanos());
    return Math.max(MIN_WIDTH, Math.min(max, width));
  }
}
