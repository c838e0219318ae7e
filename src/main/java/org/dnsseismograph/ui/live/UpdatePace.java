package org.dnsseismograph.ui.live;

/**
 * How often the window takes up live snapshots: at most once per frame, and never more than about
 * a third of the time, judged by how long the frames after the last update took (drawing the lanes
 * anew is the expensive part, in software rendering on a busy machine most of all). So however
 * slow drawing gets, two thirds of the FX thread's time stay free for the analyst's input. Times are
 * monotonic ns (the pulse's {@code now}). FX thread only.
 */
final class UpdatePace {
  /** Least gap between two updates: one frame at 30 frames per second. */
  static final long MIN_GAP_NANOS = 33_333_333L;
  /** Largest gap: the live view moves at least once a second. */
  static final long MAX_GAP_NANOS = 1_000_000_000L;
  /** The gap is this many times the time the frames after an update took. */
  static final int GAP_FACTOR = 2;

  private long lastPulse = Long.MIN_VALUE;
  private long lastUpdate = Long.MIN_VALUE;
  private long worstSinceUpdate;
  private double cost;

  /** Records a pulse at {@code now}; true when an update is due. */
  boolean pulse(long now) {
    if (lastPulse != Long.MIN_VALUE) {
      worstSinceUpdate = Math.max(worstSinceUpdate, now - lastPulse);
    }
    lastPulse = now;
    return lastUpdate == Long.MIN_VALUE || now - lastUpdate >= gapNanos();
  }

  /** The update due at {@code now} was made: the frames since the last one say what it cost. */
  void updated(long now) {
    cost = lastUpdate == Long.MIN_VALUE ? worstSinceUpdate : (cost + worstSinceUpdate) / 2;
    worstSinceUpdate = 0;
    lastUpdate = now;
  }

  /** The gap now required between two updates. */
  long gapNanos() {
    return Math.max(MIN_GAP_NANOS, Math.min(MAX_GAP_NANOS, Math.round(GAP_FACTOR * cost)));
  }
}
