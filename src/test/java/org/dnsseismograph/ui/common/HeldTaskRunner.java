package org.dnsseismograph.ui.common;

import java.util.ArrayList;
import java.util.List;

/**
 * A task runner that holds submitted work until the test releases it (on the test's thread, through
 * the real {@link CurrentThreadTaskRunner}): so a test can look at a source while it is still
 * loading, or a summary while it is still being computed, as the window does between frames.
 */
public final class HeldTaskRunner implements TaskRunner {
  private final CurrentThreadTaskRunner runner = new CurrentThreadTaskRunner();
  private final List<Runnable> held = new ArrayList<>();

  @Override
  public <T> Job submit(String title, Work<T> work, Outcome<T> outcome) {
    boolean[] cancelled = {false};
    boolean[] done = {false};
    held.add(() -> {
      if (cancelled[0]) {
        outcome.cancelled();
      } else {
        runner.submit(title, work, outcome);
      }
      done[0] = true;
    });
    return new Job() {
      @Override
      public void cancel() {
        cancelled[0] = true;
      }

      @Override
      public boolean isDone() {
        return done[0];
      }
    };
  }

  /** Runs every held job, and those they submit, in order. */
  public void runAll() {
    while (!held.isEmpty()) {
      held.remove(0).run();
    }
  }

  /** Runs the first held job only. */
  public void runNext() {
    held.remove(0).run();
  }
}
