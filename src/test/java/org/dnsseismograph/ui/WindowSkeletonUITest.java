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
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.dnsseismograph.ui.common.UserSettings;
import org.dnsseismograph.workspace.RecoveryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window's first frame: the stand-in below the real menu bar (what is being opened, empty lanes,
 * no panel yet), then the panels in its place, working as before. Headless on Monocle.
 */
@ExtendWith(ApplicationExtension.class)
class WindowSkeletonUITest {
  @TempDir
  static Path config;
  private MainWindow window;
  private Node panels;
  private Node statusBar;

  @Start
  void start(Stage stage) {
    window = SeismographApp.build(stage, new LaunchRequest(List.of(), null, List.of()), new UserSettings(config),
        new RecoveryStore(config.resolve("recovery")));
    BorderPane root = (BorderPane) window.scene().getRoot();
    panels = root.getCenter();
    statusBar = root.getBottom();
    window.showSkeleton(SeismographApp.openingMessage(new LaunchRequest(List.of(), null, List.of())));
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

  @Test
  void theFirstFrameShowsTheMenusAndWhatIsOpeningButNoPanel() {
    await("the first layout", () -> window.scene().getRoot().getLayoutBounds().getWidth() > 0);
    BorderPane root = (BorderPane) window.scene().getRoot();
    assertTrue(fx(() -> root.getTop() instanceof MenuBar && ((MenuBar) root.getTop()).getMenus().size() > 3), "the real menu bar");
    assertEquals("Opening the demo workspace…", fx(() -> ((Label) window.scene().lookup("#startup-message")).getText()));
    assertTrue(fx(() -> window.scene().lookup("#startup-message").isVisible()));
    assertEquals(WindowSkeleton.LANES, fx(() -> window.scene().lookup("#window-skeleton").lookupAll(".source-card").size()));
    assertNull(fx(() -> window.scene().lookup("#main-split")), "no panel before the first frame");
    assertNull(fx(() -> window.scene().lookup("#status-counts")));
  }

  @Test
  void thePanelsTakeTheStandInsPlaceAndOpenFiles() throws Exception {
    fxRun(window::showPanels);
    BorderPane root = (BorderPane) window.scene().getRoot();
    assertSame(panels, fx(root::getCenter));
    assertSame(statusBar, fx(root::getBottom));
    assertNull(fx(() -> window.scene().lookup("#window-skeleton")));
    assertNotNull(fx(() -> window.scene().lookup("#main-split")));
    fxRun(window::showPanels);
    assertSame(panels, fx(root::getCenter), "a second call changes nothing");

    new WindowDriver(window).openAndWait(UiFixtures.demo().resolve("capture.pcap.gz"));
    await("the timeline to show the capture", () -> window.timelineView().isVisible() && window.timeline().frame() != null);
  }
}
