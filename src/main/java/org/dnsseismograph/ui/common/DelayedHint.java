package org.dnsseismograph.ui.common;

import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.util.Duration;

/**
 * Shows an empty-state hint ("No source yet…", "Drop captures here…") only once its condition has
 * held for a moment, and hides it at once when the condition ends. At start-up the asked-for
 * sources arrive a few frames after the panels, and a hint bound straight to "empty" flashed in
 * those frames. FX thread only.
 */
public final class DelayedHint {
  /** How long the condition must hold before the hint shows. */
  public static final Duration DELAY = Duration.millis(700);

  private DelayedHint() {}

  /**
   * Makes {@code hint} visible, and managed, while {@code when} has been true for {@link #DELAY}.
   * Called again for the same hint, replaces its condition (the live window widens "no data").
   */
  public static void show(Node hint, ObservableBooleanValue when) {
    if (hint.getProperties().get(DelayedHint.class) instanceof BooleanProperty condition) {
      condition.bind(when);
      return;
    }
    // Held by the hint, and holding the binding given (whose only other holder may be a weak listener).
    BooleanProperty condition = new SimpleBooleanProperty();
    hint.getProperties().put(DelayedHint.class, condition);
    PauseTransition wait = new PauseTransition(DELAY);
    wait.setOnFinished(e -> hint.setVisible(condition.get()));
    hint.managedProperty().bind(hint.visibleProperty());
    hint.setVisible(false);
    condition.addListener((o, was, now) -> {
      if (now) {
        wait.playFromStart();
      } else {
        wait.stop();
        hint.setVisible(false);
      }
    });
    condition.bind(when);
  }
}
