package org.dnsseismograph.ui.timeline;

import java.util.ArrayDeque;
import java.util.Deque;
import org.dnsseismograph.series.TimeRange;

/**
 * Back and forward through the windows the analyst looked at, like a browser's history: a new
 * navigation clears the forward side; at most {@link #LIMIT} steps are kept. Not thread-safe.
 */
final class ZoomHistory {
  static final int LIMIT = 100;
  private final Deque<TimeRange> back = new ArrayDeque<>();
  private final Deque<TimeRange> forward = new ArrayDeque<>();

  /** Records that the analyst is leaving {@code current} for somewhere new. */
  void leave(TimeRange current) {
    if (!current.equals(back.peek())) {
      back.push(current);
      if (back.size() > LIMIT) {
        back.removeLast();
      }
    }
    forward.clear();
  }

  /** The window to go back to from {@code current}, or null. */
  TimeRange back(TimeRange current) {
    if (back.isEmpty()) {
      return null;
    }
    forward.push(current);
    return back.pop();
  }

  /** The window to go forward to from {@code current}, or null. */
  TimeRange forward(TimeRange current) {
    if (forward.isEmpty()) {
      return null;
    }
    back.push(current);
    return forward.pop();
  }

  boolean canGoBack() {
    return !back.isEmpty();
  }

  boolean canGoForward() {
    return !forward.isEmpty();
  }
}
