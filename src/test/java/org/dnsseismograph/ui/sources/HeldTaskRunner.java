package org.dnsseismograph.ui.sources;

import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.ui.common.CurrentThreadTaskRunner;
import org.dnsseismograph.ui.common.TaskRunner;

/**
 * A task runner that holds submitted work until the test releases it (on the test's thread, through
 * the real {@link CurrentThreadTaskRunner}): so a test can look at a source while it is still
 * loading, as the window does between frames.
 */
final class HeldTaskRunner implements TaskRunner {
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
  void runAll() {
    while (!held.isEmpty()) {
      held.remove(0).run();
    }
  }

  /** Runs the first held job only. */
  void runNext() {
    held.remove(0).run();
  }
}
