package org.dnsseismograph.ui.timeline;

import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.ScrollEvent;
import org.dnsseismograph.render.TimelineLayout;

/**
 * How far the timeline's lanes are scrolled up, in logical pixels, and the scroll bar that shows
 * it in the right margin beside the lanes' viewport (only while they do not all fit). Each frame's
 * layout clamps the offset to what there is to scroll ({@link #laidOut}); a change asks for a
 * redraw through the callback given. FX thread only.
 */
final class LaneScroll {
  /** Pixels the lanes scroll per wheel notch (JavaFX reports 40 units of scroll for one). */
  static final double WHEEL_LINE = 40;

  private final ScrollBar bar = new ScrollBar();
  private final Runnable changed;
  private double offset;
  private TimelineLayout layout;

  /** @param changed called after the offset changed, to redraw the lanes */
  LaneScroll(Runnable changed) {
    this.changed = changed;
    bar.setId("timeline-lanes-scroll");
    bar.setOrientation(Orientation.VERTICAL);
    bar.setVisible(false);
    bar.setFocusTraversable(false);
    bar.setUnitIncrement(WHEEL_LINE);
    bar.valueProperty().addListener((o, was, now) -> scrollTo(now.doubleValue()));
    bar.addEventHandler(ScrollEvent.SCROLL, e -> {
      scrollBy(-e.getDeltaY() / 40 * WHEEL_LINE);
      e.consume();
    });
  }

  ScrollBar bar() {
    return bar;
  }

  double offset() {
    return offset;
  }

  /** Scrolls so that {@code y} pixels of the lanes lie above the viewport, clamped to the last layout's range. */
  void scrollTo(double y) {
    double max = layout == null ? Math.max(0, y) : layout.maxScrollTop();
    double clamped = Math.max(0, Math.min(max, y));
    if (clamped == offset) {
      return;
    }
    offset = clamped;
    bar.setValue(clamped);
    changed.run();
  }

  /** Scrolls down by {@code dy} pixels (up when negative); false when the lanes could not move. */
  boolean scrollBy(double dy) {
    double was = offset;
    scrollTo(offset + dy);
    return offset != was;
  }

  /** What Page Down scrolls: the viewport less one wheel step, so the lane cut at its bottom shows again at its top. */
  double page() {
    return layout == null ? 0 : Math.max(WHEEL_LINE, layout.viewportBottom() - layout.viewportTop() - WHEEL_LINE);
  }

  /** Takes up a new frame's layout (made with {@link #offset()}): its clamped offset, and the bar's range and place. */
  void laidOut(TimelineLayout l) {
    layout = l;
    offset = l.scrollTop();
    double max = l.maxScrollTop();
    double viewport = l.viewportBottom() - l.viewportTop();
    bar.setVisible(max > 0);
    bar.setMax(Math.max(1, max));
    bar.setVisibleAmount(max > 0 ? max * viewport / l.contentHeight() : 1);
    bar.setBlockIncrement(page());
    bar.setValue(offset);
    bar.resizeRelocate(l.plotRight() + 2, l.viewportTop(), TimelineLayout.RIGHT_MARGIN - 3, viewport);
  }
}
