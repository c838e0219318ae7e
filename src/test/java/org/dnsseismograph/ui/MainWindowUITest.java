package org.dnsseismograph.ui;

import static org.dnsseismograph.ui.WindowDriver.await;
import static org.dnsseismograph.ui.WindowDriver.fx;
import static org.dnsseismograph.ui.WindowDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Orientation;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.dnsseismograph.analysis.LoadResult;
import org.dnsseismograph.render.Lane;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.testsupport.FrameCopies;
import org.dnsseismograph.ui.common.UserSettings;
import org.dnsseismograph.ui.sources.SkipLine;
import org.dnsseismograph.ui.sources.Source;
import org.dnsseismograph.ui.sources.SourceState;
import org.dnsseismograph.wire.Skipped;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window opening real captures, headless on Monocle: lanes, status bar, cancel, skipped reasons. */
@ExtendWith(ApplicationExtension.class)
class MainWindowUITest {
  @TempDir
  static Path config;
  private MainWindow window;
  private WindowDriver driver;

  @Start
  void start(Stage stage) {
    window = SeismographApp.build(stage, new LaunchRequest(List.of(), null, List.of()), new UserSettings(config),
        new org.dnsseismograph.workspace.RecoveryStore(config.resolve("recovery")));
    // Monocle's headless screen is 1280 × 800: a larger window overflows its frame buffer.
    stage.setX(0);
    stage.setY(0);
    stage.setWidth(1280);
    stage.setHeight(800);
    stage.show();
    driver = new WindowDriver(window);
  }

  @AfterEach
  void close() {
    fxRun(() -> window.stage().close());
  }

  private static LoadResult direct(Path file) throws Exception {
    return org.dnsseismograph.ui.sources.SourcesViewModelTestAccess.loadDirectly(file);
  }

  private static String countsText(LoadResult r) {
    return String.format(Locale.ROOT, "%,d frames read · %,d DNS messages", r.scan().frames(), r.snapshot().dispatch().messages());
  }

  @ParameterizedTest
  @ValueSource(strings = {"pcap:dnscap-dns.pcap.gz", "pcap:pktvisor-dns_udp_tcp_random.pcap", "demo:capture.pcap.gz"})
  void anOpenedCaptureShowsItsLanesAndTheLoadersCountsInTheStatusBar(String which, FxRobot robot) throws Exception {
    Path file = which.startsWith("demo:") ? UiFixtures.demo().resolve(which.substring(5)) : UiFixtures.capture(which.substring(5));
    LoadResult r = direct(file);

    Source s = driver.openAndWait(file).get(0);
    driver.settle();

    assertEquals(SourceState.READY, fx(s::state));
    String name = file.getFileName().toString();
    List<Lane> shown = fx(() -> window.timeline().plan().visibleLanes());
    assertTrue(shown.stream().anyMatch(l -> l.key().startsWith(name + "/") && !l.series().isEmpty()), shown.toString());
    assertEquals(r.snapshot().series().extent(), fx(() -> window.timeline().extent()));
    await("the status bar's counts", () -> robot.lookup("#status-counts").queryAs(Label.class).getText().equals(countsText(r)));
    assertFalse(fx(() -> robot.lookup("#drop-hint").query().isVisible()), "the drop hint goes when data arrives");
    assertTrue(fx(() -> window.stage().getTitle()).startsWith("*" + name), "an untitled workspace with a source, not saved yet");
  }

  @Test
  void cancellingMidLoadKeepsWhatWasReadAndStopsTheLoad(FxRobot robot, @TempDir Path dir) throws Exception {
    // 32 copies (2.5 M frames): the load must still run when the robot clicks, on a fast machine too (8 copies loaded first there)
    Path file = LongCapture.write(dir, 32);
    TimeRange whole = direct(file).snapshot().series().extent();
    fxRun(() -> window.open(List.of(file)));
    await("the first partial snapshot", () -> !window.sources().sources().isEmpty()
        && window.sources().sources().get(0).figuresProperty().get().dnsMessages() > 0
        && window.sources().sources().get(0).state() == SourceState.LOADING && robot.lookup("#status-cancel").query().isVisible());

    robot.clickOn("#status-cancel");

    await("the cancelled state", () -> window.sources().sources().get(0).state() != SourceState.LOADING);
    assertEquals(SourceState.CANCELLED, fx(() -> window.sources().sources().get(0).state()));
    assertFalse(fx(() -> window.sources().loadingProperty().get()));
    TimeRange partial = fx(() -> window.timeline().extent());
    assertTrue(partial.endNanos() < whole.endNanos(), "the extent read so far, " + partial + ", is less than the file's " + whole);
    assertTrue(fx(() -> window.timeline().plan().visibleLanes().stream().anyMatch(l -> !l.series().isEmpty())), "what was read stays drawn");
    await("the status bar to go idle", () -> !robot.lookup("#status-cancel").query().isVisible());
  }

  @Test
  void theSkippedLinkListsEveryReasonWithItsCountAndFirstFrame(FxRobot robot) throws Exception {
    Path fuzz = UiFixtures.capture("ndpi-fuzz-2006-06-26-2594.pcap");
    List<Skipped> expected = direct(fuzz).skipped();
    long total = expected.stream().mapToLong(Skipped::count).sum();
    driver.openAndWait(fuzz);
    await("the skipped link", () -> robot.lookup("#status-skipped").query().isVisible());
    assertEquals(String.format(Locale.ROOT, "%,d skipped", total), fx(() -> ((javafx.scene.control.Hyperlink) robot.lookup("#status-skipped").query()).getText()));

    robot.clickOn("#status-skipped");

    await("the list of reasons", () -> robot.lookup("#skipped-table").tryQuery().isPresent());
    @SuppressWarnings("unchecked")
    TableView<SkipLine> table = robot.lookup("#skipped-table").queryAs(TableView.class);
    List<SkipLine> rows = fx(() -> List.copyOf(table.getItems()));
    assertEquals(expected.size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(expected.get(i).reason().description(), rows.get(i).reason());
      assertEquals(expected.get(i).count(), rows.get(i).count());
      assertEquals(expected.get(i).firstFrame() > 0 ? "frame " + expected.get(i).firstFrame() : "", rows.get(i).where());
    }
  }

  @Test
  void capturesNamedAlikeThatOverlapInTimeAreOpenedApartFromTheirCard(FxRobot robot, @TempDir Path dir) throws Exception {
    Path whole = UiFixtures.demo().resolve("capture.pcap.gz");
    Path ns1 = FrameCopies.copy(whole, dir.resolve("ns1.pcap"), i -> i % 2 == 0);
    Path ns2 = FrameCopies.copy(whole, dir.resolve("ns2.pcap"), i -> i % 2 == 1);

    fxRun(() -> window.open(List.of(ns1, ns2)));
    await("the two files read as one source", () -> window.sources().sources().size() == 1
        && window.sources().sources().get(0).state() == SourceState.READY);
    int id = fx(() -> window.sources().sources().get(0).id());
    await("the link to open them apart", () -> robot.lookup("#apart-" + id).query().isVisible());
    assertEquals("⚠ its files overlap in time: captures of different places named alike?",
        fx(() -> robot.lookup("#warning-" + id).queryAs(Label.class).getText()));

    robot.clickOn("#apart-" + id);

    await("each file a source of its own", () -> window.sources().sources().size() == 2
        && window.sources().sources().stream().allMatch(s -> s.state() == SourceState.READY));
    assertEquals(List.of("ns1.pcap", "ns2.pcap"), fx(() -> window.sources().sources().stream().map(Source::name).toList()));
  }

  @Test
  void aFileThatIsNoSourceShowsItsOneLineReasonInItsCard(FxRobot robot) {
    Path text = UiFixtures.resource("not-a-source.txt");

    driver.openAndWait(text);

    int id = fx(() -> window.sources().sources().get(0).id());
    String shown = fx(() -> robot.lookup("#source-status-" + id).queryAs(Label.class).getText());
    assertTrue(shown.startsWith("not-a-source.txt: neither a capture"), shown);
    assertFalse(shown.contains("\n") || shown.contains("Exception"), shown);
    assertTrue(shown.endsWith("(hover for the formats tried)"), shown);
    String why = fx(() -> robot.lookup("#source-status-" + id).queryAs(Label.class).getTooltip().getText());
    assertTrue(why.startsWith("Tried as an export:\n"), why);
    assertTrue(why.lines().anyMatch(l -> l.startsWith("csv: ")), why);
    await("the failure count", () -> robot.lookup("#status-failures").queryAs(Label.class).getText().equals("1 source failed"));
  }

  @Test
  void anEstimatedOffsetIsAcceptedOrRejectedWithButtonsThatSayWhatTheyDo(FxRobot robot) {
    List<Source> opened = driver.openAndWait(UiFixtures.demo().resolve("capture.pcap.gz"), UiFixtures.demo().resolve("unbound-stats.txt"));
    int id = opened.stream().filter(s -> s.name().equals("unbound-stats.txt")).findFirst().orElseThrow().id();
    robot.clickOn("#estimate-" + id);
    await("the estimate and its decision", () -> fx(() -> robot.lookup("#accept-" + id).query().isVisible()));
    driver.settle();
    for (String button : List.of("#reference-" + id, "#estimate-" + id, "#accept-" + id, "#reject-" + id)) {
      javafx.scene.control.Labeled b = robot.lookup(button).queryAs(javafx.scene.control.Labeled.class);
      String shown = fx(() -> ((Text) b.lookup(".text")).getText());
      assertEquals(fx(b::getText), shown, button + " shows its whole word in the side panel's width");
    }
  }

  /** The demo's common moment is the incident, and every line of its evidence is read in the panel's width, wrapped. */
  @Test
  void theCommonMomentsEvidenceWrapsInThePanel(FxRobot robot) {
    driver.openAndWait(UiFixtures.demo().resolve("capture.pcap.gz"), UiFixtures.demo().resolve("unbound-stats.txt"),
        UiFixtures.demo().resolve("pdns-carbon.txt"));
    robot.clickOn("#find-common-moment");
    await("the moments", () -> robot.lookup("#common-moments").queryListView().getItems().size() > 3);
    driver.settle();
    // The incident's minute (the servers went dark at 19:09:15.7), not the lab's load starting at 19:08:26.
    String status = fx(() -> robot.lookup("#common-moment-status").queryAs(Label.class).getText());
    assertTrue(status.startsWith("3 of 3 sources change at 19:09:"), status);
    javafx.scene.control.ListView<?> list = robot.lookup("#common-moments").queryListView();
    assertFalse(fx(() -> list.lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof ScrollBar b && b.getOrientation() == Orientation.HORIZONTAL
        && b.isVisible())), "no line runs past the panel's width");
    List<Text> shown = fx(() -> list.lookupAll(".list-cell .text").stream().map(n -> (Text) n).filter(t -> !t.getText().isEmpty()).toList());
    for (Text t : shown) {
      String text = fx(t::getText);
      assertFalse(text.endsWith("…") || text.endsWith("..."), "read whole: " + text);
    }
  }

  @Test
  void theKeyboardShortcutsHelpLinesItsKeysUpInAFixedWidthFont(FxRobot robot) {
    robot.press(KeyCode.F1).release(KeyCode.F1);
    await("the shortcuts dialog", () -> shortcutsText() != null);
    TextArea area = shortcutsText();
    // The keys are padded with spaces into a column: only a font whose characters are all one width keeps it.
    Text narrow = new Text("iiiiiiiiii");
    Text wide = new Text("WWWWWWWWWW");
    double[] widths = fx(() -> {
      narrow.setFont(area.getFont());
      wide.setFont(area.getFont());
      return new double[] {narrow.getLayoutBounds().getWidth(), wide.getLayoutBounds().getWidth()};
    });
    assertEquals(widths[1], widths[0], 0.01, area.getFont().toString());
    assertFalse(scrolls(area, Orientation.HORIZONTAL), "every line fits the area's width: no sideways scrolling");
    fxRun(() -> ((Stage) area.getScene().getWindow()).close());
  }

  @Test
  void theAboutTextIsWrappedAndReadWithoutScrolling(FxRobot robot) {
    robot.clickOn("Help").clickOn("About DNS Seismograph");
    await("the about dialog", () -> dialogText("DNS Seismograph") != null);
    TextArea area = dialogText("DNS Seismograph");
    driver.settle();
    assertTrue(fx(area::isWrapText));
    assertFalse(scrolls(area, Orientation.HORIZONTAL), "no line runs past the area's width");
    assertFalse(scrolls(area, Orientation.VERTICAL), "the whole text shows at once");
    fxRun(() -> ((Stage) area.getScene().getWindow()).close());
  }

  private static boolean scrolls(TextArea area, Orientation way) {
    return fx(() -> area.lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof ScrollBar b && b.getOrientation() == way && b.isVisible()));
  }

  private static TextArea shortcutsText() {
    return dialogText("Keyboard shortcuts");
  }

  /** The text of the open dialog whose header starts with {@code header}, or null. */
  private static TextArea dialogText(String header) {
    for (Window w : fx(() -> List.copyOf(Window.getWindows()))) {
      if (w.getScene() != null && w.getScene().getRoot() instanceof DialogPane p && p.getHeaderText() != null
          && p.getHeaderText().startsWith(header) && p.getContent() instanceof TextArea area) {
        return area;
      }
    }
    return null;
  }

  @Test
  void theDarkThemeDrawsThePanelsInItsOwnColoursAndTheLightOneBringsThemBack(FxRobot robot) {
    Region side = fx(() -> (Region) window.scene().lookup("#side-panel"));
    assertEquals(Color.web("#f4f5f7"), fx(() -> side.getBackground().getFills().get(0).getFill()));

    robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.D)
        .release(KeyCode.D, KeyCode.SHIFT, KeyCode.SHORTCUT);
    driver.settle();
    // window.css's rules in dark.css's colours: the shared sheet first, the theme's after it.
    List<String> sheets = fx(() -> List.copyOf(window.scene().getStylesheets()));
    assertEquals(2, sheets.size(), sheets.toString());
    assertTrue(sheets.get(0).endsWith("/window.css") && sheets.get(1).endsWith("/dark.css"), sheets.toString());
    assertEquals(Color.web("#1f2023"), fx(() -> side.getBackground().getFills().get(0).getFill()));
    // The crosshair's readout lies on the plot, which keeps its light palette: its text stays dark.
    driver.openAndWait(UiFixtures.capture("pktvisor-dns_udp_mixed_rcode.pcap"));
    driver.settle();
    Region timeline = fx(() -> (Region) window.scene().lookup("#timeline"));
    robot.moveTo(timeline).moveBy(0, -fx(timeline::getHeight) / 4);
    await("the readout", () -> fx(() -> window.scene().lookup("#crosshair-readout").isVisible()));
    for (javafx.scene.Node n : fx(() -> List.copyOf(window.scene().getRoot().lookupAll("#crosshair-readout .label")))) {
      Color ink = (Color) fx(() -> ((Label) n).getTextFill());
      assertTrue(ink.getBrightness() < 0.5, "readable on the readout's white: " + ((Label) n).getText() + " in " + ink);
    }

    robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.D)
        .release(KeyCode.D, KeyCode.SHIFT, KeyCode.SHORTCUT);
    driver.settle();
    assertEquals(Color.web("#f4f5f7"), fx(() -> side.getBackground().getFills().get(0).getFill()));
  }
}
