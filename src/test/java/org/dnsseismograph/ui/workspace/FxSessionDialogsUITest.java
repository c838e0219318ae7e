package org.dnsseismograph.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationKind;
import org.dnsseismograph.workspace.Recovery;
import org.dnsseismograph.workspace.SourceCheck;
import org.dnsseismograph.workspace.SourceRef;
import org.dnsseismograph.workspace.SourceStatus;
import org.dnsseismograph.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The session's questions as alerts over the window, answered by a robot (the file choosers cannot run headless). */
@ExtendWith(ApplicationExtension.class)
class FxSessionDialogsUITest {
  private FxSessionDialogs dialogs;

  @Start
  void start(Stage stage) {
    stage.setScene(new Scene(new Label("window"), 400, 300));
    stage.show();
    dialogs = new FxSessionDialogs(() -> stage);
  }

  private static <T> CompletableFuture<T> ask(Callable<CompletableFuture<T>> question) {
    try {
      return WaitForAsyncUtils.asyncFx(question).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static <T> T answer(CompletableFuture<T> f) {
    try {
      return f.get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theRecoveryQuestionSaysWhatWouldBeRestored(FxRobot robot) {
    Workspace w = Workspace.empty().withAnnotations(List.of(Annotation.drawn(AnnotationKind.NOTE, new TimeRange(0, 0), "n")));
    Recovery r = new Recovery(Path.of("/state/recovery-x.json"), Path.of("/cases/storm.json"), Instant.parse("2026-11-25T19:30:00Z"), w);
    CompletableFuture<Boolean> restore = ask(() -> dialogs.offerRecovery(r));
    String text = robot.lookup("#recovery-dialog").queryAs(javafx.scene.control.DialogPane.class).getContentText();
    assertTrue(text.contains("1 annotations, unsaved edits of storm.json from 2026-11-25T19:30:00Z"), text);
    robot.clickOn("Restore");
    assertTrue(answer(restore));
    CompletableFuture<Boolean> again = ask(() -> dialogs.offerRecovery(r));
    robot.clickOn("Discard them");
    assertFalse(answer(again));
  }

  @Test
  void aMissingSourceCanBeMarkedMissingAndUnsavedChangesKeptOrDropped(FxRobot robot) {
    SourceCheck c = new SourceCheck(new SourceRef("stats.csv", "/gone/stats.csv", "sha256:00", 0, ""), Path.of("/gone/stats.csv"),
        SourceStatus.MISSING, "", false);
    CompletableFuture<SessionDialogs.SourceAnswer> where = ask(() -> dialogs.locateSource(c));
    robot.clickOn("Mark missing");
    assertFalse(answer(where).located());

    CompletableFuture<SessionDialogs.Unsaved> unsaved = ask(() -> dialogs.confirmUnsaved("storm.json"));
    robot.clickOn("Don't save");
    assertEquals(SessionDialogs.Unsaved.DISCARD, answer(unsaved));
    CompletableFuture<SessionDialogs.Unsaved> cancel = ask(() -> dialogs.confirmUnsaved("storm.json"));
    robot.clickOn("Cancel");
    assertEquals(SessionDialogs.Unsaved.CANCEL, answer(cancel));
  }
}
