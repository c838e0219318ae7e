package org.dnsseismograph.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.dnsseismograph.render.ReduceThreads;
import org.dnsseismograph.ui.common.FxDialogService;
import org.dnsseismograph.ui.common.FxExecutor;
import org.dnsseismograph.ui.common.FxTaskRunner;
import org.dnsseismograph.ui.common.StageEnd;
import org.dnsseismograph.ui.common.UserSettings;
import org.dnsseismograph.ui.sources.SourceLoads;
import org.dnsseismograph.wire.DnsPorts;
import org.dnsseismograph.workspace.Autosave;
import org.dnsseismograph.workspace.RecoveryStore;

/**
 * The window's composition root: starts JavaFX without an {@code Application} subclass (so the
 * fat jar's plain {@code Main} can launch it, STACK.md §6a), builds the {@link MainWindow} with its
 * task runner, reduction thread, dialogs, the user's settings and its {@link WindowSession}, offers
 * the edits a killed session left, opens what was asked for — the bundled demo workspace when
 * nothing was — and blocks until the window closes. It builds the window in two steps: what the first
 * frame shows ({@link #frame}: menus and a stand-in for the panels), and once that frame is on the
 * screen the rest ({@link #complete}: panels, live side, session), then opens what was asked for.
 *
 * <p>If the system property {@value #FIRST_FRAME_PROPERTY} names a file, the moment the first frame
 * is on the screen (see {@link #afterFirstFrame}) is written there as {@code firstFrameEpochMillis
 * jvmStartEpochMillis}, followed by the {@link StartupTrace start-up phases}.
 */
public final class SeismographApp {
  /** System property: a file to write the first frame's time to (for the startup benchmark). */
  public static final String FIRST_FRAME_PROPERTY = "seismograph.firstFrameFile";

  /** The pulse after which the first frame is on the screen (see {@link #afterFirstFrame}). */
  private static final int FIRST_FRAME_PULSES = 3;

  /** The window opens filling the screen, up to this size. */
  static final double MAX_WIDTH = 2560;
  /**
   * Work running longer than this holds a core: frames are then reduced and drawn without the helper
   * thread. A running live source counts as long work at once.
   */
  static final long LONG_WORK_NANOS = 200_000_000L;
  static final double MAX_HEIGHT = 1440;

  private SeismographApp() {}

  /** Opens the window as {@code request} says and returns the exit code when it has closed. */
  public static int launch(LaunchRequest request) {
    return launch(request, w -> {});
  }

  /**
   * As {@link #launch(LaunchRequest)}; {@code shown} gets the window on the FX thread once it is
   * shown and what was asked for is being opened (a test's child process drives it from there).
   */
  public static int launch(LaunchRequest request, java.util.function.Consumer<MainWindow> shown) {
    CountDownLatch closed = new CountDownLatch(1);
    Platform.setImplicitExit(false);
    SoftwarePipeline.chooseForThisMachine();
    StartupTrace.mark("fxstart");
    Platform.startup(() -> {
      StartupTrace.mark("toolkit");
      Stage stage = new Stage();
      MainWindow w = frame(stage, request, new UserSettings(UserSettings.defaultDirectory(System.getenv())), openingMessage(request));
      StartupTrace.mark("built");
      StageEnd.whenHidden(stage, closed::countDown);
      probeFirstFrame(w);
      stage.show();
      StartupTrace.mark("shown");
      afterFirstFrame(w, () -> {
        complete(w, request, RecoveryStore.inStateDir());
        // The sources load once the panels are on the screen: loading at once took both cores from
        // the panels' first layout and render, and they came 1.3 s after the stand-in instead of ~0.5 s.
        afterPulses(w, FIRST_FRAME_PULSES, () -> {
          probePanels();
          w.session().start(request);
          shown.accept(w);
        });
      });
    });
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Platform.exit();
    return 0;
  }

  /** The window on {@code stage}, with its threads and settings (tests build it on TestFX's stage). */
  public static MainWindow build(Stage stage, LaunchRequest request) {
    return build(stage, request, new UserSettings(UserSettings.defaultDirectory(System.getenv())));
  }

  /** As {@link #build(Stage, LaunchRequest)} with the settings given, recovery copies in the user's state directory. */
  public static MainWindow build(Stage stage, LaunchRequest request, UserSettings settings) {
    return build(stage, request, settings, RecoveryStore.inStateDir());
  }

  /**
   * The window with the settings and the store of recovery copies given, its {@link WindowSession}
   * attached (saving, annotations, export, detections; autosave {@value Autosave#DEFAULT_DELAY_MILLIS}
   * ms after a change).
   */
  public static MainWindow build(Stage stage, LaunchRequest request, UserSettings settings, RecoveryStore recovery) {
    MainWindow w = frame(stage, request, settings, null);
    complete(w, request, recovery);
    return w;
  }

  /**
   * What the first frame needs: the window with its threads, menus and view models, sized to the
   * screen, saying {@code opening} where its panels will be (the {@link WindowSkeleton stand-in}).
   */
  static MainWindow frame(Stage stage, LaunchRequest request, UserSettings settings, String opening) {
    FxTaskRunner tasks = new FxTaskRunner(2);
    ExecutorService reducer = Executors.newSingleThreadExecutor(r -> daemon(r, "seismograph-reducer"));
    ExecutorService helper = Executors.newSingleThreadExecutor(r -> daemon(r, "seismograph-reducer-help"));
    ReduceThreads reduceOn = new ReduceThreads(reducer, helper, () -> !tasks.longWorkRunning(LONG_WORK_NANOS));
    SourceLoads loads = new SourceLoads(SourceLoads.defaults().decode().withPorts(ports(request)), SourceLoads.defaults().timeoutNanos());
    MainWindow w = new MainWindow(stage, tasks, new FxDialogService(stage), settings, loads, reduceOn, opening);
    javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
    stage.setX(screen.getMinX());
    stage.setY(screen.getMinY());
    stage.setWidth(Math.min(screen.getWidth(), MAX_WIDTH));
    stage.setHeight(Math.min(screen.getHeight(), MAX_HEIGHT));
    StageEnd.whenHidden(stage, () -> {
      tasks.shutdown();
      reducer.shutdownNow();
      helper.shutdownNow();
    });
    return w;
  }

  /**
   * The rest of the window, after {@link #frame}: the panels in place of the stand-in, the live side
   * (Capture menu, live bar) and the {@link WindowSession} with its menus.
   */
  static void complete(MainWindow w, LaunchRequest request, RecoveryStore recovery) {
    w.buildPanels();
    org.dnsseismograph.ui.live.LiveWindow live = org.dnsseismograph.ui.live.LiveWindow.attach(w, request.liveInterface(), ports(request),
        request.liveRecording());
    if (w.tasks() instanceof FxTaskRunner runner) {
      // A live source's threads take a core for as long as it runs, as a load does: while one runs,
      // frames are reduced and drawn without the helper thread (frame() builds the window on this runner).
      runner.countAsLongWork(live.live()::sourceActive);
    }
    WindowSession.attach(w, recovery, Autosave.DEFAULT_DELAY_MILLIS);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Port 53 and those the request adds. */
  private static DnsPorts ports(LaunchRequest request) {
    DnsPorts ports = DnsPorts.DEFAULT;
    for (int p : request.extraDnsPorts()) {
      ports = ports.plus(p);
    }
    return ports;
  }

  /** What the first frame says is being opened. */
  static String openingMessage(LaunchRequest request) {
    if (request.isDemo()) {
      return "Opening the demo workspace…";
    }
    if (request.files().isEmpty()) {
      return "Starting the live capture on " + request.liveInterface() + "…";
    }
    Path first = request.files().get(0).getFileName();
    String more = request.files().size() > 1 ? " and " + (request.files().size() - 1) + " more" : "";
    return "Opening " + (first == null ? request.files().get(0) : first) + more + "…";
  }

  /** Opens the request's files, or the demo workspace when there are none. */
  public static void openRequested(MainWindow w, LaunchRequest request) {
    if (!request.files().isEmpty()) {
      w.open(request.files());
      return;
    }
    if (request.isDemo()) {
      java.util.Optional<Path> assets = AssetLocator.find();
      if (assets.isPresent()) {
        w.openWorkspaceFile(assets.get().resolve(AssetLocator.MARKER));
      } else {
        w.dialogs().showError("The demo workspace was not found", "No assets directory with " + AssetLocator.MARKER
            + " was found beside the program or in the working directory; set -D" + AssetLocator.PROPERTY + "=DIR");
      }
    }
  }

  /**
   * Runs {@code then} once the shown window's first frame is on the screen. The first pulse after
   * {@code show()} lays the scene out, the renderer then draws it and hands the pixels to the FX thread,
   * which uploads them to the window (the software pipeline) — after whatever was queued there before.
   * So the stand-in's status bar changes after that pulse: the second pulse, having a change to hand
   * over, waits for the first frame to be drawn (and its upload queued), and a task queued from the
   * third runs after that upload. Without this, the rest of the window, built at once, kept the first
   * frame off the screen for 0.7-1.5 s (docs/figures/install.md, 2026-11-26).
   */
  private static void afterFirstFrame(MainWindow w, Runnable then) {
    afterPulses(w, 1, () -> {
      StartupTrace.mark("layout");
      w.setStartupStatus("Starting…");
    });
    afterPulses(w, FIRST_FRAME_PULSES, then);
  }

  /** Runs {@code then} on the FX thread after the {@code n}th pulse of {@code w}'s scene from now. */
  private static void afterPulses(MainWindow w, int n, Runnable then) {
    int[] seen = {0};
    Runnable[] listener = new Runnable[1];
    listener[0] = () -> {
      if (++seen[0] == n) {
        w.scene().removePostLayoutPulseListener(listener[0]);
        FxExecutor.INSTANCE.later(then);
      } else {
        // A still window has no next pulse of its own.
        Platform.requestNextPulse();
      }
    };
    w.scene().addPostLayoutPulseListener(listener[0]);
    Platform.requestNextPulse();
  }

  /** Writes the first frame's moment (as {@link #afterFirstFrame} sees it) and the start-up trace. */
  private static void probeFirstFrame(MainWindow w) {
    String file = System.getProperty(FIRST_FRAME_PROPERTY);
    if (file == null || file.isBlank()) {
      return;
    }
    afterPulses(w, FIRST_FRAME_PULSES, () -> write(Path.of(file), System.currentTimeMillis(), System.nanoTime()));
  }

  /**
   * Writes when the complete window (panels, side panel, status bar) is on the screen, in epoch
   * milliseconds, to {@code <first-frame file>.panels}: the start-up benchmark reports it beside the
   * first frame, so the stand-in's head start is never mistaken for the whole window.
   */
  private static void probePanels() {
    String file = System.getProperty(FIRST_FRAME_PROPERTY);
    if (file != null && !file.isBlank()) {
      writeText(Path.of(file + ".panels"), System.currentTimeMillis() + "\n");
    }
  }

  private static void write(Path file, long frameMillis, long frameNanos) {
    writeText(file, StartupTrace.line(frameMillis, frameNanos));
  }

  private static void writeText(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      // A benchmark aid only: the window works the same when the file cannot be written, and the
      // missing file is what the benchmark script reports.
      return;
    }
  }
}
