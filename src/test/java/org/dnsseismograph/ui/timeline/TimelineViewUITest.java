package org.dnsseismograph.ui.timeline;

import static org.dnsseismograph.ui.WindowDriver.fx;
import static org.dnsseismograph.ui.timeline.TimelineViewModelTest.HOUR;
import static org.dnsseismograph.ui.timeline.TimelineViewModelTest.MS;
import static org.dnsseismograph.ui.timeline.TimelineViewModelTest.S;
import static org.dnsseismograph.ui.timeline.TimelineViewModelTest.SPIKE;
import static org.dnsseismograph.ui.timeline.TimelineViewModelTest.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.dnsseismograph.render.LaneBox;
import org.dnsseismograph.render.LaneKind;
import org.dnsseismograph.render.LanePlan;
import org.dnsseismograph.render.LanePlanner;
import org.dnsseismograph.render.Palette;
import org.dnsseismograph.render.TimelineLayout;
import org.dnsseismograph.render.ValueFormat;
import org.dnsseismograph.series.ColumnBuffer;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.Unit;
import org.dnsseismograph.ui.WindowDriver;
import org.dnsseismograph.workspace.ValueAxis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Every gesture of the timeline, driven by a robot on a real view (headless on Monocle). */
@ExtendWith(ApplicationExtension.class)
class TimelineViewUITest {
  private final ExecutorService reducer = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "reducer");
    t.setDaemon(true);
    return t;
  });
  private TimelineView view;
  private TimelineViewModel vm;

  @Start
  void start(Stage stage) {
    view = show(stage, reducer);
    vm = view.viewModel();
  }

  /** A view of the test plan's hour, shown in a 1280×720 stage, its frames reduced on {@code reducer}. */
  static TimelineView show(Stage stage, java.util.concurrent.Executor reducer) {
    TimelineView v = new TimelineView(new TimelineViewModel(TimelineViewModelTest.plan(), new TimeRange(T0, T0 + HOUR), reducer));
    stage.setScene(new Scene(v, 1280, 720));
    stage.show();
    return v;
  }

  @Test
  void theFrameTimerRunsOnlyWhileTheWindowShowsAndAHiddenWindowIsLetGo() throws Exception {
    Stage stage = fx(() -> (Stage) view.getScene().getWindow());
    assertTrue(fx(() -> view.ticker().isRunning()));
    int[] ends = {0};
    WindowDriver.fxRun(() -> org.dnsseismograph.ui.common.StageEnd.whenHidden(stage, () -> ends[0]++));

    WindowDriver.fxRun(stage::hide);
    assertFalse(fx(() -> view.ticker().isRunning()), "a hidden window draws nothing");
    WindowDriver.fxRun(stage::show);
    assertTrue(fx(() -> view.ticker().isRunning()), "shown again, it draws again");
    WindowDriver.fxRun(stage::hide);
    WindowDriver.fxRun(stage::show);
    assertEquals(1, ends[0], "a stage end runs once and leaves the stage");

    // the old view, its scene replaced on the same stage, is collected: nothing of the toolkit holds it
    java.lang.ref.WeakReference<TimelineView> old = new java.lang.ref.WeakReference<>(view);
    WindowDriver.fxRun(() -> stage.setScene(new Scene(new Label("next"), 200, 100)));
    WindowDriver.fxRun(() -> stage.setScene(new Scene(new Label("and next"), 200, 100)));
    view = null;
    vm = null;
    for (int i = 0; i < 20 && old.get() != null; i++) {
      System.gc();
      WaitForAsyncUtils.waitForFxEvents();
    }
    assertTrue(old.get() == null, "the replaced view is still reachable");
  }

  @AfterEach
  void stopReducer() {
    reducer.shutdownNow();
  }

  /** Waits until the frame drawn is the one reduced for the visible window, at the plot's width. */
  private TimelineLayout settled() {
    WaitForAsyncUtils.waitForFxEvents();
    try {
      WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> view.timelineLayout() != null && vm.frame() != null
          && vm.frame().range().equals(vm.visibleRange()) && view.timelineLayout().view().equals(vm.visibleRange())
          && vm.frame().columns() == view.timelineLayout().columns()));
    } catch (Exception e) {
      throw new AssertionError("no frame for " + fx(vm::visibleRange), e);
    }
    WaitForAsyncUtils.waitForFxEvents();
    return fx(view::timelineLayout);
  }

  private Point2D screen(double x, double y) {
    return fx(() -> view.localToScreen(x, y));
  }

  private double laneMiddle(TimelineLayout l, int lane) {
    LaneBox b = l.lanes().get(lane);
    return b.plotTop() + b.plotHeight() / 2;
  }

  private TimeRange range() {
    return fx(vm::visibleRange);
  }

  @Test
  void theWheelZoomsAtTheCursorKeepingItsTimeInPlace(FxRobot robot) {
    fx(() -> {
      vm.zoomTo(new TimeRange(T0 + 600 * S, T0 + 2400 * S));
      return null;
    });
    TimelineLayout l = settled();
    double x = l.plotLeft() + 300;
    long under = l.timeAt(x);
    long before = range().durationNanos();
    robot.moveTo(screen(x, laneMiddle(l, 0))).scroll(3, VerticalDirection.UP);
    TimelineLayout in = settled();
    assertTrue(range().durationNanos() != before, "the wheel zoomed");
    assertEquals(under, in.timeAt(x), in.view().durationNanos() / in.columns(), "the time under the cursor stays within a pixel");
    robot.scroll(6, VerticalDirection.DOWN);
    TimelineLayout out = settled();
    assertEquals(under, out.timeAt(x), out.view().durationNanos() / out.columns());
  }

  @Test
  void draggingPansByTheDistanceMoved(FxRobot robot) {
    fx(() -> {
      vm.zoomTo(new TimeRange(T0 + 600 * S, T0 + 1200 * S));
      return null;
    });
    TimelineLayout l = settled();
    TimeRange before = range();
    double y = laneMiddle(l, 0);
    robot.drag(screen(l.plotLeft() + 600, y), MouseButton.PRIMARY).moveTo(screen(l.plotLeft() + 400, y)).release(MouseButton.PRIMARY);
    settled();
    long perPixel = before.durationNanos() / l.columns();
    assertEquals(before.startNanos() + 200 * perPixel, range().startNanos(), perPixel, "200 px to the left shows 200 px later");
    assertEquals(before.durationNanos(), range().durationNanos());
  }

  @Test
  void aShiftDragSelectsABoxToZoomInto(FxRobot robot) {
    TimelineLayout l = settled();
    double y = laneMiddle(l, 0);
    long from = l.timeAt(l.plotLeft() + 300);
    long to = l.timeAt(l.plotLeft() + 520);
    robot.press(KeyCode.SHIFT).drag(screen(l.plotLeft() + 300, y), MouseButton.PRIMARY).moveTo(screen(l.plotLeft() + 520, y))
        .release(MouseButton.PRIMARY).release(KeyCode.SHIFT);
    settled();
    long slack = l.view().durationNanos() / l.columns();
    assertEquals(from, range().startNanos(), slack);
    assertEquals(to, range().endNanos(), slack);
    assertTrue(fx(() -> vm.canGoBackProperty().get()));
  }

  @Test
  void keysZoomPanJumpToFixedWindowsAndGoBack(FxRobot robot) {
    TimelineLayout l = settled();
    robot.clickOn(screen(l.plotLeft() + 100, l.lanesBottom() + 2));
    robot.moveTo(screen(l.plotRight() + 8, laneMiddle(l, 0)));
    robot.write("+");
    settled();
    assertEquals(HOUR / 2, range().durationNanos());
    robot.write("-");
    settled();
    assertEquals(HOUR, range().durationNanos());
    robot.type(KeyCode.DIGIT3);
    settled();
    assertEquals(60 * S, range().durationNanos());
    TimeRange minute = range();
    robot.type(KeyCode.RIGHT);
    settled();
    assertEquals(minute.shift(15 * S), range());
    robot.type(KeyCode.DIGIT1);
    settled();
    assertEquals(S, range().durationNanos());
    robot.type(KeyCode.DIGIT2);
    settled();
    assertEquals(10 * S, range().durationNanos());
    robot.press(KeyCode.ALT).type(KeyCode.LEFT).release(KeyCode.ALT);
    settled();
    assertEquals(S, range().durationNanos(), "back to the 1 s window");
    robot.type(KeyCode.HOME);
    settled();
    assertEquals(new TimeRange(T0, T0 + HOUR), range());
    robot.type(KeyCode.BACK_SPACE);
    settled();
    assertEquals(S, range().durationNanos());
  }

  @Test
  void minusLeftArrowAndAltRightWalkTheViewAndTheHistoryForward(FxRobot robot) {
    TimelineLayout l = settled();
    robot.clickOn(screen(l.plotLeft() + 100, l.lanesBottom() + 2));
    robot.moveTo(screen(l.plotRight() + 8, laneMiddle(l, 0)));
    robot.type(KeyCode.DIGIT3);
    settled();
    TimeRange minute = range();
    robot.type(KeyCode.LEFT);
    settled();
    assertEquals(minute.shift(-15 * S), range(), "left moves a quarter of the window earlier");
    robot.write("-");
    settled();
    TimeRange wider = range();
    assertEquals(120 * S, wider.durationNanos());
    robot.press(KeyCode.ALT).type(KeyCode.LEFT).release(KeyCode.ALT);
    settled();
    assertEquals(60 * S, range().durationNanos(), "back to the minute");
    assertTrue(fx(() -> vm.canGoForwardProperty().get()));
    robot.press(KeyCode.ALT).type(KeyCode.RIGHT).release(KeyCode.ALT);
    settled();
    assertEquals(wider, range(), "forward to the two minutes again");
    assertFalse(fx(() -> vm.canGoForwardProperty().get()));
  }

  @Test
  void draggingTheOverviewWindowMovesTheView(FxRobot robot) {
    fx(() -> {
      vm.zoomTo(new TimeRange(T0 + 600 * S, T0 + 1200 * S));
      return null;
    });
    settled();
    WaitForAsyncUtils.waitForFxEvents();
    TimelineLayout o = fx(() -> view.overview().stripLayout());
    TimeRange before = range();
    double x0 = o.xOf(before.startNanos());
    double x1 = o.xOf(before.endNanos());
    double y = TimelineView.OVERVIEW_HEIGHT / 2 - 8;
    Point2D from = fx(() -> view.overview().localToScreen((x0 + x1) / 2, y));
    robot.drag(from, MouseButton.PRIMARY).moveBy(100, 0).release(MouseButton.PRIMARY);
    settled();
    long perPixel = HOUR / o.columns();
    assertEquals(before.startNanos() + 100 * perPixel, range().startNanos(), 2 * perPixel);
    assertEquals(before.durationNanos(), range().durationNanos());

    double right = o.xOf(range().endNanos());
    Point2D grip = fx(() -> view.overview().localToScreen(right, y));
    long start = range().startNanos();
    robot.drag(grip, MouseButton.PRIMARY).moveBy(50, 0).release(MouseButton.PRIMARY);
    settled();
    assertEquals(start, range().startNanos(), "the left edge stays when the right grip is dragged");
    assertEquals(before.durationNanos() + 50 * perPixel, range().durationNanos(), 2 * perPixel);
  }

  @Test
  void theCrosshairReadsOutTheTimeAndTheBucketsValues(FxRobot robot) {
    fx(() -> {
      vm.zoomTo(new TimeRange(SPIKE.startNanos() - 10 * S, SPIKE.endNanos() + 10 * S));
      return null;
    });
    TimelineLayout l = settled();
    double x = Math.floor(l.xOf(SPIKE.startNanos() + 500 * MS)) + 0.5;
    robot.moveTo(screen(x, laneMiddle(l, 0)));
    WaitForAsyncUtils.waitForFxEvents();
    long t = fx(() -> vm.crosshairProperty().get());
    assertEquals(l.timeAt(x), t, 2 * MS, "the crosshair is where the mouse is");
    assertTrue(fx(() -> view.lookup("#crosshair-readout").isVisible()));
    String time = fx(() -> ((Label) view.lookup("#crosshair-time")).getText());
    assertTrue(time.startsWith(org.dnsseismograph.render.TimeText.utcMillis(t)), time);

    // The bucket drawn there, reduced independently: 100 ms buckets, since a pixel is narrower than that.
    ResolvableSeries q = TimelineViewModelTest.capture().get(MetricId.of("client.queries"));
    ColumnBuffer b = new ColumnBuffer();
    TimeRange frame = fx(() -> vm.frame().lane("cap/client.rate")[0].range());
    q.reduce(frame, (int) (frame.durationNanos() / (100 * MS)), b);
    int c = b.columnAt(t);
    List<String> lines = fx(() -> view.lookupAll(".readout-line").stream().map(n -> ((Label) n).getText()).toList());
    assertEquals("queries: " + Readout.value(b, c, Unit.COUNT), lines.get(0));
    assertTrue(lines.get(0).startsWith("queries: " + ValueFormat.format(b.value(c), Unit.COUNT)));
    robot.moveTo(screen(5, 5));
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(fx(() -> view.lookup("#crosshair-readout").isVisible()), "gone when the mouse leaves the lanes");
  }

  /** More lines than the plot is tall: the lanes go on in a second column, and every value stays in sight. */
  @Test
  void aReadoutTallerThanThePlotGoesOnInColumnsWithinIt(FxRobot robot) {
    Stage stage = fx(() -> (Stage) view.getScene().getWindow());
    // Twelve captures of the same traffic, each with its lane of queries and responses, in a window 400 px tall.
    SeriesSet one = TimelineViewModelTest.capture();
    LanePlan twelve = new LanePlanner(Palette.STANDARD).plan(java.util.Collections.nCopies(12, one));
    view = fx(() -> {
      TimelineView v = new TimelineView(new TimelineViewModel(twelve, new TimeRange(T0, T0 + HOUR), reducer));
      stage.setScene(new Scene(v, 1280, 400));
      stage.sizeToScene();
      return v;
    });
    vm = view.viewModel();
    TimelineLayout l = settled();
    double x = Math.floor(l.xOf(SPIKE.startNanos() + 500 * MS)) + 0.5;
    robot.moveTo(screen(x, laneMiddle(l, 0)));
    WaitForAsyncUtils.waitForFxEvents();
    javafx.scene.Node box = fx(() -> view.lookup("#crosshair-readout"));
    assertTrue(fx(box::isVisible));
    double plot = fx(() -> view.getHeight() - TimelineView.OVERVIEW_HEIGHT);
    int lines = fx(() -> vm.readoutProperty().get().size());
    assertEquals(24, lines);
    double oneColumn = fx(() -> box.lookupAll(".readout-line").stream().mapToDouble(n -> 2 * (n.getBoundsInParent().getHeight() + 1)).sum());
    assertTrue(oneColumn > plot, "the test needs more lines than the plot holds: " + oneColumn + " px in one column, " + plot + " px of plot");
    assertEquals(lines, fx(() -> box.lookupAll(".readout-line").size()), "every value is listed");
    assertTrue(fx(() -> box.getBoundsInParent().getMaxY()) <= plot, "within the plot: " + fx(() -> box.getBoundsInParent()) + ", plot " + plot);
    WindowDriver.fxRun(() -> {
      stage.setScene(new Scene(new javafx.scene.layout.Pane(), 1280, 720));
      stage.sizeToScene();
    });
  }

  @Test
  void doubleClickingASpikeFitsIt(FxRobot robot) {
    TimelineLayout l = settled();
    double x = l.xOf(SPIKE.startNanos() + S);
    robot.doubleClickOn(screen(x, laneMiddle(l, 0)));
    settled();
    TimeRange v = range();
    assertTrue(v.startNanos() <= SPIKE.startNanos() && v.endNanos() >= SPIKE.endNanos(), "the spike is in view: " + v);
    assertTrue(v.durationNanos() <= 30 * S, "and fills it: " + v);
  }

  @Test
  void aLaneIsHiddenFromItsMenuAndResizedByItsEdge(FxRobot robot) {
    TimelineLayout l = settled();
    LaneBox first = l.lanes().get(0);
    String key = first.lane().key();
    robot.drag(screen(l.plotLeft() + 200, first.bottom() + 3), MouseButton.PRIMARY).moveBy(0, 60).release(MouseButton.PRIMARY);
    TimelineLayout now = settled();
    assertEquals(first.height() + 60, now.lanes().get(0).height(), 2, "the lower edge follows the mouse");

    robot.clickOn(screen(20, now.lanes().get(0).top() + 30), MouseButton.SECONDARY);
    robot.clickOn("#lane-hide");
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(fx(() -> vm.plan().isVisible(key)));
    assertEquals(l.lanes().size() - 1, settled().lanes().size());
  }

  @Test
  void aLinesLanesMenuPutsItOnALogAxisAndBack(FxRobot robot) {
    TimelineLayout l = settled();
    LaneBox first = l.lanes().get(0);
    String key = first.lane().key();
    assertEquals(LaneKind.LINES, first.lane().kind());
    assertEquals(ValueAxis.LINEAR, first.lane().axis());

    robot.clickOn(screen(20, laneMiddle(l, 0)), MouseButton.SECONDARY);
    robot.clickOn("Log value axis");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(ValueAxis.LOG, fx(() -> vm.plan().lane(key).axis()));
    assertTrue(settled().lanes().get(0).lane().logAxis(), "the next frame draws it so");

    robot.clickOn(screen(20, laneMiddle(l, 0)), MouseButton.SECONDARY);
    robot.clickOn("Linear value axis");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(ValueAxis.LINEAR, fx(() -> vm.plan().lane(key).axis()));
  }

  @Test
  void aLaneIsMovedByDraggingItsMarginAndShownAgainFromTheMenu(FxRobot robot) {
    TimelineLayout l = settled();
    String first = l.lanes().get(0).lane().key();
    String second = l.lanes().get(1).lane().key();
    robot.drag(screen(20, laneMiddle(l, 0)), MouseButton.PRIMARY).moveTo(screen(20, laneMiddle(l, 1))).release(MouseButton.PRIMARY);
    TimelineLayout moved = settled();
    assertEquals(List.of(second, first), moved.lanes().stream().map(b -> b.lane().key()).toList());

    fx(() -> {
      vm.setLaneVisible(first, false);
      return null;
    });
    TimelineLayout hidden = settled();
    assertEquals(1, hidden.lanes().size());
    robot.clickOn(screen(20, laneMiddle(hidden, 0)), MouseButton.SECONDARY);
    String title = l.lanes().get(0).lane().title();
    robot.clickOn("Show lane").clickOn(title);
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(fx(() -> vm.plan().isVisible(first)));
  }

  @Test
  void clickingAnAnnotationsLabelSelectsItAndADoubleClickFitsIt(FxRobot robot) {
    org.dnsseismograph.workspace.Annotation spike = org.dnsseismograph.workspace.Annotation.drawn(
        org.dnsseismograph.workspace.AnnotationKind.SPIKE, SPIKE, "retry storm");
    fx(() -> {
      vm.annotationsProperty().set(List.of(spike));
      return null;
    });
    TimelineLayout l = settled();
    LaneBox notes = l.lanes().stream().filter(b -> b.lane().key().equals("annotations")).findFirst().orElseThrow();
    org.dnsseismograph.render.PlacedLabel label = fx(() -> view.labelAt(l.xOf(SPIKE.startNanos()) + 3, notes.plotTop() + 6));
    assertEquals(spike, label.annotation());
    assertEquals("spike: retry storm", label.fullText());
    robot.clickOn(screen(label.x() + 10, label.y() + label.height() / 2));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(spike.id(), fx(() -> vm.selectedAnnotationProperty().get()));
    robot.doubleClickOn(screen(label.x() + 10, label.y() + label.height() / 2));
    settled();
    assertEquals(new TimeRange(SPIKE.startNanos() - S, SPIKE.endNanos() + S), range(), "the span with half its width each side");
  }

  @Test
  void redrawsHappenOnFramesNotPerChange(FxRobot robot) {
    settled();
    long framesBefore = fx(() -> view.ticker().drawnFrames());
    fx(() -> {
      for (int i = 0; i < 500; i++) {
        vm.setCrosshair(T0 + i * S);
      }
      return null;
    });
    WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
    long drawn = fx(() -> view.ticker().drawnFrames()) - framesBefore;
    assertTrue(drawn >= 1 && drawn <= 20, "500 crosshair moves in one go are drawn in a few frames, not 500: " + drawn);
  }
}
