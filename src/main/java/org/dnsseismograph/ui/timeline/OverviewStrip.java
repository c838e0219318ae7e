package org.dnsseismograph.ui.timeline;

import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import org.dnsseismograph.render.LanePlan;
import org.dnsseismograph.render.LayoutSpec;
import org.dnsseismograph.render.TimelineLayout;
import org.dnsseismograph.render.TimelinePainter;
import org.dnsseismograph.series.TimeRange;

/**
 * The overview strip under the lanes: the whole extent with the visible window as a draggable
 * range. Drag the window to move it, drag either grip to widen or narrow it, press outside to
 * centre the window there (and keep dragging). Drawn by the view's frame step through the shared
 * painter, the data lane through a pixel buffer of its own; FX thread only.
 */
final class OverviewStrip extends Region {
  private static final double GRIP_SLACK = 6;

  private enum Drag {
    NONE,
    MOVE,
    LEFT,
    RIGHT
  }

  private final TimelineViewModel vm;
  private final TimelinePainter painter;
  private final Canvas canvas = new Canvas();
  private final FxCanvasPainter fx;
  private final RasterPainter raster;
  private TimelineLayout layout;
  private Drag drag = Drag.NONE;
  private double pressX;
  private TimeRange pressRange;

  OverviewStrip(TimelineViewModel vm, TimelinePainter painter) {
    this.vm = vm;
    this.painter = painter;
    this.fx = new FxCanvasPainter(canvas.getGraphicsContext2D());
    this.raster = new RasterPainter(fx);
    setId("overview");
    canvas.setId("overview-canvas");
    getChildren().add(canvas);
    canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
    canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
    canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> drag = Drag.NONE);
    canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> canvas.setCursor(cursorAt(e.getX())));
  }

  /** The geometry drawn last, or null. */
  TimelineLayout stripLayout() {
    return layout;
  }

  @Override
  protected void layoutChildren() {
    canvas.setWidth(getWidth());
    canvas.setHeight(getHeight());
  }

  void paint() {
    if (canvas.getWidth() < 2 || canvas.getHeight() < 2) {
      return;
    }
    layout = TimelineLayout.of(LayoutSpec.screen(canvas.getWidth(), canvas.getHeight(), null), LanePlan.of(java.util.List.of()),
        vm.extent(), fx);
    vm.setOverviewColumns(layout.columns());
    canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
    painter.paintOverviewBackground(fx, layout, vm.overviewLane());
    // The data as one image, not a rectangle per column for the render thread to rasterise on every zoom.
    double scale = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 1;
    raster.begin(canvas.getWidth(), canvas.getHeight(), scale);
    painter.paintOverviewData(raster, layout, vm.overviewFrame(), vm.overviewLane());
    raster.finish(canvas.getGraphicsContext2D());
    painter.paintOverviewMarks(fx, layout, vm.overviewLane(), vm.visibleRange(), vm.annotationsProperty().get());
  }

  private Drag hit(double x) {
    if (layout == null) {
      return Drag.NONE;
    }
    double x0 = layout.xOf(vm.visibleRange().startNanos());
    double x1 = layout.xOf(vm.visibleRange().endNanos());
    if (Math.abs(x - x0) <= GRIP_SLACK && x < (x0 + x1) / 2) {
      return Drag.LEFT;
    }
    if (Math.abs(x - x1) <= GRIP_SLACK) {
      return Drag.RIGHT;
    }
    return x > x0 && x < x1 ? Drag.MOVE : Drag.NONE;
  }

  private Cursor cursorAt(double x) {
    return switch (hit(x)) {
      case LEFT, RIGHT -> Cursor.H_RESIZE;
      case MOVE -> Cursor.MOVE;
      case NONE -> Cursor.DEFAULT;
    };
  }

  private void pressed(MouseEvent e) {
    if (e.getButton() != MouseButton.PRIMARY || layout == null) {
      return;
    }
    vm.startGesture();
    drag = hit(e.getX());
    if (drag == Drag.NONE) {
      long w = vm.visibleRange().durationNanos();
      long centre = layout.timeAt(e.getX());
      vm.moveTo(new TimeRange(centre - w / 2, centre - w / 2 + w));
      drag = Drag.MOVE;
    }
    pressX = e.getX();
    pressRange = vm.visibleRange();
  }

  private void dragged(MouseEvent e) {
    if (drag == Drag.NONE || layout == null) {
      return;
    }
    long dt = layout.timeAt(e.getX()) - layout.timeAt(pressX);
    long s = pressRange.startNanos();
    long t = pressRange.endNanos();
    TimeRange to = switch (drag) {
      case MOVE -> pressRange.shift(dt);
      case LEFT -> new TimeRange(Math.min(s + dt, t - ViewWindow.MIN_WIDTH), t);
      case RIGHT -> new TimeRange(s, Math.max(t + dt, s + ViewWindow.MIN_WIDTH));
      case NONE -> pressRange;
    };
    vm.moveTo(to);
  }
}
