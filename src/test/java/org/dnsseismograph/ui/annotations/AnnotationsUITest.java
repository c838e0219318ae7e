package org.dnsseismograph.ui.annotations;

import static org.dnsseismograph.ui.WindowDriver.fx;
import static org.dnsseismograph.ui.WindowDriver.fxRun;
import static org.dnsseismograph.ui.annotations.Incident.MS;
import static org.dnsseismograph.ui.annotations.Incident.S;
import static org.dnsseismograph.ui.annotations.Incident.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.dnsseismograph.render.Lane;
import org.dnsseismograph.render.LaneBox;
import org.dnsseismograph.render.PlacedLabel;
import org.dnsseismograph.render.TimelineLayout;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.ui.timeline.TimelineView;
import org.dnsseismograph.ui.timeline.TimelineViewModel;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationBook;
import org.dnsseismograph.workspace.AnnotationKind;
import org.dnsseismograph.workspace.AnnotationState;
import org.dnsseismograph.workspace.EditHistory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Annotating by hand, driven by a robot on a real timeline with the annotations list beside it
 * (headless on Monocle): draw, edit in the dialog, drag an edge, accept, reject, undo and redo.
 */
@ExtendWith(ApplicationExtension.class)
class AnnotationsUITest {
  private final ExecutorService reducer = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "reducer");
    t.setDaemon(true);
    return t;
  });
  private final AnnotationBook book = new AnnotationBook();
  private final EditHistory history = new EditHistory();
  private TimelineViewModel timeline;
  private TimelineView view;
  private AnnotationsViewModel vm;
  private AnnotationsView list;
  private AnnotationCommands commands;

  @Start
  void start(Stage stage) {
    timeline = new TimelineViewModel(Incident.plan(), Incident.WHOLE, reducer);
    view = new TimelineView(timeline);
    vm = new AnnotationsViewModel(book, history, timeline);
    AnnotationEditorDialog editor = new AnnotationEditorDialog();
    list = new AnnotationsView(vm, editor);
    commands = new AnnotationCommands(vm, list, new AnnotateGestures(view, vm, editor).install());
    list.setPrefWidth(420);
    BorderPane root = new BorderPane(view);
    root.setRight(list);
    Scene scene = new Scene(root, 1280, 720);
    EditKeys.install(scene, vm);
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void stopReducer() {
    reducer.shutdownNow();
  }

  /** Zooms to 100 ms per pixel from T0 + 100 s and waits until that is drawn; returns the layout. */
  private TimelineLayout tenthOfASecondPerPixel() {
    TimelineLayout first = settled();
    fxRun(() -> timeline.zoomTo(new TimeRange(T0 + 100 * S, T0 + 100 * S + first.columns() * 100 * MS)));
    TimelineLayout l = settled();
    assertEquals(100 * MS * l.columns(), l.view().durationNanos());
    return l;
  }

  private TimelineLayout settled() {
    WaitForAsyncUtils.waitForFxEvents();
    try {
      WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> view.timelineLayout() != null && timeline.frame() != null
          && view.timelineLayout().view().equals(timeline.visibleRange())));
    } catch (Exception e) {
      throw new AssertionError("not drawn", e);
    }
    WaitForAsyncUtils.waitForFxEvents();
    return fx(view::timelineLayout);
  }

  private Point2D screen(double x, double y) {
    return fx(() -> view.localToScreen(x, y));
  }

  private static double laneMiddle(TimelineLayout l) {
    LaneBox b = l.lanes().get(0);
    return b.plotTop() + b.plotHeight() / 2;
  }

  private Annotation only() {
    List<Annotation> all = fx(book::all);
    assertEquals(1, all.size(), all.toString());
    return all.get(0);
  }

  private void propose(Annotation... proposals) {
    fx(() -> vm.propose(List.of(proposals)));
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** The list's row showing annotation number {@code i}. */
  private TableRow<?> row(FxRobot robot, int i) {
    return robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream().filter(r -> r.getIndex() == i && !r.isEmpty()).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + i));
  }

  private void typeInto(FxRobot robot, String id, String text) {
    TextField f = robot.lookup(id).queryAs(TextField.class);
    fxRun(() -> f.clear());
    robot.clickOn(f).write(text);
  }

  @Test
  void aCtrlDragMarksASpanThatIsAskedItsKindAndLabel(FxRobot robot) {
    TimelineLayout l = tenthOfASecondPerPixel();
    double y = laneMiddle(l);
    robot.press(KeyCode.CONTROL).drag(screen(l.plotLeft() + 200, y), MouseButton.PRIMARY).moveTo(screen(l.plotLeft() + 300, y))
        .moveTo(screen(l.plotLeft() + 400, y)).release(MouseButton.PRIMARY).release(KeyCode.CONTROL);
    assertEquals(l.view(), fx(timeline::visibleRange), "a ctrl-drag does not pan");
    robot.clickOn("#annotate-outage");
    assertEquals("outage", robot.lookup("#annotation-label").queryTextInputControl().getText(), "the kind is the label to start with");
    typeInto(robot, "#annotation-label", "example.test dark");
    robot.clickOn("#annotation-ok");
    WaitForAsyncUtils.waitForFxEvents();

    Annotation a = only();
    assertEquals(AnnotationKind.OUTAGE, a.kind());
    assertEquals("example.test dark", a.label());
    assertEquals(AnnotationState.ACCEPTED, a.state());
    assertEquals(T0 + 100 * S + 200 * 100 * MS, a.span().startNanos(), 100 * MS, "pixel 200 is 20 s into the view");
    assertEquals(T0 + 100 * S + 400 * 100 * MS, a.span().endNanos(), 100 * MS);
    assertEquals(0, a.span().startNanos() % MS, "snapped to the millisecond");
    assertEquals(a.id(), fx(() -> timeline.selectedAnnotationProperty().get()), "the new one is selected");
    assertEquals(List.of(a), fx(() -> timeline.annotationsProperty().get()), "and drawn");
    assertEquals("Undo add outage 'example.test dark'", fx(() -> vm.undoTextProperty().get()));
  }

  @Test
  void cancellingTheEditorMarksNothing(FxRobot robot) {
    TimelineLayout l = tenthOfASecondPerPixel();
    double y = laneMiddle(l);
    robot.press(KeyCode.CONTROL).drag(screen(l.plotLeft() + 200, y), MouseButton.PRIMARY).moveTo(screen(l.plotLeft() + 260, y))
        .release(MouseButton.PRIMARY).release(KeyCode.CONTROL);
    robot.clickOn("#annotate-spike");
    robot.clickOn("#annotation-cancel");
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(fx(book::all).isEmpty());
    assertFalse(fx(history::canUndo));
  }

  @Test
  void theKeyNMarksANoteAtTheCrosshair(FxRobot robot) {
    TimelineLayout l = tenthOfASecondPerPixel();
    robot.moveTo(screen(l.plotLeft() + 150, laneMiddle(l)));
    WaitForAsyncUtils.waitForFxEvents();
    long crosshair = fx(() -> timeline.crosshairProperty().get());
    robot.type(KeyCode.N);
    typeInto(robot, "#annotation-label", "customer call");
    robot.clickOn("#annotation-ok");
    WaitForAsyncUtils.waitForFxEvents();
    Annotation a = only();
    assertEquals(AnnotationKind.NOTE, a.kind());
    assertTrue(a.isPoint());
    assertEquals(EdgeHit.snap(crosshair, 100 * MS), a.span().startNanos());
    assertEquals(T0 + 115 * S, a.span().startNanos(), 100 * MS);
  }

  @Test
  void theAnnotateToolDrawsWithAPlainDragThatOtherwisePans(FxRobot robot) {
    TimelineLayout l = tenthOfASecondPerPixel();
    double y = laneMiddle(l);
    robot.clickOn("#annotation-tool");
    assertTrue(fx(() -> vm.annotateModeProperty().get()));
    robot.drag(screen(l.plotLeft() + 100, y), MouseButton.PRIMARY).moveTo(screen(l.plotLeft() + 180, y)).release(MouseButton.PRIMARY);
    robot.clickOn("#annotate-note");
    typeInto(robot, "#annotation-label", "maintenance window");
    robot.clickOn("#annotation-ok");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(AnnotationKind.NOTE, only().kind());
    assertEquals(80 * 100 * MS, only().span().durationNanos(), 2 * 100 * MS);
    assertEquals(l.view(), fx(timeline::visibleRange));

    robot.clickOn("#annotation-tool");
    robot.drag(screen(l.plotLeft() + 300, y), MouseButton.PRIMARY).moveTo(screen(l.plotLeft() + 200, y)).release(MouseButton.PRIMARY);
    settled();
    assertNotEquals(l.view(), fx(timeline::visibleRange), "with the tool off a drag pans again");
  }

  @Test
  void doubleClickingARowEditsItInTheDialogAndCtrlZUndoesIt(FxRobot robot) {
    Annotation outage = Incident.proposedOutage();
    propose(outage);
    robot.doubleClickOn(row(robot, 0));
    assertNotNull(robot.lookup("#annotation-editor").tryQuery().orElse(null), "the editor opened");
    typeInto(robot, "#annotation-label", "ns1-3 dark");
    typeInto(robot, "#annotation-start", "2026-11-25 19:11:44.250");
    typeInto(robot, "#annotation-servers", "127.0.0.21 127.0.0.22 127.0.0.23");
    robot.clickOn("#annotation-ok");
    WaitForAsyncUtils.waitForFxEvents();

    Annotation edited = only();
    assertEquals(AnnotationState.EDITED, edited.state());
    assertEquals("ns1-3 dark", edited.label());
    assertEquals(T0 + 199 * S + 250 * MS, edited.span().startNanos(), "typed to the millisecond");
    assertEquals(outage.span().endNanos(), edited.span().endNanos(), "the end untouched");
    assertEquals(List.of("127.0.0.21", "127.0.0.22", "127.0.0.23"), edited.servers());
    assertEquals("edited", fx(() -> list.table().getColumns().get(1).getCellData(0)));

    robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(outage, only(), "Ctrl+Z: the proposal as it was");
    robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(edited, only(), "Ctrl+Shift+Z: edited again");
  }

  @Test
  void anInvalidEditCannotBeConfirmed(FxRobot robot) {
    propose(Incident.proposedOutage());
    robot.clickOn(row(robot, 0));
    robot.clickOn("#annotation-edit");
    typeInto(robot, "#annotation-end", "2026-11-25 19:00:00.000");
    assertEquals("the end is before the start", robot.lookup("#annotation-problem").queryLabeled().getText());
    assertTrue(robot.lookup("#annotation-ok").queryButton().isDisabled());
    robot.clickOn("#annotation-cancel");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(AnnotationState.PROPOSED, only().state());
  }

  @Test
  void draggingAnEdgeMovesItWithAPreviewAndOneUndo(FxRobot robot) {
    Annotation outage = Incident.proposedOutage();
    propose(outage);
    fxRun(() -> timeline.zoomTo(new TimeRange(T0 + 190 * S, T0 + 190 * S + settled().columns() * 100 * MS)));
    TimelineLayout l = settled();
    double y = laneMiddle(l);
    double endX = l.xOf(outage.span().endNanos());
    robot.drag(screen(endX, y), MouseButton.PRIMARY).moveTo(screen(endX + 30, y)).moveTo(screen(endX + 50, y));
    WaitForAsyncUtils.waitForFxEvents();
    Annotation preview = fx(() -> timeline.annotationsProperty().get().get(0));
    assertEquals(outage.span().endNanos() + 50 * 100 * MS, preview.span().endNanos(), 100 * MS, "drawn where the mouse is");
    assertEquals(outage, only(), "not yet an edit");
    robot.release(MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();

    Annotation moved = only();
    assertEquals(AnnotationState.EDITED, moved.state());
    assertEquals(outage.span().startNanos(), moved.span().startNanos(), "the start stays, to the nanosecond");
    assertEquals(outage.span().endNanos() + 5 * S, moved.span().endNanos(), 100 * MS);
    assertEquals(l.view(), fx(timeline::visibleRange), "dragging an edge does not pan");
    assertEquals("Undo move outage 'example.test dark'", fx(() -> vm.undoTextProperty().get()));
    fx(() -> vm.undo());
    assertEquals(outage, only());
  }

  @Test
  void acceptAndRejectFromButtonsKeysAndTheMenu(FxRobot robot) {
    Annotation outage = Incident.proposedOutage();
    Annotation spike = Incident.proposedSpike();
    propose(outage, spike);
    robot.clickOn(row(robot, 0));
    robot.clickOn("#annotation-accept");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(AnnotationState.ACCEPTED, fx(() -> book.get(outage.id()).orElseThrow().state()));
    assertTrue(robot.lookup("#annotation-accept").queryButton().isDisabled(), "accepted already");

    robot.clickOn(row(robot, 1));
    robot.type(KeyCode.R);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(AnnotationState.REJECTED, fx(() -> book.get(spike.id()).orElseThrow().state()));
    robot.type(KeyCode.A);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(AnnotationState.ACCEPTED, fx(() -> book.get(spike.id()).orElseThrow().state()), "changed their mind");

    robot.rightClickOn(row(robot, 0));
    robot.clickOn("#menu-annotation-reject");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(AnnotationState.REJECTED, fx(() -> book.get(outage.id()).orElseThrow().state()));
    assertEquals(5, fx(history::undoDepth), "the proposals taken in, and four decisions");

    for (int i = 0; i < 4; i++) {
      robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    }
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of(outage, spike), fx(book::all), "four undos: both proposals as they came");
  }

  @Test
  void proposalsAreMarkedProposedAndARowClickShowsItOnTheTimeline(FxRobot robot) {
    Annotation outage = Incident.proposedOutage();
    propose(outage);
    TableRow<?> row = row(robot, 0);
    assertEquals("proposed", fx(() -> list.table().getColumns().get(1).getCellData(0)));
    assertTrue(fx(() -> row.getStyle()).contains("italic"));
    String tip = fx(() -> row.getTooltip().getText());
    assertTrue(tip.contains("example.test dark") && tip.contains("3 of 3 servers silent") && tip.contains("OutageDetector"), tip);

    robot.clickOn(row);
    TimelineLayout l = settled();
    long pad = outage.span().durationNanos() / 2;
    assertEquals(new TimeRange(outage.span().startNanos() - pad, outage.span().endNanos() + pad), l.view());
    LaneBox notes = l.lanes().stream().filter(b -> b.lane().key().equals(Lane.ANNOTATIONS_KEY)).findFirst().orElseThrow();
    PlacedLabel label = fx(() -> view.labelAt(l.xOf(outage.span().startNanos()) + 3, notes.plotTop() + 6));
    assertEquals("proposed outage: example.test dark", label.fullText());
  }

  @Test
  void theMenuCommandsAddANoteOverTheViewAndDecideTheSelection(FxRobot robot) {
    TimelineLayout l = tenthOfASecondPerPixel();
    assertFalse(fx(() -> commands.hasSelection().get()));
    fxRun(() -> commands.addNote());
    typeInto(robot, "#annotation-label", "whole window");
    robot.clickOn("#annotation-ok");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(l.view(), only().span(), "no crosshair: the note covers the visible window");
    assertTrue(fx(() -> commands.hasSelection().get()), "the new note is selected");
    fxRun(() -> commands.deleteSelected());
    assertTrue(fx(book::all).isEmpty());

    Annotation outage = Incident.proposedOutage();
    propose(outage);
    fxRun(() -> vm.select(outage.id()));
    fxRun(() -> commands.acceptSelected());
    assertEquals(AnnotationState.ACCEPTED, only().state());
    fxRun(() -> commands.rejectSelected());
    assertEquals(AnnotationState.REJECTED, only().state());
    fxRun(() -> commands.editSelected());
    assertTrue(robot.lookup("#annotation-editor").tryQuery().isEmpty(), "a rejected annotation is not edited");
  }
}
