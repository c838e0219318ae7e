package org.dnsseismograph.ui.live;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import org.dnsseismograph.capture.Recording;
import org.dnsseismograph.ui.MainWindow;
import org.dnsseismograph.ui.common.ActionFactory;
import org.dnsseismograph.ui.common.Actions;
import org.dnsseismograph.ui.common.DelayedHint;
import org.dnsseismograph.ui.common.FxExecutor;
import org.dnsseismograph.ui.common.StageEnd;
import org.dnsseismograph.wire.DnsPorts;

/**
 * Gives the window its live side: the Capture menu ({@link Actions#LIVE} and the rest), the live
 * bar above the status bar and the drops in the status bar, the keys that resume following (End,
 * and L while no text field has the focus), the frame timer that takes up live snapshots, and the
 * timeline shown while only live sources hold data. When the window closes, every live source is
 * stopped and its recording closed. {@code seismograph open --live IF} starts a capture on IF once
 * the window shows.
 *
 * <p>FX thread only.
 */
public final class LiveWindow {
  private final MainWindow window;
  private final LiveTimeline live;
  private final DnsPorts ports;
  private final AnimationTimer pulse;
  private final LiveDetections detections;
  /** Whether a live source on the window recorded files: Capture ▸ Open what was recorded is offered then. */
  private final BooleanProperty recorded = new SimpleBooleanProperty();

  private LiveWindow(MainWindow window, DnsPorts ports) {
    this.window = window;
    this.ports = ports;
    this.live = new LiveTimeline(window.sources(), window.timeline(), window.tasks(), window.dialogs());
    this.detections = new LiveDetections(window.loads().decode(), window.loads().timeoutNanos());
    this.pulse = new AnimationTimer() {
      @Override
      public void handle(long now) {
        if (live.pulse(now)) {
          window.liveTrafficChanged();
        }
        detections.pulse(live.sessions(), System.nanoTime());
        boolean any = live.sessions().stream().anyMatch(s -> !s.snapshot().recordings().isEmpty());
        if (recorded.get() != any) {
          recorded.set(any);
        }
      }
    };
  }

  /**
   * Adds the live side to {@code window} (built, maybe not shown) and, when {@code liveInterface} is
   * not null, starts a capture on it once the window shows.
   *
   * @param ports the DNS ports of the window's decoding (53 and those of {@code --dns-port})
   * @param recording where that capture records as it arrives, or null for none
   */
  public static LiveWindow attach(MainWindow window, String liveInterface, DnsPorts ports, Recording recording) {
    LiveWindow w = new LiveWindow(window, ports);
    w.install();
    window.scene().getRoot().getProperties().put(LiveWindow.class, w);
    if (liveInterface != null) {
      FxExecutor.INSTANCE.later(() -> w.live.start(LiveRequest.capture(liveInterface, ports).withRecording(recording)));
    }
    return w;
  }

  /** The live side attached to {@code window}, if any. */
  public static Optional<LiveWindow> of(MainWindow window) {
    return Optional.ofNullable((LiveWindow) window.scene().getRoot().getProperties().get(LiveWindow.class));
  }

  public LiveTimeline live() {
    return live;
  }

  /**
   * Sends what the detectors find in the live sources' recordings to {@code reports}: checked every
   * {@value LiveDetections#MIN_INTERVAL_SECONDS} s or more while they run, once more when they stop.
   */
  public void reportDetectionsTo(LiveReports reports) {
    detections.setListener(reports);
    live.sessions().addListener((ListChangeListener<LiveSession>) c -> {
      while (c.next()) {
        c.getRemoved().forEach(reports::closed);
      }
    });
  }

  /** Opens Capture ▸ Live… with the fields of its last start; starts what the analyst chose. */
  public void showDialog() {
    LiveForm form = new LiveForm(ports, LiveForm.defaultRecordings(System.getProperties(), System.getenv()));
    form.restore(window.settings());
    LiveDialog d = new LiveDialog(form, window.tasks(), window.stage());
    Optional<LiveRequest> r = d.showAndWait();
    r.ifPresent(request -> {
      form.remember(window.settings());
      live.start(request);
    });
  }

  private void install() {
    BorderPane root = (BorderPane) window.scene().getRoot();
    Node bottom = root.getBottom();
    root.setBottom(new VBox(new LiveBar(live, window::open), bottom));
    if (bottom instanceof HBox bar) {
      bar.getChildren().add(dropsInStatusBar());
    }
    bindActions();
    window.scene().addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    showTimelineWithLiveData();
    window.setLiveTraffic(live::traffic, live::sourceActive);
    pulse.start();
    StageEnd.whenHidden(window.stage(), () -> {
      pulse.stop();
      detections.close();
      live.stopAll();
    });
  }

  /** The status bar's live drops: "live drops: kernel 0 · interface 0 · our queue 0", red once any. */
  private Label dropsInStatusBar() {
    Label drops = new Label();
    drops.setId("status-live-drops");
    live.sessions().addListener((ListChangeListener<LiveSession>) c -> bindDrops(drops));
    bindDrops(drops);
    return drops;
  }

  private void bindDrops(Label drops) {
    drops.textProperty().unbind();
    if (live.sessions().isEmpty()) {
      drops.setText("");
      drops.getStyleClass().setAll("label");
      return;
    }
    LiveSession s = live.sessions().get(live.sessions().size() - 1);
    drops.textProperty().bind(s.dropsProperty().map(t -> "live " + t));
    drops.getStyleClass().setAll(s.droppingProperty().get() ? "failure" : "label");
    s.droppingProperty().addListener((o, was, now) -> drops.getStyleClass().setAll(now ? "failure" : "label"));
  }

  private void bindActions() {
    ActionFactory actions = window.actionFactory();
    actions.bind(Actions.LIVE, this::showDialog);
    actions.bind(Actions.FOLLOW_PRESENT, live::follow, live.hasDataProperty().not());
    actions.bind(Actions.STOP_LIVE, () -> live.sessions().forEach(live::stop), live.hasDataProperty().not());
    actions.bind(Actions.OPEN_RECORDINGS, () -> window.open(recordings()), recorded.not());
  }

  /**
   * The files the live sources recorded so far (pcap captures, dnstap logs), in the order they were
   * written: opened, they are sources like any file, read whole with the detections a file gets. A
   * recording still being written is read up to its last flushed record; one deleted meanwhile
   * fails as its own source, "no such file".
   */
  private List<Path> recordings() {
    List<Path> files = new ArrayList<>();
    for (LiveSession s : live.sessions()) {
      for (Path f : s.snapshot().recordings()) {
        if (!files.contains(f)) {
          files.add(f);
        }
      }
    }
    return files;
  }

  /** L resumes following unless a text field takes the letter (End is the menu item's accelerator). */
  private void key(KeyEvent e) {
    if (e.getCode() == KeyCode.L && !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown()
        && !(window.scene().getFocusOwner() instanceof TextInputControl) && live.hasDataProperty().get()) {
      live.follow();
      e.consume();
    }
  }

  /** The window shows the timeline once files hold data; live sources count as data too. */
  private void showTimelineWithLiveData() {
    BooleanBinding anyData = window.sources().extentProperty().isNotNull().or(live.hasDataProperty());
    window.timelineView().visibleProperty().unbind();
    window.timelineView().visibleProperty().bind(anyData);
    // The hint shares the timeline's pane (looked up there: the split pane has no skin before the window shows).
    if (window.timelineView().getParent() instanceof Pane middle) {
      for (Node n : middle.getChildren()) {
        if ("drop-hint".equals(n.getId())) {
          DelayedHint.show(n, anyData.not().and(Bindings.isEmpty(window.sources().sources())).and(window.sources().startingUpProperty().not()));
        }
      }
    }
  }
}
