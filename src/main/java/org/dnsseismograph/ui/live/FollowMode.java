package org.dnsseismograph.ui.live;

import org.dnsseismograph.series.TimeRange;

/**
 * Following the present: while on, the visible window keeps its width and ends at the newest
 * moment of the live sources. It turns off as soon as the window is anything but the one it last
 * showed (the analyst zoomed, panned back, picked a spike) and on again on request, keeping the
 * width the analyst chose. Times are epoch ns, UTC. FX thread only (or one test thread).
 */
final class FollowMode {
  /** The width shown when following starts with nothing to keep: one minute. */
  static final long DEFAULT_WIDTH_NANOS = 60_000_000_000L;
  /** Narrowest window kept when resuming: 100 ms (narrower would only show the newest bin half filled). */
  static final long MIN_WIDTH_NANOS = 100_000_000L;

  private boolean on = true;
  private long width = DEFAULT_WIDTH_NANOS;
  private TimeRange shown;

  boolean isOn() {
    return on;
  }

  long widthNanos() {
    return width;
  }

  /**
   * Checks whether the analyst moved the window since it was last shown by following; turns
   * following off if so. Returns whether it is still on.
   */
  boolean check(TimeRange visible) {
    if (on && shown != null && !shown.equals(visible)) {
      on = false;
      shown = null;
    }
    return on;
  }

  /** The window to show for the present {@code presentNanos}; null when off. */
  TimeRange windowAt(long presentNanos) {
    return on ? new TimeRange(presentNanos - width, presentNanos) : null;
  }

  /** Remembers the window the timeline really shows after following moved it (maybe fitted to the extent). */
  void showed(TimeRange visible) {
    if (on) {
      shown = visible;
    }
  }

  /** Follows again, keeping the width of {@code visible} (null or too narrow: the last width). */
  void resume(TimeRange visible) {
    if (visible != null && visible.durationNanos() >= MIN_WIDTH_NANOS) {
      width = visible.durationNanos();
    }
    on = true;
    shown = null;
  }

  /** Stops following (Stop of the last source, or on request). */
  void pause() {
    on = false;
    shown = null;
  }
}
