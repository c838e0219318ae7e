package org.dnsseismograph.ui.sources;

import javafx.scene.Cursor;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.dnsseismograph.render.LaneBox;
import org.dnsseismograph.render.TimelineLayout;
import org.dnsseismograph.ui.timeline.TimelineView;

/**
 * Moving a source in time with the mouse: Ctrl+drag (Cmd on a Mac) on one of its lanes shifts its
 * clock offset by the time the mouse travelled, so its features slide onto the other sources'.
 * Installed as event filters on the timeline, so the press never reaches the timeline's own drag
 * (which pans). Offsets are rounded to a step of the order of one pixel (1, 10, 100 ms ...), so
 * the field shows a readable value. FX thread only.
 */
public final class LaneDrag {
  private final TimelineView view;
  private final SourcesViewModel sources;
  private Source dragging;
  private double pressX;
  private long pressOffset;

  private LaneDrag(TimelineView view, SourcesViewModel sources) {
    this.view = view;
    this.sources = sources;
  }

  /** Installs the gesture on {@code view}. */
  public static void install(TimelineView view, SourcesViewModel sources) {
    LaneDrag d = new LaneDrag(view, sources);
    view.addEventFilter(MouseEvent.MOUSE_PRESSED, d::pressed);
    view.addEventFilter(MouseEvent.MOUSE_DRAGGED, d::dragged);
    view.addEventFilter(MouseEvent.MOUSE_RELEASED, d::released);
  }

  private void pressed(MouseEvent e) {
    TimelineLayout l = view.timelineLayout();
    if (!e.isShortcutDown() || e.getButton() != MouseButton.PRIMARY || l == null || e.getX() < l.plotLeft() || e.getX() > l.plotRight()) {
      return;
    }
    LaneBox box = l.laneAt(e.getY());
    Source s = box == null ? null : sources.sourceOfLane(box.lane().key());
    if (s == null) {
      return;
    }
    dragging = s;
    pressX = e.getX();
    pressOffset = s.setting().correctionNanos();
    view.setCursor(Cursor.H_RESIZE);
    view.requestFocus();
    e.consume();
  }

  private void dragged(MouseEvent e) {
    TimelineLayout l = view.timelineLayout();
    if (dragging == null || l == null) {
      return;
    }
    double perPixel = (double) l.view().durationNanos() / l.columns();
    sources.setOffset(dragging, rounded(pressOffset + (e.getX() - pressX) * perPixel, perPixel));
    e.consume();
  }

  private void released(MouseEvent e) {
    if (dragging != null) {
      dragging = null;
      view.setCursor(null);
      e.consume();
    }
  }

  /** {@code nanos} rounded to the power of ten just below one pixel's time (at least 1 µs). */
  static long rounded(double nanos, double nanosPerPixel) {
    double step = Math.max(1000, Math.pow(10, Math.floor(Math.log10(Math.max(1, nanosPerPixel)))));
    return Math.round(nanos / step) * (long) step;
  }
}
