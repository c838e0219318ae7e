package org.dnsseismograph.ui.timeline;

import javafx.scene.canvas.Canvas;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import org.dnsseismograph.render.LaneBox;
import org.dnsseismograph.render.PlacedLabel;
import org.dnsseismograph.render.TimelineLayout;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;

/**
 * Moving around the timeline with mouse and keys. In the plot: the wheel zooms keeping the instant
 * under the cursor in place; a drag pans; a shift-drag selects a box to zoom into; a double-click
 * fits the feature under it; moving shows the crosshair. Keys: + and − zoom, the arrows pan a
 * quarter of the window, Home shows everything, 1, 2, 3 show 1 s, 10 s, 1 min around the crosshair,
 * Backspace or Alt+← goes back and Alt+→ forward; Page Down and Page Up scroll the lanes when they
 * do not all fit (the wheel does so over the lanes' names). Over an annotation's label a tooltip shows its
 * whole label and text; a click selects it, a double-click fits it. Presses in the left margin or
 * on a lane's edge belong to {@link LaneGestures}. FX thread only.
 */
final class ZoomGestures {
  /** Zoom factor of one wheel notch (40 units of scroll). */
  static final double WHEEL_STEP = 1.25;
  /** Scrolls further apart than this start a new step in the zoom history. */
  private static final long WHEEL_PAUSE_NANOS = 400_000_000L;
  /** A box narrower than this is a click, not a selection. */
  private static final double MIN_BOX = 3;

  private enum Drag {
    NONE,
    PAN,
    BOX
  }

  private final TimelineView view;
  private final TimelineViewModel vm;
  private final Tooltip tip = new Tooltip();
  private PlacedLabel tipFor;
  private Drag drag = Drag.NONE;
  private double pressX;
  private TimeRange pressRange;
  private long lastScroll;

  ZoomGestures(TimelineView view) {
    this.view = view;
    this.vm = view.viewModel();
  }

  void install() {
    Canvas c = view.overlayCanvas();
    c.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
    c.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
      crosshair(e.getX(), e.getY());
      labelTip(e.getX(), e.getY());
    });
    c.addEventHandler(MouseEvent.MOUSE_EXITED, e -> vm.setCrosshair(null));
    c.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
    c.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
    c.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
    c.addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
    view.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    view.addEventHandler(KeyEvent.KEY_TYPED, this::keyTyped);
  }

  private boolean inPlot(double x, double y) {
    TimelineLayout l = view.timelineLayout();
    return l != null && x >= l.plotLeft() && x <= l.plotRight() && y >= l.lanesTop() && y <= l.axisTop() + TimelineLayout.AXIS_ROW
        && l.lowerEdgeNear(y, LaneGestures.EDGE_SLACK) == null;
  }

  private void crosshair(double x, double y) {
    TimelineLayout l = view.timelineLayout();
    vm.setCrosshair(l != null && x >= l.plotLeft() && x <= l.plotRight() && y >= l.lanesTop() && y <= l.lanesBottom() ? l.timeAt(x)
        : null);
  }

  /** A tooltip with an annotation's whole label and text while the mouse is over its label. */
  private void labelTip(double x, double y) {
    PlacedLabel p = view.labelAt(x, y);
    if (p == tipFor) {
      return;
    }
    tipFor = p;
    if (p == null) {
      Tooltip.uninstall(view.overlayCanvas(), tip);
      return;
    }
    String text = p.annotation().text();
    tip.setText(text.isEmpty() ? p.fullText() : p.fullText() + "\n" + text);
    Tooltip.install(view.overlayCanvas(), tip);
  }

  private void scrolled(ScrollEvent e) {
    TimelineLayout l = view.timelineLayout();
    if (l == null || e.getDeltaY() == 0) {
      return;
    }
    if (e.getX() < l.plotLeft() || e.getX() > l.plotRight()) {
      // Beside the plot (over the lanes' names) the wheel scrolls the lanes when they do not all fit.
      if (view.scrollLanesBy(-e.getDeltaY() / 40 * LaneScroll.WHEEL_LINE)) {
        e.consume();
      }
      return;
    }
    long now = System.nanoTime();
    if (now - lastScroll > WHEEL_PAUSE_NANOS) {
      vm.startGesture();
    }
    lastScroll = now;
    vm.zoomAround(l.timeAt(e.getX()), Math.pow(WHEEL_STEP, -e.getDeltaY() / 40));
    e.consume();
  }

  private void pressed(MouseEvent e) {
    view.requestFocus();
    if (e.getButton() != MouseButton.PRIMARY || !inPlot(e.getX(), e.getY())) {
      return;
    }
    vm.startGesture();
    drag = e.isShiftDown() ? Drag.BOX : Drag.PAN;
    pressX = e.getX();
    pressRange = vm.visibleRange();
  }

  private void dragged(MouseEvent e) {
    TimelineLayout l = view.timelineLayout();
    if (drag == Drag.NONE || l == null) {
      return;
    }
    if (drag == Drag.BOX) {
      view.setSelection(pressX, e.getX());
    } else {
      double moved = (e.getX() - pressX) * pressRange.durationNanos() / l.columns();
      vm.moveTo(pressRange.shift(-Math.round(moved)));
      crosshair(e.getX(), e.getY());
    }
  }

  private void released(MouseEvent e) {
    TimelineLayout l = view.timelineLayout();
    if (drag == Drag.BOX && l != null && Math.abs(e.getX() - pressX) >= MIN_BOX) {
      double a = Math.max(l.plotLeft(), Math.min(pressX, e.getX()));
      double b = Math.min(l.plotRight(), Math.max(pressX, e.getX()));
      vm.zoomTo(new TimeRange(l.timeAt(a), l.timeAt(b)));
    }
    view.clearSelection();
    drag = Drag.NONE;
  }

  private void clicked(MouseEvent e) {
    TimelineLayout l = view.timelineLayout();
    PlacedLabel label = view.labelAt(e.getX(), e.getY());
    if (e.getButton() == MouseButton.PRIMARY && label != null) {
      vm.selectedAnnotationProperty().set(label.annotation().id());
      if (e.getClickCount() == 2) {
        vm.zoomTo(label.annotation().span().durationNanos() > 0 ? padded(label.annotation().span())
            : new TimeRange(label.annotation().span().startNanos() - 5 * TimeUnits.NANOS_PER_SECOND,
                label.annotation().span().startNanos() + 5 * TimeUnits.NANOS_PER_SECOND));
      }
      return;
    }
    if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && l != null && inPlot(e.getX(), e.getY())) {
      LaneBox lane = l.laneAt(e.getY());
      vm.fitFeatureAt(l.timeAt(e.getX()), lane == null ? null : lane.lane().key());
    }
  }

  private static TimeRange padded(TimeRange r) {
    long pad = r.durationNanos() / 2;
    return new TimeRange(r.startNanos() - pad, r.endNanos() + pad);
  }

  private void keyPressed(KeyEvent e) {
    boolean handled = true;
    switch (e.getCode()) {
      case LEFT -> {
        if (e.isAltDown()) {
          vm.back();
        } else {
          vm.panBy(-0.25);
        }
      }
      case RIGHT -> {
        if (e.isAltDown()) {
          vm.forward();
        } else {
          vm.panBy(0.25);
        }
      }
      case HOME -> vm.showAll();
      case PAGE_DOWN -> handled = view.scrollLanesBy(view.lanesPage());
      case PAGE_UP -> handled = view.scrollLanesBy(-view.lanesPage());
      case BACK_SPACE -> vm.back();
      case DIGIT1, NUMPAD1 -> vm.showWindow(TimeUnits.NANOS_PER_SECOND);
      case DIGIT2, NUMPAD2 -> vm.showWindow(10 * TimeUnits.NANOS_PER_SECOND);
      case DIGIT3, NUMPAD3 -> vm.showWindow(60 * TimeUnits.NANOS_PER_SECOND);
      default -> handled = false;
    }
    if (handled) {
      e.consume();
    }
  }

  /** + and − arrive as typed characters whatever the keyboard layout or keypad ({@link KeyCode#PLUS} is rare). */
  private void keyTyped(KeyEvent e) {
    switch (e.getCharacter()) {
      case "+", "=" -> vm.zoomIn();
      case "-", "_" -> vm.zoomOut();
      default -> {
        return;
      }
    }
    e.consume();
  }
}
