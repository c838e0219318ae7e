package org.dnsseismograph.ui.common;

import javafx.event.EventHandler;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Work a window does when its stage is hidden, once, after which the handler leaves the stage. A
 * handler left on the stage keeps the window it closes over reachable for as long as the stage
 * lives: a stage that shows window after window (the UI tests' one primary stage) then held every
 * window it had shown, with its sources, 1.2 GB after the UI tests.
 */
public final class StageEnd {
  private StageEnd() {}

  /** Runs {@code action} on the FX thread when {@code stage} is next hidden, then forgets it. */
  public static void whenHidden(Stage stage, Runnable action) {
    EventHandler<WindowEvent> once = new EventHandler<>() {
      @Override
      public void handle(WindowEvent e) {
        stage.removeEventHandler(WindowEvent.WINDOW_HIDDEN, this);
        action.run();
      }
    };
    stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, once);
  }
}
