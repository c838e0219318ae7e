package org.dnsseismograph.ui.common;

import static org.dnsseismograph.ui.WindowDriver.fx;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The empty-state hint waits before it shows and goes at once, on a real scene (headless on Monocle). */
@ExtendWith(ApplicationExtension.class)
class DelayedHintUITest {
  private final SimpleBooleanProperty empty = new SimpleBooleanProperty(true);
  private Label hint;

  @Start
  void start(Stage stage) {
    hint = new Label("No source yet");
    // Through a binding nobody else holds, as the windows do: the hint must keep it alive.
    DelayedHint.show(hint, Bindings.createBooleanBinding(empty::get, empty));
    stage.setScene(new Scene(new VBox(hint), 300, 100));
    stage.show();
  }

  private void awaitVisible() throws Exception {
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(hint::isVisible));
  }

  @Test
  void aConditionThatEndsWithinTheDelayNeverShowsTheHint() {
    fx(() -> {
      empty.set(false);
      return null;
    });
    WaitForAsyncUtils.sleep((long) DelayedHint.DELAY.toMillis() * 2, TimeUnit.MILLISECONDS);

    assertFalse(fx(hint::isVisible));
    assertFalse(fx(hint::isManaged), "a hidden hint takes no room");
  }

  @Test
  void aLastingConditionShowsTheHintAndItsEndHidesItAtOnce() throws Exception {
    System.gc();
    awaitVisible();
    assertTrue(fx(hint::isManaged));

    assertFalse(fx(() -> {
      empty.set(false);
      return hint.isVisible();
    }), "hidden in the same pulse as the condition ends");
    fx(() -> {
      empty.set(true);
      return null;
    });
    assertFalse(fx(hint::isVisible), "not at once when the condition comes back");
    awaitVisible();
  }

  @Test
  void aSecondConditionReplacesTheFirst() throws Exception {
    SimpleBooleanProperty other = new SimpleBooleanProperty(false);
    fx(() -> {
      DelayedHint.show(hint, other);
      return null;
    });
    WaitForAsyncUtils.sleep((long) DelayedHint.DELAY.toMillis() * 2, TimeUnit.MILLISECONDS);
    assertFalse(fx(hint::isVisible), "the first condition, still true, no longer counts");

    fx(() -> {
      other.set(true);
      return null;
    });
    awaitVisible();
  }
}
