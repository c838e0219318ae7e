package org.dnsseismograph.ui.timeline;

import java.util.List;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.dnsseismograph.render.Lane;
import org.dnsseismograph.render.LaneBox;
import org.dnsseismograph.render.LaneKind;
import org.dnsseismograph.render.LanePlan;
import org.dnsseismograph.render.TimelineLayout;
import org.dnsseismograph.workspace.ValueAxis;

/**
 * Arranging lanes with the mouse: drag a lane's lower edge to resize it; drag a lane by its margin
 * (where its values are written) up or down to move it; right-click the margin for a menu to hide
 * the lane, move it, draw stacked areas as lines (or back), and show hidden lanes again. FX thread
 * only.
 */
final class LaneGestures {
  /** How close to a lane's lower edge a press resizes it, in pixels. */
  static final double EDGE_SLACK = 4;

  private enum Drag {
    NONE,
    RESIZE,
    MOVE
  }

  private final TimelineView view;
  private final TimelineViewModel vm;
  private final ContextMenu menu = new ContextMenu();
  private Drag drag = Drag.NONE;
  private String key;
  private double pressY;
  private double pressBox;
  private double shared;
  private double otherWeights;

  LaneGestures(TimelineView view) {
    this.view = view;
    this.vm = view.viewModel();
    menu.setId("lane-menu");
  }

  void install() {
    Canvas c = view.overlayCanvas();
    c.addEventHandler(MouseEvent.MOUSE_MOVED, e -> c.setCursor(cursorAt(e.getX(), e.getY())));
    c.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
    c.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
    c.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> drag = Drag.NONE);
  }

  private Cursor cursorAt(double x, double y) {
    TimelineLayout l = view.timelineLayout();
    if (l == null) {
      return Cursor.DEFAULT;
    }
    if (l.lowerEdgeNear(y, EDGE_SLACK) != null) {
      return Cursor.V_RESIZE;
    }
    return x < l.plotLeft() && l.laneAt(y) != null ? Cursor.OPEN_HAND : Cursor.CROSSHAIR;
  }

  private void pressed(MouseEvent e) {
    TimelineLayout l = view.timelineLayout();
    if (l == null) {
      return;
    }
    LaneBox edge = l.lowerEdgeNear(e.getY(), EDGE_SLACK);
    LaneBox lane = l.laneAt(e.getY());
    if (e.getButton() == MouseButton.SECONDARY && e.getX() < l.plotLeft() && lane != null) {
      showMenu(lane.lane(), e.getScreenX(), e.getScreenY());
    } else if (e.getButton() == MouseButton.PRIMARY && edge != null) {
      start(Drag.RESIZE, edge, e.getY());
    } else if (e.getButton() == MouseButton.PRIMARY && e.getX() < l.plotLeft() && lane != null) {
      start(Drag.MOVE, lane, e.getY());
    }
  }

  private void start(Drag d, LaneBox box, double y) {
    drag = d;
    key = box.lane().key();
    pressY = y;
    pressBox = box.height();
    shared = view.timelineLayout().lanes().stream().mapToDouble(LaneBox::height).sum();
    otherWeights = vm.plan().visibleLanes().stream().filter(l -> !l.key().equals(key)).mapToDouble(l -> vm.plan().height(l.key())).sum();
  }

  /**
   * Lanes share the height in proportion to their weights, so the weight that gives this lane
   * {@code target} pixels, the others keeping theirs, is target × others / (shared − target); when
   * the lanes scroll, their scale stays put and the weight is target / scale.
   */
  private void resizeTo(double target) {
    TimelineLayout l = view.timelineLayout();
    if (l != null && l.maxScrollTop() > 0) {
      // Lanes that scroll keep their scale: the lane grows the stack instead of squeezing the others.
      vm.resizeLane(key, Math.max(20, target) / l.scale());
      return;
    }
    if (otherWeights <= 0) {
      return;
    }
    double h = Math.max(20, Math.min(shared - 40, target));
    vm.resizeLane(key, h * otherWeights / (shared - h));
  }

  private void dragged(MouseEvent e) {
    TimelineLayout l = view.timelineLayout();
    if (drag == Drag.NONE || l == null) {
      return;
    }
    if (drag == Drag.RESIZE) {
      resizeTo(pressBox + e.getY() - pressY);
      return;
    }
    LaneBox over = l.laneAt(e.getY());
    if (over != null && !over.lane().key().equals(key)) {
      vm.moveLane(key, vm.plan().indexOf(over.lane().key()));
    }
  }

  private void showMenu(Lane lane, double screenX, double screenY) {
    LanePlan plan = vm.plan();
    int index = plan.indexOf(lane.key());
    MenuItem hide = item("Hide lane", "lane-hide", () -> vm.setLaneVisible(lane.key(), false));
    MenuItem up = item("Move up", "lane-up", () -> vm.moveLane(lane.key(), index - 1));
    MenuItem down = item("Move down", "lane-down", () -> vm.moveLane(lane.key(), index + 1));
    up.setDisable(index == 0);
    down.setDisable(index == plan.lanes().size() - 1);
    menu.getItems().setAll(hide, up, down);
    if (lane.kind() == LaneKind.STACKED || lane.kind() == LaneKind.LINES && lane.key().endsWith(".rcode")) {
      boolean stacked = lane.kind() == LaneKind.STACKED;
      menu.getItems().add(item(stacked ? "Draw as lines" : "Draw stacked", "lane-style",
          () -> vm.setLaneKind(lane.key(), stacked ? LaneKind.LINES : LaneKind.STACKED)));
    }
    if (lane.kind() == LaneKind.LINES) {
      boolean log = lane.axis() == ValueAxis.LOG;
      menu.getItems().add(item(log ? "Linear value axis" : "Log value axis", "lane-axis",
          () -> vm.setLaneAxis(lane.key(), log ? ValueAxis.LINEAR : ValueAxis.LOG)));
    }
    List<Lane> hidden = plan.lanes().stream().filter(l -> !plan.isVisible(l.key())).toList();
    Menu show = new Menu("Show lane");
    show.setId("lane-show");
    for (Lane h : hidden) {
      show.getItems().add(item(h.title(), "lane-show-" + h.key(), () -> vm.setLaneVisible(h.key(), true)));
    }
    show.setDisable(hidden.isEmpty());
    menu.getItems().addAll(new SeparatorMenuItem(), show);
    menu.show(view, screenX, screenY);
  }

  private static MenuItem item(String text, String id, Runnable action) {
    MenuItem m = new MenuItem(text);
    m.setId(id);
    m.setOnAction(e -> action.run());
    return m;
  }
}
