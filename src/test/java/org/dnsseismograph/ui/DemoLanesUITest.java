package org.dnsseismograph.ui;

import static org.dnsseismograph.ui.WindowDriver.await;
import static org.dnsseismograph.ui.WindowDriver.fx;
import static org.dnsseismograph.ui.WindowDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.event.Event;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.dnsseismograph.render.LaneBox;
import org.dnsseismograph.render.LaneKind;
import org.dnsseismograph.render.LanePlanner;
import org.dnsseismograph.render.TimelineLayout;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.ui.common.UserSettings;
import org.dnsseismograph.ui.timeline.TimelineView;
import org.dnsseismograph.workspace.RecoveryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window as it opens without arguments (the demo workspace, at the default size: the screen,
 * Monocle's 1280 × 800 here), headless: every lane readable, the heat lane's rows named, and the
 * lanes that do not fit reached by scrolling.
 */
@ExtendWith(ApplicationExtension.class)
class DemoLanesUITest {
  @TempDir
  static Path config;
  private MainWindow window;
  private Stage stage;

  @Start
  void start(Stage stage) throws java.io.IOException {
    this.stage = stage;
    // Settings and recovery copies of its own: a test that resizes a lane leaves an unsaved workspace behind.
    Path mine = java.nio.file.Files.createTempDirectory(config, "window");
    window = SeismographApp.build(stage, new LaunchRequest(List.of(), null, List.of()), new UserSettings(mine),
        new RecoveryStore(mine.resolve("recovery")));
    stage.show();
  }

  @AfterEach
  void close() {
    fxRun(() -> window.stage().close());
  }

  private TimelineView view() {
    return window.timelineView();
  }

  private TimelineLayout demoShown() {
    fxRun(() -> SeismographApp.openRequested(window, new LaunchRequest(List.of(), null, List.of())));
    await("the demo's three sources", () -> window.sources().sources().size() == 3 && !window.sources().loadingProperty().get());
    new WindowDriver(window).settle();
    WaitForAsyncUtils.waitForFxEvents();
    return fx(() -> view().timelineLayout());
  }

  private static LaneBox serversLane(TimelineLayout l) {
    return l.lanes().stream().filter(b -> b.lane().kind() == LaneKind.HEAT && b.lane().key().endsWith("/upstream.servers")).findFirst()
        .orElseThrow();
  }

  /** Pixels in the band darker than the margin's near-white background: the strokes of a row's name. */
  private static int inkIn(PixelReader img, int x0, int x1, int y0, int y1) {
    int ink = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        int argb = img.getArgb(x, y);
        int lum = ((argb >> 16 & 0xff) * 3 + (argb >> 8 & 0xff) * 6 + (argb & 0xff)) / 10;
        if (lum < 190) {
          ink++;
        }
      }
    }
    return ink;
  }

  @Test
  void atTheDefaultSizeEveryServerRowIsAtLeastTheFloorTallAndNamed() {
    Rectangle2D screen = fx(() -> Screen.getPrimary().getVisualBounds());
    assertEquals(screen.getWidth(), fx(stage::getWidth), 0.5, "the window opens at the default size: the screen's");
    TimelineLayout l = demoShown();
    LaneBox heat = serversLane(l);
    int rows = heat.lane().series().size();
    assertEquals(8, rows, "the demo's resolver asked eight authoritative servers");
    double rowH = heat.plotHeight() / rows;
    // 14 px: a 10 px name is about 12 px tall, and a pixel over and under it.
    assertTrue(rowH >= 14 && rowH >= LanePlanner.HEAT_ROW_MIN, "rows of " + rowH + " px");
    assertTrue(heat.top() >= l.viewportTop() && heat.bottom() <= l.viewportBottom(), "the heat lane is in view at first");

    PixelReader img = fx(() -> view().snapshot(null, null)).getPixelReader();
    int right = (int) l.plotLeft() - 6;
    for (int r = 0; r < rows; r++) {
      int top = (int) Math.ceil(heat.plotTop() + r * rowH);
      int bottom = (int) Math.floor(heat.plotTop() + (r + 1) * rowH);
      int ink = inkIn(img, right - 70, right, top + 1, bottom - 1);
      assertTrue(ink >= 15, "row " + r + " (" + heat.lane().series().get(r).label() + ") has its name beside it: " + ink + " dark pixels");
    }
  }

  @Test
  void pageDownReachesTheLastLaneAndPageUpComesBackWithoutMovingTheTime(FxRobot robot) {
    TimelineLayout l = demoShown();
    assertTrue(l.maxScrollTop() > 0, "at 1280 × 800 the demo's 14 lanes need more than the window: " + l.contentHeight() + " px in "
        + (l.viewportBottom() - l.viewportTop()));
    for (LaneBox b : l.lanes()) {
      assertTrue(b.height() + 1 >= b.lane().minHeight(), b.lane().title() + " squeezed to " + b.height());
    }
    TimeRange before = fx(() -> window.timeline().visibleRange());
    fxRun(() -> view().requestFocus());
    for (int i = 0; i < 10 && fx(() -> view().laneScroll() < view().timelineLayout().maxScrollTop()); i++) {
      robot.type(KeyCode.PAGE_DOWN);
      WaitForAsyncUtils.waitForFxEvents();
    }
    await("a frame at the end", () -> view().timelineLayout().scrollTop() == view().timelineLayout().maxScrollTop());
    TimelineLayout end = fx(() -> view().timelineLayout());
    LaneBox last = end.lanes().get(end.lanes().size() - 1);
    assertEquals(LaneKind.ANNOTATIONS, last.lane().kind());
    assertTrue(last.top() >= end.viewportTop() && last.bottom() <= end.viewportBottom(), "the last lane is wholly in view: " + last);
    assertEquals(last, end.laneAt(last.top() + 1));
    assertEquals(l.axisTop(), end.axisTop(), "the time axis stays put");
    assertEquals(before, fx(() -> window.timeline().visibleRange()), "Page Down neither zooms nor pans");

    robot.type(KeyCode.PAGE_UP);
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(fx(() -> view().laneScroll()) < end.scrollTop(), "Page Up scrolls back");
    // A wheel notch away from the user over the lanes' names (Monocle's robot sends wheel steps of −1 whichever way, so the
    // event is made here as a mouse sends it: 40 units up per notch).
    Point2D names = fx(() -> view().localToScene(40, (end.viewportTop() + end.viewportBottom()) / 2));
    for (int i = 0; i < 30; i++) {
      fxRun(() -> Event.fireEvent(view().gestureSurface(), new ScrollEvent(ScrollEvent.SCROLL, names.getX(), names.getY(), 0, 0, false,
          false, false, false, false, false, 0, 40, 0, 40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
          ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
    }
    await("the wheel over the lanes' names scrolls back to the top", () -> view().laneScroll() == 0
        && view().timelineLayout().scrollTop() == 0);
    assertEquals(before, fx(() -> window.timeline().visibleRange()), "the wheel beside the plot does not zoom");
  }

  @Test
  void draggingALaneEdgeWhileTheLanesScrollGrowsThatLaneAndLeavesTheOthers(FxRobot robot) {
    TimelineLayout l = demoShown();
    assertTrue(l.maxScrollTop() > 0);
    LaneBox first = l.lanes().get(0);
    LaneBox second = l.lanes().get(1);
    Point2D edge = fx(() -> view().localToScreen(l.plotLeft() + 200, first.bottom() + TimelineLayout.LANE_GAP / 2));
    robot.moveTo(edge).press(javafx.scene.input.MouseButton.PRIMARY).moveBy(0, 30).moveBy(0, 30)
        .release(javafx.scene.input.MouseButton.PRIMARY);
    await("a frame with the taller lane", () -> view().timelineLayout().lanes().get(0).height() > first.height() + 40);
    TimelineLayout after = fx(() -> view().timelineLayout());
    assertEquals(first.height() + 60, after.lanes().get(0).height(), 2, "the lane follows the mouse");
    assertEquals(second.height(), after.lanes().get(1).height(), 0.0, "the next lane keeps its height");
    assertEquals(l.contentHeight() + after.lanes().get(0).height() - first.height(), after.contentHeight(), 0.0,
        "the stack grows instead");
  }
}
