package org.dnsseismograph.ui.annotations;

import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.dnsseismograph.render.TimelineLayout;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.ui.timeline.TimelineView;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationKind;

/**
 * Annotating on the timeline with the mouse and keys. Ctrl-drag across the lanes (or a plain drag
 * while the annotate tool is on) marks a span, then a menu asks its kind and the editor its label;
 * a click without dragging in that mode, or N, marks a point note at the crosshair. Pressing near
 * an annotation's edge in a data lane (the cursor turns into a resize arrow) drags that edge, or a
 * point note whole; the span follows the mouse as a preview and becomes one undoable edit on
 * release. These gestures take the press before the timeline's pan and box zoom (an event filter
 * on its {@link TimelineView#gestureSurface()}); everything else is left to them. FX thread only.
 */
public final class AnnotateGestures {
  /** A drag narrower than this is a click. */
  static final double MIN_DRAG = 3;

  private enum Mode {
    NONE,
    DRAW,
    EDGE
  }

  private final TimelineView view;
  private final AnnotationsViewModel vm;
  private final AnnotationEditorDialog editor;
  private final ContextMenu kindMenu = new ContextMenu();
  private Mode mode = Mode.NONE;
  private double pressX;
  private EdgeHit edge;
  private TimeRange moved;
  private boolean swallowClick;

  public AnnotateGestures(TimelineView view, AnnotationsViewModel vm, AnnotationEditorDialog editor) {
    this.view = view;
    this.vm = vm;
    this.editor = editor;
    kindMenu.setId("annotate-kind-menu");
  }

  /** Installs the gestures on the view; returns this. */
  public AnnotateGestures install() {
    Node surface = view.gestureSurface();
    surface.addEventFilter(MouseEvent.MOUSE_PRESSED, this::pressed);
    surface.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::dragged);
    surface.addEventFilter(MouseEvent.MOUSE_RELEASED, this::released);
    surface.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
      if (swallowClick) {
        swallowClick = false;
        e.consume();
      }
    });
    surface.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
      TimelineLayout l = view.timelineLayout();
      if (l != null && EdgeHit.at(l, vm.timeline().annotationsProperty().get(), vm.selectedIdProperty().get(), e.getX(), e.getY()) != null) {
        surface.setCursor(Cursor.H_RESIZE);
      }
    });
    view.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    return this;
  }

  private boolean inLanes(TimelineLayout l, double x, double y) {
    return x >= l.plotLeft() && x <= l.plotRight() && y >= l.lanesTop() && y <= l.lanesBottom() && l.lowerEdgeNear(y, 4) == null;
  }

  private void pressed(MouseEvent e) {
    TimelineLayout l = view.timelineLayout();
    if (l == null || e.getButton() != MouseButton.PRIMARY) {
      return;
    }
    edge = EdgeHit.at(l, vm.timeline().annotationsProperty().get(), vm.selectedIdProperty().get(), e.getX(), e.getY());
    if (edge != null && !e.isShortcutDown()) {
      mode = Mode.EDGE;
      moved = edge.annotation().span();
    } else if ((e.isShortcutDown() || vm.annotateModeProperty().get()) && inLanes(l, e.getX(), e.getY())) {
      mode = Mode.DRAW;
    } else {
      return;
    }
    view.requestFocus();
    pressX = e.getX();
    e.consume();
  }

  private void dragged(MouseEvent e) {
    TimelineLayout l = view.timelineLayout();
    if (mode == Mode.NONE || l == null) {
      return;
    }
    double x = Math.max(l.plotLeft(), Math.min(l.plotRight(), e.getX()));
    if (mode == Mode.DRAW) {
      view.setSelection(pressX, x);
    } else {
      moved = edge.dragTo(snap(l, l.timeAt(x)), (long) Math.max(1, nanosPerPixel(l)));
      vm.preview(edge.annotation().withSpan(moved));
    }
    vm.timeline().setCrosshair(l.timeAt(x));
    e.consume();
  }

  private void released(MouseEvent e) {
    TimelineLayout l = view.timelineLayout();
    Mode was = mode;
    mode = Mode.NONE;
    if (was == Mode.NONE || l == null) {
      return;
    }
    e.consume();
    swallowClick = true;
    double x = Math.max(l.plotLeft(), Math.min(l.plotRight(), e.getX()));
    boolean click = Math.abs(x - pressX) < MIN_DRAG;
    if (was == Mode.EDGE) {
      Annotation a = edge.annotation();
      if (click) {
        vm.endPreview();
        vm.select(a.id());
      } else if (!moved.equals(a.span())) {
        vm.apply(a.withSpan(moved), "move");
        vm.select(a.id());
      } else {
        vm.endPreview();
      }
      return;
    }
    if (click) {
      view.clearSelection();
      noteAt(snap(l, l.timeAt(pressX)));
      return;
    }
    long a = snap(l, l.timeAt(Math.min(pressX, x)));
    long b = snap(l, l.timeAt(Math.max(pressX, x)));
    askKind(new TimeRange(a, Math.max(b, a + 1)), e.getScreenX(), e.getScreenY());
  }

  private void keyPressed(KeyEvent e) {
    if (e.getCode() != KeyCode.N || e.isShortcutDown() || e.isAltDown() || view.timelineLayout() == null) {
      return;
    }
    Long t = vm.timeline().crosshairProperty().get();
    TimeRange v = vm.timeline().visibleRange();
    noteAt(snap(view.timelineLayout(), t != null ? t : v.startNanos() + v.durationNanos() / 2));
    e.consume();
  }

  /** Asks the kind of a span just drawn, then its label and the rest. */
  private void askKind(TimeRange span, double screenX, double screenY) {
    kindMenu.getItems().clear();
    for (AnnotationKind k : AnnotationKind.values()) {
      MenuItem m = new MenuItem(Character.toUpperCase(k.word().charAt(0)) + k.word().substring(1) + "…");
      m.setId("annotate-" + k.word());
      m.setOnAction(ev -> {
        view.clearSelection();
        create(Annotation.drawn(k, span, k.word()));
      });
      kindMenu.getItems().add(m);
    }
    kindMenu.setOnHidden(ev -> view.clearSelection());
    kindMenu.show(view, screenX, screenY);
  }

  /** Opens the editor on a point note at {@code t}. */
  public void noteAt(long t) {
    create(Annotation.drawn(AnnotationKind.NOTE, new TimeRange(t, t), "note"));
  }

  /** Opens the editor on a draft (a new annotation not yet in the book); OK adds it as one edit. */
  public void create(Annotation draft) {
    editor.edit(view.getScene() == null ? null : view.getScene().getWindow(), draft, true).thenAccept(r -> r.ifPresent(vm::add));
  }

  private static double nanosPerPixel(TimelineLayout l) {
    return (double) l.view().durationNanos() / l.columns();
  }

  private static long snap(TimelineLayout l, long t) {
    return EdgeHit.snap(t, nanosPerPixel(l));
  }
}
