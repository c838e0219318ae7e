package org.dnsseismograph.ui;

import static org.dnsseismograph.ui.WindowDriver.await;
import static org.dnsseismograph.ui.WindowDriver.fx;
import static org.dnsseismograph.ui.WindowDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.dnsseismograph.analysis.CaptureDetect;
import org.dnsseismograph.analysis.HealthReport;
import org.dnsseismograph.analysis.LoadRequest;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.ui.annotations.OutageProposals;
import org.dnsseismograph.ui.common.UserSettings;
import org.dnsseismograph.ui.panel.Detection;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationKind;
import org.dnsseismograph.workspace.AnnotationState;
import org.dnsseismograph.workspace.ContentHash;
import org.dnsseismograph.workspace.RecoveryStore;
import org.dnsseismograph.workspace.SourceRef;
import org.dnsseismograph.workspace.Workspace;
import org.dnsseismograph.workspace.WorkspaceJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole window with its workspace session, headless on Monocle, on the demo's real lab
 * capture: the detections list holds what the detectors found during the load and matches the
 * lab's own record of the outage ({@code assets/demo/truth.json}: the servers of example.test.
 * stopped by SIGSTOP for 20 s); a click on the outage zooms to it; its proposal is accepted with the keyboard, undone and
 * redone, saved with Ctrl+S and comes back accepted (and not proposed again) when the workspace is
 * opened again; Ctrl+E exports the view as a 1920 × 1080 PNG.
 */
@ExtendWith(ApplicationExtension.class)
class WindowSessionUITest {
  private static final long MS = 1_000_000L;
  @TempDir static Path config;
  @TempDir Path dir;
  private MainWindow window;
  private UserSettings settings;

  @Start
  void start(Stage stage) {
    settings = new UserSettings(config.resolve("settings"));
    window = SeismographApp.build(stage, new LaunchRequest(List.of(), null, List.of()), settings,
        new RecoveryStore(config.resolve("recovery")));
    stage.setX(0);
    stage.setY(0);
    stage.setWidth(1280);
    stage.setHeight(800);
    stage.show();
  }

  @AfterEach
  void close() {
    fxRun(() -> window.stage().close());
  }

  /** A workspace holding a copy of the demo capture, beside it. */
  private Path workspace() throws Exception {
    Path capture = UiFixtures.demo().resolve("capture.pcap.gz");
    Files.copy(capture, dir.resolve("capture.pcap.gz"));
    Path file = dir.resolve("lab.seismograph.json");
    WorkspaceJson.save(new Workspace("lab", List.of(new SourceRef("capture.pcap.gz", "capture.pcap.gz", ContentHash.of(capture), 0, "")),
        List.of(), null, List.of()), file);
    return file;
  }

  private WindowSession session() {
    return fx(window::session);
  }

  private void openAndDetect(Path file) {
    fxRun(() -> window.open(List.of(file)));
    await("the capture to load, with what its detectors found", () -> window.sources().sources().size() == 1 && !window.sources().loadingProperty().get()
        && !window.sidePanel().detections().isEmpty());
  }

  private List<Annotation> outageAnnotations() {
    return fx(() -> window.session().session().book().all().stream().filter(a -> a.kind() == AnnotationKind.OUTAGE).toList());
  }

  private static long truthNanos(String field) throws Exception {
    JsonNode truth = new ObjectMapper().readTree(UiFixtures.demo().resolve("truth.json").toFile());
    return truth.path("outage").path(field).asLong();
  }

  @Test
  void theOutageTheLabCausedIsListedProposedAcceptedSavedAndOpenedAgain(FxRobot robot) throws Exception {
    Path file = workspace();
    HealthReport direct = CaptureDetect.run(new LoadRequest(List.of(dir.resolve("capture.pcap.gz")), DecodeOptions.defaults(), 3_000_000_000L),
        Progress.NONE).report();

    openAndDetect(file);

    List<Detection> listed = fx(() -> List.copyOf(window.sidePanel().detections()));
    assertEquals(direct.outages().size() + direct.spikes().size(), listed.size(), "every outage and spike of the capture");
    List<Detection> outages = listed.stream().filter(d -> d.kind() == Detection.Kind.OUTAGE).toList();
    assertEquals(1, outages.size(), listed.toString());
    Detection outage = outages.get(0);
    // The lab stopped the servers at truth.start and let them go at truth.end; the capture sees the
    // first unanswered query after the stop and the first answer after the restart.
    assertEquals(truthNanos("startNs"), outage.span().startNanos(), 100 * MS, "start as the lab recorded it");
    assertEquals(truthNanos("endNs"), outage.span().endNanos(), 100 * MS, "end as the lab recorded it");
    assertTrue(outage.title().startsWith("example.test. dark (3 servers)"), outage.title());
    assertTrue(outage.detail().contains("127.0.0.21, 127.0.0.22, 127.0.0.23"), outage.detail());

    @SuppressWarnings("unchecked")
    ListView<Detection> list = robot.lookup("#detections").queryAs(ListView.class);
    int row = fx(() -> list.getItems().indexOf(outage));
    fxRun(() -> list.scrollTo(row));
    WaitForAsyncUtils.waitForFxEvents();
    ListCell<?> cell = robot.lookup("#detections .list-cell").queryAllAs(ListCell.class).stream().filter(c -> c.getItem() == outage).findFirst()
        .orElseThrow();
    assertEquals(outage.detail(), fx(() -> cell.getTooltip().getText()), "the evidence as tooltip");
    robot.clickOn(cell);
    await("the timeline to zoom to the outage", () -> window.timeline().visibleRange().equals(outage.zoomRange()));

    List<Annotation> proposed = outageAnnotations();
    assertEquals(1, proposed.size());
    Annotation p = proposed.get(0);
    assertEquals(AnnotationState.PROPOSED, p.state());
    assertEquals(OutageProposals.DETECTOR, p.proposedBy());
    assertEquals(outage.span(), p.span());
    assertEquals("example.test.", p.zone());
    assertEquals(List.of("127.0.0.21", "127.0.0.22", "127.0.0.23"), p.servers());

    fxRun(() -> session().annotations().select(p.id()));
    robot.clickOn("#timeline").press(KeyCode.SHORTCUT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHORTCUT);
    await("accepted through Annotations ▸ Accept selected", () -> outageAnnotations().get(0).state() == AnnotationState.ACCEPTED);
    assertTrue(fx(() -> window.stage().getTitle()).startsWith("*lab.seismograph.json"), "unsaved: " + fx(() -> window.stage().getTitle()));
    robot.press(KeyCode.SHORTCUT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHORTCUT);
    await("undone", () -> outageAnnotations().get(0).state() == AnnotationState.PROPOSED);
    robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.SHORTCUT);
    await("redone", () -> outageAnnotations().get(0).state() == AnnotationState.ACCEPTED);

    robot.press(KeyCode.SHORTCUT, KeyCode.S).release(KeyCode.S, KeyCode.SHORTCUT);
    await("saved", () -> !window.session().session().isModified());
    assertEquals("lab.seismograph.json — DNS Seismograph", fx(() -> window.stage().getTitle()));
    List<Annotation> saved = WorkspaceJson.load(file).annotations();
    assertEquals(1, saved.size());
    assertEquals(AnnotationState.ACCEPTED, saved.get(0).state());
    assertEquals(p.span(), saved.get(0).span());

    openAndDetect(file);
    List<Annotation> again = outageAnnotations();
    assertEquals(1, again.size(), "the detector proposes nothing over an outage already marked: " + again);
    assertEquals(AnnotationState.ACCEPTED, again.get(0).state());
    assertEquals(p.id(), again.get(0).id());
    assertTrue(settings.recentFiles().contains(file.toAbsolutePath().normalize()), "in File ▸ Open recent");
  }

  @Test
  void shortcutEExportsTheViewAsA1920By1080Png(FxRobot robot) throws Exception {
    openAndDetect(workspace());
    robot.clickOn("#timeline").press(KeyCode.SHORTCUT, KeyCode.E).release(KeyCode.E, KeyCode.SHORTCUT);
    await("the export dialog", () -> robot.lookup("#export-run").tryQuery().isPresent());
    Path out = dir.resolve("view.png");
    TextInputControl f = robot.lookup("#export-file").queryTextInputControl();
    fxRun(() -> f.setText(out.toString()));
    robot.clickOn("#export-run");
    await("the picture written", () -> Files.isRegularFile(out) && robot.lookup("#export-run").tryQuery().isEmpty());
    BufferedImage img = ImageIO.read(out.toFile());
    assertEquals(1920, img.getWidth());
    assertEquals(1080, img.getHeight());
  }

}
