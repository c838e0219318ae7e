package org.dnsseismograph.ui.common;

import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * The one way onto the JavaFX application thread: runs a task at once when called on that thread,
 * otherwise queues it with {@link Platform#runLater}. Use it as the executor of {@code
 * thenAcceptAsync(..., fx)} and for the rare hand-over that is not a frame-timer pick-up; never once
 * per packet or progress tick (STYLE.md: producers publish snapshots that the frame timer reads).
 *
 * <p>Thread-safe. Needs a started JavaFX toolkit.
 */
public final class FxExecutor implements Executor {
  /** The executor of the running JavaFX toolkit. */
  public static final FxExecutor INSTANCE = new FxExecutor();

  private FxExecutor() {}

  /** Queues {@code task} for the next turn of the FX thread, even when called on it. */
  public void later(Runnable task) {
    Platform.runLater(Objects.requireNonNull(task, "task"));
  }

  @Override
  public void execute(Runnable task) {
    Objects.requireNonNull(task, "task");
    if (Platform.isFxApplicationThread()) {
      task.run();
    } else {
      Platform.runLater(task);
    }
  }
}
