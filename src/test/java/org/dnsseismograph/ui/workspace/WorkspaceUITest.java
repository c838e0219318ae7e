package org.dnsseismograph.ui.workspace;

import static org.dnsseismograph.ui.WindowDriver.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.dnsseismograph.render.LaneBox;
import org.dnsseismograph.render.LanePlanner;
import org.dnsseismograph.render.Palette;
import org.dnsseismograph.render.TimelineLayout;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.ui.annotations.AnnotateGestures;
import org.dnsseismograph.ui.annotations.AnnotationEditorDialog;
import org.dnsseismograph.ui.annotations.AnnotationsView;
import org.dnsseismograph.ui.annotations.AnnotationsViewModel;
import org.dnsseismograph.ui.timeline.TimelineView;
import org.dnsseismograph.ui.timeline.TimelineViewModel;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationBook;
import org.dnsseismograph.workspace.AnnotationKind;
import org.dnsseismograph.workspace.AnnotationState;
import org.dnsseismograph.workspace.Autosave;
import org.dnsseismograph.workspace.ContentHash;
import org.dnsseismograph.workspace.EditHistory;
import org.dnsseismograph.workspace.RecoveryStore;
import org.dnsseismograph.workspace.SourceRef;
import org.dnsseismograph.workspace.Workspace;
import org.dnsseismograph.workspace.WorkspaceJson;
import org.dnsseismograph.workspace.WorkspaceSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A workspace worked on in the timeline and the annotations list mounted together (headless on
 * Monocle), saved, and opened again: everything identical. The window title follows the session.
 */
@ExtendWith(ApplicationExtension.class)
class WorkspaceUITest {
  private static final long S = 1_000_000_000L;
  private final ExecutorService background = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "background");
    t.setDaemon(true);
    return t;
  });
  @TempDir static Path dir;
  private Stage stage;
  private Parts parts;

  /** One window's worth of session, timeline and annotation views. */
  private record Parts(WorkspaceSession session, TimelineViewModel timeline, TimelineView view, AnnotationsViewModel annotations,
      WorkspaceViewModel workspace) {}

  private Parts parts(ScriptedDialogs analyst, TimelineView[] viewOut) {
    AnnotationBook book = new AnnotationBook();
    EditHistory history = new EditHistory();
    WorkspaceSession session = new WorkspaceSession(book, history, new Autosave(new RecoveryStore(dir.resolve("state")), 200,
        Clock.systemUTC()));
    SeriesSet none = SeriesSet.of("none", List.of(EventSeries.of(MetricId.of("dns.queries"), new TimeRange(0, S), 1)));
    TimelineViewModel timeline = new TimelineViewModel(new LanePlanner(Palette.STANDARD).plan(List.of(none)), new TimeRange(0, S),
        background);
    TimelineView view = viewOut == null ? null : new TimelineView(timeline);
    WorkspaceViewModel vm = new WorkspaceViewModel(session, analyst, new TimelineDisplay(timeline, background, Platform::runLater), background,
        Platform::runLater);
    vm.bindTimeline(timeline);
    return new Parts(session, timeline, view, new AnnotationsViewModel(book, history, timeline), vm);
  }

  @Start
  void start(Stage s) {
    stage = s;
    parts = parts(new ScriptedDialogs(), new TimelineView[1]);
    AnnotationEditorDialog editor = new AnnotationEditorDialog();
    new AnnotateGestures(parts.view(), parts.annotations(), editor).install();
    BorderPane root = new BorderPane(parts.view());
    AnnotationsView list = new AnnotationsView(parts.annotations(), editor);
    list.setPrefWidth(420);
    root.setRight(list);
    s.titleProperty().bind(parts.workspace().windowTitleProperty());
    s.setScene(new Scene(root, 1280, 720));
    s.show();
  }

  @AfterEach
  void stop() {
    background.shutdownNow();
  }

  private static <T> T await(Callable<CompletableFuture<T>> start) {
    try {
      return fx(start).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private TimelineLayout settled() {
    WaitForAsyncUtils.waitForFxEvents();
    try {
      WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> parts.view().timelineLayout() != null && parts.timeline().frame() != null
          && parts.view().timelineLayout().view().equals(parts.timeline().visibleRange())
          && parts.timeline().frame().range().equals(parts.timeline().visibleRange())));
    } catch (Exception e) {
      throw new AssertionError("not drawn", e);
    }
    WaitForAsyncUtils.waitForFxEvents();
    return fx(() -> parts.view().timelineLayout());
  }

  private Point2D screen(double x, double y) {
    return fx(() -> parts.view().localToScreen(x, y));
  }

  private void typeInto(FxRobot robot, String id, String text) {
    TextInputControl f = robot.lookup(id).queryTextInputControl();
    fx(() -> {
      f.clear();
      return null;
    });
    robot.clickOn(f).write(text);
  }

  private static Path savedWorkspace() throws IOException {
    Path file = dir.resolve("case/mixed.seismograph.json");
    Files.createDirectories(file.getParent());
    Path capture = file.resolveSibling("mixed.pcap");
    Files.copy(WorkspaceViewModelTest.CAPTURE, capture, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    WorkspaceJson.save(new Workspace("mixed rcodes", List.of(new SourceRef("mixed.pcap", "mixed.pcap", ContentHash.of(capture), 0, "")),
        List.of(), null, List.of()), file);
    return file;
  }

  @Test
  void workedOnSavedAndOpenedAgainEverythingIsIdentical(FxRobot robot) throws Exception {
    Path file = savedWorkspace();
    assertTrue(await(() -> parts.workspace().open(file)));
    assertEquals("mixed.seismograph.json — DNS Seismograph", fx(stage::getTitle));
    TimelineLayout l = settled();
    LaneBox lane = l.lanes().get(0);
    double y = lane.plotTop() + lane.plotHeight() / 2;

    robot.press(KeyCode.CONTROL).drag(screen(l.plotLeft() + 300, y), MouseButton.PRIMARY).moveTo(screen(l.plotLeft() + 400, y))
        .release(MouseButton.PRIMARY).release(KeyCode.CONTROL);
    robot.clickOn("#annotate-outage");
    typeInto(robot, "#annotation-label", "ns1 dark");
    typeInto(robot, "#annotation-zone", "example.");
    robot.clickOn("#annotation-ok");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("*mixed.seismograph.json — DNS Seismograph", fx(stage::getTitle), "the title marks the unsaved change");

    TimeRange extent = fx(() -> parts.timeline().extent());
    Annotation spike = Annotation.proposed(AnnotationKind.SPIKE, new TimeRange(extent.startNanos() + 5 * S, extent.startNanos() + 7 * S),
        "NXDOMAIN burst", "", "", List.of(), "SpikeDetector");
    fx(() -> parts.annotations().propose(List.of(spike)));
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn(robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream().filter(r -> r.getIndex() == 1 && !r.isEmpty())
        .findFirst().orElseThrow());
    robot.clickOn("#annotation-edit");
    typeInto(robot, "#annotation-text", "seen in the export too");
    robot.clickOn("#annotation-ok");
    WaitForAsyncUtils.waitForFxEvents();
    String hidden = fx(() -> parts.timeline().plan().lanes().get(1).key());
    fx(() -> {
      parts.timeline().setLaneVisible(hidden, false);
      parts.timeline().moveLane(parts.timeline().plan().lanes().get(2).key(), 0);
      parts.timeline().zoomTo(new TimeRange(extent.startNanos() + 2 * S, extent.startNanos() + 12 * S));
      parts.session().setOffset("mixed.pcap", 250_000_000L);
      return null;
    });
    settled();
    Workspace before = fx(() -> parts.session().snapshot());
    assertEquals(AnnotationState.EDITED, before.annotations().get(1).state());

    assertTrue(await(() -> parts.workspace().save()));
    assertEquals("mixed.seismograph.json — DNS Seismograph", fx(stage::getTitle), "saved: no star");

    Parts again = fx(() -> parts(new ScriptedDialogs(), null));
    assertTrue(await(() -> again.workspace().open(file)));
    assertEquals(before, fx(() -> again.session().snapshot()), "annotations, sources with offsets, lanes, view, title");
    assertEquals(fx(() -> parts.timeline().plan().settings()), fx(() -> again.timeline().plan().settings()), "the lanes as arranged");
    assertEquals(fx(() -> parts.timeline().visibleRange()), fx(() -> again.timeline().visibleRange()), "the view");
    assertFalse(fx(() -> again.session().isModified()));
    assertEquals("mixed.seismograph.json — DNS Seismograph", fx(() -> again.workspace().windowTitleProperty().get()));
    fx(() -> {
      again.session().closeDiscarding();
      return null;
    });
  }

  @Test
  void exportViewSuggestsAPictureBesideTheWorkspaceAndWritesIt(FxRobot robot) throws Exception {
    Path file = savedWorkspace();
    assertTrue(await(() -> parts.workspace().open(file)));
    settled();
    WorkspaceCommands commands = new WorkspaceCommands(parts.workspace(), parts.annotations(), parts.timeline(), background,
        Platform::runLater, () -> stage);
    fx(() -> {
      commands.exportView();
      return null;
    });
    Path png = file.resolveSibling("mixed.png");
    assertEquals(png.toString(), robot.lookup("#export-file").queryTextInputControl().getText());
    robot.clickOn("#export-run");
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(png) && robot.lookup("#export-dialog").tryQuery().isEmpty());
    java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
    assertEquals(1920, img.getWidth());
    assertEquals(1080, img.getHeight());
    assertFalse(fx(() -> commands.canUndo().get()));
    fx(() -> {
      parts.session().closeDiscarding();
      return null;
    });
  }
}
