package org.dnsseismograph.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.dnsseismograph.ui.common.UserSettings;
import org.dnsseismograph.ui.live.LiveTimeline;
import org.dnsseismograph.ui.sources.Source;
import org.dnsseismograph.ui.sources.SourceState;
import org.testfx.util.WaitForAsyncUtils;

/** Drives a {@link MainWindow} from a test thread: runs on the FX thread, waits for loads and frames. */
public final class WindowDriver {
  static final int WAIT_SECONDS = 60;
  private final MainWindow window;

  WindowDriver(MainWindow window) {
    this.window = window;
  }

  /** {@code c}'s result, computed on the FX thread. */
  public static <T> T fx(Callable<T> c) {
    try {
      return WaitForAsyncUtils.asyncFx(c).get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Runs {@code r} on the FX thread and waits for it. */
  public static void fxRun(Runnable r) {
    fx(() -> {
      r.run();
      return null;
    });
  }

  /** Waits until {@code onFx}, asked on the FX thread, holds. */
  public static void await(String what, BooleanSupplier onFx) {
    try {
      WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> fx(onFx::getAsBoolean));
    } catch (Exception e) {
      throw new AssertionError("waited " + WAIT_SECONDS + " s for " + what, e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Opens files and waits until every source has finished loading. */
  List<Source> openAndWait(Path... files) {
    fxRun(() -> window.open(List.of(files)));
    await("the sources to load", () -> window.sources().sources().size() >= files.length && !window.sources().loadingProperty().get());
    return fx(() -> List.copyOf(window.sources().sources()));
  }

  /** Waits until the status bar and the timeline show what the sources hold (the pulse ran after the last load). */
  void settle() {
    await("the timeline to draw the loaded lanes", () -> window.timelineView().timelineLayout() != null
        && window.timeline().frame() != null && window.timeline().frame().range().equals(window.timeline().visibleRange())
        && window.sources().sources().stream().noneMatch(s -> s.state() == SourceState.LOADING));
  }

  /** Stops following the present and closes a window with live sources once its side panel has settled. */
  public static void closeLive(LiveTimeline live, MainWindow window) throws InterruptedException {
    // The side panel sums the visible window once it stood still for a moment, on the window's task
    // runner: let it do so before the window (and its runner) closes.
    fxRun(() -> live.stopFollowing());
    Thread.sleep(1000);
    fxRun(() -> window.stage().close());
    // The side panel's settle timer may still fire once the window's task runner has shut down
    // (ui.panel, reported): that is no failure of the next test.
    Thread.sleep(500);
    WaitForAsyncUtils.clearExceptions();
  }

  /** The window as it opens with nothing asked for (no demo), 1280×800, shown; settings kept in {@code config}. */
  public static MainWindow emptyWindow(Stage stage, Path config) {
    MainWindow window = SeismographApp.build(stage, new LaunchRequest(List.of(), null, List.of()), new UserSettings(config));
    stage.setWidth(1280);
    stage.setHeight(800);
    stage.show();
    return window;
  }
}
