package org.dnsseismograph.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.dnsseismograph.render.ExportRequest;
import org.dnsseismograph.render.LanePlanner;
import org.dnsseismograph.render.Palette;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The export dialog driven by a robot: fields typed, Export pressed, the picture written in the background. */
@ExtendWith(ApplicationExtension.class)
class ExportDialogUITest {
  private static final long S = 1_000_000_000L;
  private final ExecutorService background = Executors.newSingleThreadExecutor();
  @TempDir Path dir;
  private Stage stage;

  @Start
  void start(Stage s) {
    stage = s;
    s.setScene(new Scene(new Label("window"), 300, 200));
    s.show();
  }

  @AfterEach
  void stop() {
    background.shutdownNow();
  }

  private void type(FxRobot robot, String id, String text) {
    TextInputControl f = robot.lookup(id).queryTextInputControl();
    WaitForAsyncUtils.asyncFx(f::clear);
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn(f).write(text);
  }

  @Test
  void typedSizeAndFileAreExportedInTheBackgroundAndTheDialogCloses(FxRobot robot) throws Exception {
    SeriesSet s = SeriesSet.of("cap", List.of(EventSeries.of(MetricId.of("client.queries"), new TimeRange(0, 60 * S), 5 * S, 6 * S)));
    var plan = new LanePlanner(Palette.STANDARD).plan(List.of(s));
    ExportViewModel vm = new ExportViewModel(() -> new ExportRequest(plan, List.of(), List.of(), new TimeRange(0, 60 * S), 1920, 1080, 1,
        "", null), zip -> Workspace.empty(), background, Platform::runLater, Clock.systemUTC());
    CompletableFuture<Optional<Path>> answer = WaitForAsyncUtils.asyncFx(() -> new ExportDialog().show(stage, vm)).get(5, TimeUnit.SECONDS);
    assertTrue(robot.lookup("#export-run").queryButton().isDisabled(), "no file yet: " + vm.problemProperty().get());
    type(robot, "#export-width", "640");
    type(robot, "#export-height", "480");
    type(robot, "#export-scale", "1.5");
    Path out = dir.resolve("picture.png");
    type(robot, "#export-file", out.toString());
    robot.clickOn("#export-run");
    Optional<Path> written = answer.get(30, TimeUnit.SECONDS);
    assertEquals(Optional.of(out), written);
    BufferedImage img = ImageIO.read(Files.newInputStream(out));
    assertEquals(960, img.getWidth());
    assertEquals(720, img.getHeight());
  }
}
