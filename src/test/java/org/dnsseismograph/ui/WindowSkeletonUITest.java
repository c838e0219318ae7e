package org.dnsseismograph.ui;

import static org.dnsseismograph.ui.WindowDriver.await;
import static org.dnsseismograph.ui.WindowDriver.fx;
import static org.dnsseismograph.ui.WindowDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.dnsseismograph.ui.common.Actions;
import org.dnsseismograph.ui.common.UserSettings;
import org.dnsseismograph.workspace.RecoveryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window's first frame as {@link SeismographApp#launch} shows it: the real menu bar above the
 * stand-in (what is being opened, empty lanes, no panel yet); then the rest of the window in its
 * place, working as a window built at once does. Headless on Monocle.
 */
@ExtendWith(ApplicationExtension.class)
class WindowSkeletonUITest {
  private static final LaunchRequest DEMO = new LaunchRequest(List.of(), null, List.of());
  @TempDir
  static Path config;
  private MainWindow window;

  @Start
  void start(Stage stage) {
    window = SeismographApp.frame(stage, DEMO, new UserSettings(config), SeismographApp.openingMessage(DEMO));
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

  private void complete() {
    fxRun(() -> SeismographApp.complete(window, DEMO, new RecoveryStore(config.resolve("recovery"))));
  }

  @Test
  void theFirstFrameShowsTheMenusAndWhatIsOpeningButNoPanel() {
    await("the first layout", () -> window.scene().getRoot().getLayoutBounds().getWidth() > 0);
    BorderPane root = (BorderPane) window.scene().getRoot();
    assertTrue(fx(() -> root.getTop() instanceof MenuBar bar && bar.getMenus().size() >= 4), "the real menu bar");
    assertTrue(fx(() -> window.actionFactory().isBound(Actions.OPEN)), "File ▸ Open works before the panels are there");
    assertTrue(fx(() -> window.actionFactory().isBound(Actions.OPEN_FOLDER)), "File ▸ Open folder too");
    assertEquals("Opening the demo workspace…", fx(() -> ((Label) window.scene().lookup("#startup-message")).getText()));
    assertTrue(fx(() -> window.scene().lookup("#startup-message").isVisible()));
    assertEquals(WindowSkeleton.LANES, fx(() -> window.scene().lookup("#window-skeleton").lookupAll(".source-card").size()));
    assertNull(fx(() -> window.scene().lookup("#main-split")), "no panel before the first frame");
    assertNull(fx(window::timelineView));
    assertNull(fx(window::session));
  }

  @Test
  void theRestOfTheWindowTakesTheStandInsPlaceAndOpensFiles() {
    complete();
    assertNull(fx(() -> window.scene().lookup("#window-skeleton")));
    assertNotNull(fx(() -> window.scene().lookup("#main-split")));
    assertNotNull(fx(() -> window.scene().lookup("#status-counts")));
    assertNotNull(fx(window::session), "saving, annotations and detections attached");
    assertTrue(fx(() -> ((MenuBar) ((BorderPane) window.scene().getRoot()).getTop()).getMenus().stream()
        .anyMatch(m -> "menu-annotations".equals(m.getId()))), "the session's menus join the bar");
    var view = fx(window::timelineView);
    fxRun(window::buildPanels);
    assertSame(view, fx(window::timelineView), "the panels are built once");

    new WindowDriver(window).openAndWait(UiFixtures.demo().resolve("capture.pcap.gz"));
    await("the timeline to show the capture", () -> window.timelineView().isVisible() && window.timeline().frame() != null);
  }
}
