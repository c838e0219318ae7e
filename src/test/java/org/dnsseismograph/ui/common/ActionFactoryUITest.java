package org.dnsseismograph.ui.common;

import static org.dnsseismograph.ui.WindowDriver.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Menus and shortcuts made from the Actions enum, on a real scene (headless on Monocle). */
@ExtendWith(ApplicationExtension.class)
class ActionFactoryUITest {
  private final List<String> ran = new ArrayList<>();
  private final SimpleBooleanProperty disabled = new SimpleBooleanProperty(true);
  private ActionFactory factory;
  private TextField field;

  @Start
  void start(Stage stage) {
    factory = new ActionFactory();
    factory.bind(Actions.OPEN, () -> ran.add("open"));
    factory.bind(Actions.WINDOW_10S, () -> ran.add("10s"));
    factory.bind(Actions.ZOOM_IN, () -> ran.add("zoom in"));
    factory.bind(Actions.BACK, () -> ran.add("back"), disabled);
    factory.submenu(Actions.OPEN_RECENT);
    field = new TextField();
    stage.setScene(new Scene(new VBox(factory.menuBar(), field), 600, 300));
    stage.show();
  }

  private List<String> menus() {
    return fx(() -> factory.menuBar().getMenus().stream().map(Menu::getText).toList());
  }

  private List<String> items(int menu) {
    return fx(() -> factory.menuBar().getMenus().get(menu).getItems().stream().map(MenuItem::getId).filter(java.util.Objects::nonNull).toList());
  }

  @Test
  void onlyBoundActionsAppearAndARegisteredComponentsEntriesAppearWithIt() {
    assertEquals(List.of("File", "View"), menus());
    assertEquals(List.of("action-open", "action-open-recent"), items(0));

    fx(() -> {
      factory.bind(Actions.SAVE, () -> ran.add("save"));
      factory.bind(Actions.UNDO, () -> ran.add("undo"));
      return null;
    });

    assertEquals(List.of("File", "Edit", "View"), menus());
    assertEquals(List.of("action-open", "action-open-recent", "action-save"), items(0));
    fx(() -> {
      factory.unbind(Actions.UNDO);
      return null;
    });
    assertEquals(List.of("File", "View"), menus());
  }

  @Test
  void shortcutsRunTheirActionsButNotWhileTypingInATextField(FxRobot robot) {
    robot.clickOn(factory.menuBar()).press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    fx(() -> {
      factory.menuBar().requestFocus();
      return null;
    });
    robot.press(KeyCode.CONTROL).press(KeyCode.O).release(KeyCode.O).release(KeyCode.CONTROL);
    robot.type(KeyCode.DIGIT2);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of("open", "10s"), ran);

    robot.clickOn(field).type(KeyCode.DIGIT2);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of("open", "10s"), ran, "the 2 went into the field");
    assertEquals("2", fx(field::getText));
  }

  /** The menu shows "+" beside Zoom in, as it shows Ctrl+O beside Open; pressing a key never runs it as a shortcut (the timeline's typed + does). */
  @Test
  void aTypedKeyIsShownInTheMenuButRunsNothingAsAShortcut(FxRobot robot) {
    MenuItem zoomIn = fx(() -> factory.menuBar().getMenus().get(1).getItems().stream().filter(i -> "action-zoom-in".equals(i.getId())).findFirst()
        .orElseThrow());
    assertEquals("+", fx(() -> zoomIn.getAccelerator().getDisplayText()));
    fx(() -> {
      factory.menuBar().requestFocus();
      return null;
    });
    robot.press(KeyCode.SHIFT).press(KeyCode.EQUALS).release(KeyCode.EQUALS).release(KeyCode.SHIFT);
    robot.press(KeyCode.ADD).release(KeyCode.ADD);
    robot.press(KeyCode.PLUS).release(KeyCode.PLUS);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of(), ran, "no key press matches it");
  }

  @Test
  void aDisabledActionDoesNotRun() {
    assertFalse(fx(() -> factory.run(Actions.BACK)));
    disabled.set(false);
    assertTrue(fx(() -> factory.run(Actions.BACK)));
    assertFalse(fx(() -> factory.run(Actions.QUIT)), "unbound");
    assertEquals(List.of("back"), ran);
  }

  @Test
  void theShortcutsHelpListsEveryBoundActionWithItsKeys() {
    String help = fx(factory::shortcutsText);

    assertTrue(help.contains("1 second window") == false, help);
    assertTrue(help.matches("(?s)File\\n.*O\\s+Open….*"), help);
    assertTrue(help.contains("+                      Zoom in"), help);
    assertTrue(help.contains("10 second window"), help);
    assertTrue(help.contains("Backspace"), help);
  }
}
