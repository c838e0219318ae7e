package org.dnsseismograph.ui;

import static org.dnsseismograph.ui.WindowDriver.await;
import static org.dnsseismograph.ui.WindowDriver.fx;
import static org.dnsseismograph.ui.WindowDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.dnsseismograph.capture.DnstapEndpoint;
import org.dnsseismograph.capture.LiveState;
import org.dnsseismograph.ui.common.FxTaskRunner;
import org.dnsseismograph.ui.live.LiveRequest;
import org.dnsseismograph.ui.live.LiveSession;
import org.dnsseismograph.ui.live.LiveTimeline;
import org.dnsseismograph.ui.live.LiveWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A running live source is long work for the window's redraw: while it takes traffic the timeline's
 * frames are reduced without the helper thread, as during a load. The source is a real dnstap
 * receiver on loopback (no root needed); headless on Monocle.
 */
@ExtendWith(ApplicationExtension.class)
class LiveWorkUITest {
  @TempDir
  static Path config;
  private MainWindow window;

  @Start
  void start(Stage stage) {
    window = WindowDriver.emptyWindow(stage, config);
  }

  @AfterEach
  void close() {
    fxRun(() -> window.stage().close());
  }

  /** What the window's reduction asks once per frame before it hands series to the helper. */
  private boolean longWork() {
    return ((FxTaskRunner) window.tasks()).longWorkRunning(SeismographApp.LONG_WORK_NANOS);
  }

  @Test
  void aRunningDnstapReceiverTurnsTheRedrawHelperOffUntilItStops() {
    LiveTimeline live = fx(() -> LiveWindow.of(window).orElseThrow().live());
    assertFalse(longWork(), "an idle window redraws with the helper");
    LiveSession s = fx(() -> live.start(LiveRequest.dnstap(DnstapEndpoint.parse("tcp:127.0.0.1:0"))));
    await("the receiver to listen", () -> s.stateProperty().get() == LiveState.RUNNING);
    assertTrue(longWork(), "the receiver holds a core while it runs");
    fxRun(() -> live.pause(s));
    await("the pause", () -> s.stateProperty().get() == LiveState.PAUSED);
    assertTrue(longWork(), "paused, it still takes what arrives (and discards it)");
    fxRun(() -> live.stop(s));
    await("the receiver to stop", () -> s.stateProperty().get() == LiveState.STOPPED);
    assertFalse(longWork(), "stopped, its data stays shown and the helper is back");
  }
}
