package org.dnsseismograph.ui.live;

import static org.dnsseismograph.ui.WindowDriver.await;
import static org.dnsseismograph.ui.WindowDriver.fx;
import static org.dnsseismograph.ui.WindowDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.dnsseismograph.capture.LiveCaptureConfig;
import org.dnsseismograph.capture.LiveCounters;
import org.dnsseismograph.capture.LiveOptions;
import org.dnsseismograph.capture.LiveState;
import org.dnsseismograph.render.Lane;
import org.dnsseismograph.render.LaneSeries;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.ui.LaunchRequest;
import org.dnsseismograph.ui.MainWindow;
import org.dnsseismograph.ui.SeismographApp;
import org.dnsseismograph.ui.WindowDriver;
import org.dnsseismograph.ui.common.Actions;
import org.dnsseismograph.ui.common.UserSettings;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.DnsPorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The window with a real live capture on {@code lo} (root), headless on Monocle: queries sent to a
 * port of our own appear on the timeline, which follows the present until the analyst zooms or
 * pans, and again after End, L or the Follow button; drops show in the status bar and as a lane;
 * pause, stop; {@code --live IF} starts a capture; a missing interface is said in one line.
 */
@ExtendWith(ApplicationExtension.class)
class LiveWindowUITest {
  /** Queries go to an address of our own on loopback, where nothing else talks DNS. */
  private static final String TARGET = "127.0.0.163";

  @TempDir
  static Path config;
  private MainWindow window;
  private LiveTimeline live;

  @Start
  void start(Stage stage) {
    window = SeismographApp.build(stage, new LaunchRequest(List.of(), null, List.of()), new UserSettings(config));
    stage.setX(0);
    stage.setY(0);
    stage.setWidth(1280);
    stage.setHeight(800);
    stage.show();
    live = LiveWindow.of(window).orElseThrow().live();
  }

  @AfterEach
  void close() throws InterruptedException {
    closeSettled(live, window);
  }

  /** Stops following the present and closes the window once its side panel has settled. */
  static void closeSettled(LiveTimeline live, MainWindow window) throws InterruptedException {
    WindowDriver.closeLive(live, window);
  }

  static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  static int freePort() throws IOException {
    try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(TARGET), 0))) {
      return s.getLocalPort();
    }
  }

  /** Sends {@code n} DNS queries (nobody answers) to TARGET:port. */
  static void sendQueries(int port, int n) throws IOException {
    try (DatagramSocket s = new DatagramSocket()) {
      InetAddress to = InetAddress.getByName(TARGET);
      for (int i = 0; i < n; i++) {
        byte[] q = Message.newQuery(Record.newRecord(Name.fromString("q" + i + ".live.test."), Type.A, 1)).toWire();
        s.send(new DatagramPacket(q, q.length, to, port));
      }
    }
  }

  private LiveSession startCapture(int port, LiveOptions options) {
    LiveCaptureConfig c = LiveCaptureConfig.of("lo").withPorts(DecodeOptions.defaults().withPorts(DnsPorts.of(port)))
        .withFilter("udp and dst host " + TARGET + " and dst port " + port).withLive(options);
    LiveSession s = fx(() -> live.start(new LiveRequest(c, null)));
    await("the capture to run", () -> s.stateProperty().get() == LiveState.RUNNING);
    return s;
  }

  /** What the side panel's empty detections list says. */
  private String detectionsNote() {
    return text("#detections-none");
  }

  private String text(String id) {
    return fx(() -> ((Label) window.scene().lookup(id)).getText());
  }

  @Test
  void capturedQueriesAppearOnTheTimelineWhichFollowsThePresent(FxRobot robot) throws Exception {
    assumeTrue(root(), "capturing on lo needs root");
    int port = freePort();
    LiveSession s = startCapture(port, LiveOptions.defaults());
    sendQueries(port, 50);
    long sent = System.currentTimeMillis() * 1_000_000L;
    await("50 queries analysed", () -> s.snapshot().counters().queries() == 50);
    LiveCounters c = fx(() -> s.snapshot().counters());
    assertEquals(50, c.received());
    assertEquals(50, c.dnsMessages());
    assertEquals(0, c.responses());
    assertEquals(0, c.droppedTotal());
    await("the live lanes on the timeline", () -> window.timeline().plan().visibleLanes().stream().anyMatch(l -> l.key().equals("lo/dns.rate")));
    List<String> shown = fx(() -> window.timeline().plan().visibleLanes().stream().map(Lane::key).toList());
    assertTrue(shown.contains("lo/drops"), shown.toString());
    await("the detections list to say why this source is never checked", () -> detectionsNote().equals("lo is not checked for spikes and outages: a live source is checked from its recording, and this one records nothing."));
    assertTrue(fx(() -> window.timelineView().isVisible()), "the timeline shows with only live data");
    assertFalse(fx(() -> window.scene().lookup("#drop-hint").isVisible()));
    assertTrue(text("#live-status").startsWith("lo · live · 50 frames · 50 DNS messages"), text("#live-status"));
    assertEquals("live drops: kernel 0 · interface 0 · our queue 0", text("#status-live-drops"));
    await("the view to follow past the queries", () -> window.timeline().visibleRange().endNanos() >= sent);
    TimeRange v = fx(() -> window.timeline().visibleRange());
    assertEquals(FollowMode.DEFAULT_WIDTH_NANOS, v.durationNanos());
    assertTrue(fx(() -> live.followingProperty().get()));

    // The extent is the minute followed: zoom in first, then there is room to pan back.
    robot.moveTo(window.timelineView().gestureSurface());
    fxRun(() -> window.timelineView().requestFocus());
    // Monocle's robot turns the wheel the other way round: DOWN is a negative delta, zooming in.
    robot.scroll(10, javafx.geometry.VerticalDirection.DOWN);
    await("zooming to stop following", () -> !live.followingProperty().get());
    long zoomedWidth = fx(() -> window.timeline().visibleRange().durationNanos());
    assertTrue(zoomedWidth < FollowMode.DEFAULT_WIDTH_NANOS, "zoomed in: " + zoomedWidth);
    assertFalse(fx(() -> ((javafx.scene.control.ToggleButton) window.scene().lookup("#live-follow")).isSelected()));
    robot.type(KeyCode.L);
    assertTrue(fx(() -> live.followingProperty().get()), "L resumes following");
    assertEquals(zoomedWidth, fx(() -> window.timeline().visibleRange().durationNanos()), "with the width chosen");

    robot.type(KeyCode.LEFT);
    await("panning back to stop following", () -> !live.followingProperty().get());
    TimeRange panned = fx(() -> window.timeline().visibleRange());
    Thread.sleep(300);
    assertEquals(panned, fx(() -> window.timeline().visibleRange()), "the view stays where the analyst put it");

    robot.type(KeyCode.END);
    assertTrue(fx(() -> live.followingProperty().get()), "End resumes following");
    await("the view to end at the present again", () -> window.timeline().visibleRange().endNanos() > panned.endNanos());

    fxRun(() -> window.timelineView().requestFocus());
    robot.type(KeyCode.LEFT);
    await("panning back to stop following", () -> !live.followingProperty().get());
    robot.clickOn("#live-follow");
    assertTrue(fx(() -> live.followingProperty().get()), "the Follow button resumes following");
  }

  @Test
  void pauseDiscardsAndStopClosesTheRecording(FxRobot robot, @TempDir Path dir) throws Exception {
    assumeTrue(root(), "capturing on lo needs root");
    int port = freePort();
    LiveCaptureConfig c = LiveCaptureConfig.of("lo").withPorts(DecodeOptions.defaults().withPorts(DnsPorts.of(port)))
        .withFilter("udp and dst host " + TARGET + " and dst port " + port).withRecording(org.dnsseismograph.capture.Recording.toFile(dir.resolve("live.pcap")));
    LiveSession s = fx(() -> live.start(new LiveRequest(c, null)));
    await("the capture to run", () -> s.stateProperty().get() == LiveState.RUNNING);
    sendQueries(port, 10);
    await("10 queries", () -> s.snapshot().counters().queries() == 10);
    robot.clickOn("#live-pause");
    await("paused", () -> s.stateProperty().get() == LiveState.PAUSED);
    assertEquals("Resume", fx(() -> ((javafx.scene.control.Button) window.scene().lookup("#live-pause")).getText()));
    sendQueries(port, 7);
    await("7 discarded while paused", () -> s.snapshot().counters().pausedDiscarded() == 7);
    robot.clickOn("#live-pause");
    await("running again", () -> s.stateProperty().get() == LiveState.RUNNING);
    sendQueries(port, 5);
    await("15 queries", () -> s.snapshot().counters().queries() == 15);
    robot.clickOn("#live-stop");
    await("stopped", () -> s.stateProperty().get() == LiveState.STOPPED);
    assertTrue(text("#live-status").contains("stopped"), text("#live-status"));
    // The recording holds what was not discarded: a 24-byte header and 15 records.
    long frames = org.dnsseismograph.wire.CaptureScanner.scan(List.of(dir.resolve("live.pcap")), DecodeOptions.defaults().withPorts(DnsPorts.of(port)),
        p -> { }, org.dnsseismograph.common.Progress.NONE).frames();
    assertEquals(15, frames);
    assertTrue(fx(() -> window.timeline().plan().lanes().stream().anyMatch(l -> l.key().equals("lo/dns.rate"))), "the data stays after Stop");

    // Checked once more after the stop, over the whole recording: nothing found, and the list says up to when it looked.
    await("the check of the closed recording", () -> detectionsNote().contains("(live: checked up to "));
    assertTrue(fx(() -> window.sidePanel().detections().isEmpty()));
    assertTrue(fx(() -> window.scene().lookup("#live-open-recording").isVisible()), "the stopped source offers its recording");
    // Capture ▸ Open what was recorded (as that button does): the recording becomes a file source, read whole.
    await("Open what was recorded is offered, and opens", () -> fx(() -> window.actionFactory().run(Actions.OPEN_RECORDINGS)));
    await("the recording loaded", () -> fx(() -> window.sources().sources().stream()
        .anyMatch(x -> x.name().equals("live.pcap") && x.state() == org.dnsseismograph.ui.sources.SourceState.READY)));
    assertEquals(15, fx(() -> window.sources().sources().stream().filter(x -> x.name().equals("live.pcap")).findFirst().orElseThrow()
        .figuresProperty().get().frames()), "the recording's 15 frames");
    robot.clickOn("#live-close");
    await("the live lanes gone", () -> window.timeline().plan().lanes().stream().noneMatch(l -> l.key().startsWith("lo/")));
    assertFalse(fx(() -> window.scene().lookup("#live-bar").isVisible()));
  }

  @Test
  void ourQueueOverflowsShowInTheStatusBarAndAsTheDropsLane() throws Exception {
    assumeTrue(root(), "capturing on lo needs root");
    int port = freePort();
    // A queue of one frame: a burst overflows it while the worker decodes.
    LiveSession s = startCapture(port, LiveOptions.defaults().withQueue(1, 1 << 16));
    sendQueries(port, 5000);
    await("every frame taken", () -> s.snapshot().counters().received() == 5000 && s.snapshot().counters().queueDepth() == 0);
    LiveCounters c = fx(() -> s.snapshot().counters());
    assumeTrue(c.queueDropped() > 0, "the worker kept up with a one-frame queue; nothing to show");
    assertEquals(5000, c.analyzed() + c.queueDropped());
    await("the drops lane to hold every queue drop", () -> queueDropsInLane() == s.snapshot().counters().queueDropped());
    String status = text("#status-live-drops");
    assertTrue(status.endsWith("our queue " + String.format(java.util.Locale.ROOT, "%,d", c.queueDropped())), status);
    assertTrue(fx(() -> window.scene().lookup("#status-live-drops").getStyleClass().contains("failure")), "drops are red");
  }

  private long queueDropsInLane() {
    Lane drops = window.timeline().plan().lane("lo/drops");
    for (LaneSeries ls : drops.series()) {
      if (ls.label().equals("queue") && ls.series() instanceof org.dnsseismograph.series.EventSeries e) {
        return e.events();
      }
    }
    return -1;
  }

  @Test
  void theCaptureMenuOpensTheDialogListingLibpcapsInterfaces(FxRobot robot) throws IOException {
    MenuBar bar = fx(() -> (MenuBar) window.scene().lookup("#menu-bar"));
    List<String> menus = fx(() -> bar.getMenus().stream().map(m -> m.getText()).toList());
    assertEquals("Capture", menus.get(menus.indexOf("Help") - 1), menus.toString());
    String help = fx(() -> window.actionFactory().shortcutsText());
    assertTrue(help.matches("(?s).*\\nCapture\\n.*Live….*End or L\\s+Follow the present.*"), "F1 lists the Capture commands:\n" + help);
    robot.clickOn("Capture").clickOn("Live…");
    await("the interfaces listed", () -> robot.lookup("#live-interface").tryQuery().isPresent()
        && !((javafx.scene.control.ComboBox<?>) robot.lookup("#live-interface").query()).getItems().isEmpty());
    javafx.scene.control.ComboBox<?> box = robot.lookup("#live-interface").query();
    List<String> items = fx(() -> box.getItems().stream().map(i -> box.getConverter() == null ? "" : describe(i)).toList());
    assertTrue(items.stream().anyMatch(i -> i.startsWith("lo — 127.0.0.1") && i.endsWith("(loopback)")), items.toString());
    Object chosen = fx(box::getValue);
    assertTrue(chosen != null && ((org.dnsseismograph.capture.CaptureInterface) chosen).up(), "the first interface that is up is chosen: " + chosen);
    String filter = fx(() -> ((javafx.scene.control.TextField) robot.lookup("#live-filter").query()).getText());
    assertEquals(LiveCaptureConfig.defaultFilter(DnsPorts.DEFAULT), filter);
    javafx.scene.control.TextField record = robot.lookup("#live-record-dir").query();
    assertEquals(LiveForm.defaultRecordings(System.getProperties(), System.getenv()).toString(), fx(record::getText),
        "recorded by default, so that the source is checked for detections");
    assertEquals("none: no detections", fx(record::getPromptText), "what an emptied field costs");
    assertTrue(fx(() -> record.getTooltip().getText()).contains("without one, this source is not checked"));
    javafx.scene.control.Spinner<?> keep = robot.lookup("#live-keep-mib").query();
    assertEquals(2048, fx(keep::getValue), "the newest 2 GiB kept");
    // A directory that cannot take the recording is said under the fields (checked off the FX thread), and the dialog stays.
    Path aFile = Files.writeString(config.resolve("not-a-directory"), "x");
    fxRun(() -> record.setText(aFile.toString()));
    robot.clickOn("#live-start");
    await("the reason under the fields", () -> fx(() -> ((Label) robot.lookup("#live-form-error").query()).getText())
        .equals("cannot record into " + aFile + ": not a directory"));
    assertTrue(fx(() -> live.sessions().isEmpty()), "nothing started");
    assertFalse(fx(() -> robot.lookup("#live-start").query().isDisabled()), "Start can be pressed again");
    robot.clickOn("Cancel");
    assertTrue(fx(() -> live.sessions().isEmpty()));
  }

  @Test
  void withTheDialogsDefaultsTheCaptureIsRecordedAndChecked(FxRobot robot) throws Exception {
    assumeTrue(root(), "capturing on lo needs root");
    // The dialog decodes DNS on the window's ports (53): nobody listens on this address.
    int port = 53;
    // A capture of another day is open: the live lanes go above its lanes, which say "no data" while the view follows the present.
    fxRun(() -> window.open(List.of(org.dnsseismograph.ui.UiFixtures.capture("pktvisor-dns_udp_mixed_rcode.pcap"))));
    await("the capture loaded", () -> window.sources().sources().size() == 1
        && window.sources().sources().get(0).state() == org.dnsseismograph.ui.sources.SourceState.READY);
    robot.clickOn("Capture").clickOn("Live…");
    await("the interfaces listed", () -> robot.lookup("#live-interface").tryQuery().isPresent()
        && !((javafx.scene.control.ComboBox<?>) robot.lookup("#live-interface").query()).getItems().isEmpty());
    @SuppressWarnings("unchecked")
    javafx.scene.control.ComboBox<org.dnsseismograph.capture.CaptureInterface> box = robot.lookup("#live-interface").query();
    fxRun(() -> box.getItems().stream().filter(i -> i.name().equals("lo")).findFirst().ifPresent(box::setValue));
    javafx.scene.control.TextField filter = robot.lookup("#live-filter").query();
    fxRun(() -> filter.setText("udp and dst host " + TARGET + " and dst port " + port));
    robot.clickOn("#live-start");
    await("the capture to run", () -> live.sessions().size() == 1 && live.sessions().get(0).stateProperty().get() == LiveState.RUNNING);
    LiveSession s = fx(() -> live.sessions().get(0));
    sendQueries(port, 12);
    await("12 queries", () -> s.snapshot().counters().queries() == 12);
    List<Path> files = fx(() -> s.snapshot().recordings());
    Path dir = LiveForm.defaultRecordings(System.getProperties(), System.getenv());
    assertEquals(1, files.size(), files.toString());
    assertEquals(dir.toAbsolutePath(), files.get(0).getParent(), "into the default directory");
    assertTrue(files.get(0).getFileName().toString().matches("live-lo-\\d{8}-\\d{6}-00001\\.pcap"), files.toString());
    assertTrue(text("#live-status").contains("recorded 1 file"), text("#live-status"));
    await("the live lanes first", () -> window.timeline().plan().visibleLanes().get(0).key().startsWith("lo/"));
    assertTrue(fx(() -> window.timeline().plan().visibleLanes().stream().anyMatch(l -> l.key().startsWith("pktvisor"))), "the capture's lanes stay");
    robot.clickOn("#live-stop");
    await("stopped", () -> s.stateProperty().get() == LiveState.STOPPED);
    await("the check of the closed recording", () -> detectionsNote().contains("(live: checked up to "));
    long frames = org.dnsseismograph.wire.CaptureScanner.scan(files, DecodeOptions.defaults().withPorts(DnsPorts.of(port)), p -> { },
        org.dnsseismograph.common.Progress.NONE).frames();
    assertEquals(12, frames, "the recording holds what was captured");
    Files.delete(files.get(0));

    robot.clickOn("Capture").clickOn("Live…");
    await("the dialog again", () -> robot.lookup("#live-filter").tryQuery().isPresent());
    assertEquals("udp and dst host " + TARGET + " and dst port " + port, fx(() -> ((javafx.scene.control.TextField) robot.lookup("#live-filter").query())
        .getText()), "the last start's filter");
    @SuppressWarnings("unchecked")
    javafx.scene.control.ComboBox<org.dnsseismograph.capture.CaptureInterface> again = robot.lookup("#live-interface").query();
    await("lo chosen again", () -> again.getValue() != null && again.getValue().name().equals("lo"));
    robot.clickOn("Cancel");
    // the other tests meet the dialog's defaults
    fxRun(() -> new LiveForm(DnsPorts.DEFAULT, dir).remember(window.settings()));
  }

  private static String describe(Object i) {
    return LiveForm.describe((org.dnsseismograph.capture.CaptureInterface) i);
  }

  @Test
  void aMissingInterfaceIsSaidInOneLine() {
    LiveSession s = fx(() -> live.start(LiveRequest.capture("nosuch0", DnsPorts.DEFAULT)));
    await("the start to fail", () -> s.stateProperty().get() == LiveState.FAILED);
    String problem = text("#live-problem");
    assertTrue(problem.contains("nosuch0"), problem);
    assertFalse(problem.contains("Exception") || problem.contains("\n"), problem);
    await("the error dialog", () -> javafx.stage.Window.getWindows().stream().anyMatch(w -> w != window.stage() && w.isShowing()));
  }

  @Test
  void openLiveStartsACaptureOnThatInterface() {
    assumeTrue(root(), "capturing on lo needs root");
    fxRun(() -> window.stage().close());
    Stage second = fx(Stage::new);
    window = fx(() -> {
      MainWindow w = SeismographApp.build(second, new LaunchRequest(List.of(), "lo", List.of(5353)), new UserSettings(config));
      second.setWidth(1280);
      second.setHeight(800);
      second.show();
      return w;
    });
    LiveTimeline l = LiveWindow.of(window).orElseThrow().live();
    live = l;
    await("a capture on lo to run", () -> l.sessions().size() == 1 && l.sessions().get(0).stateProperty().get() == LiveState.RUNNING);
    LiveSession s = fx(() -> l.sessions().get(0));
    assertEquals("lo", s.name());
    String filter = ((org.dnsseismograph.capture.LiveCapture) s.source()).config().filter();
    assertTrue(filter.contains("port 53 or port 5353"), filter);
    assertNotNull(fx(() -> window.scene().lookup("#live-bar")));
    assertTrue(Files.isDirectory(config));
  }
}
