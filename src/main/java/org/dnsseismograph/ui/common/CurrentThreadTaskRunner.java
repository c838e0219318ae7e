package org.dnsseismograph.ui.common;

import java.util.concurrent.atomic.AtomicBoolean;
import org.dnsseismograph.common.CancelledException;
import org.dnsseismograph.common.Progress;

/**
 * Runs work at once on the calling thread and calls the outcome before {@link #submit} returns:
 * how view models run in plain unit tests and in scripts, with the same work functions the window
 * runs in the background (STYLE.md pattern 5). A job can only be cancelled before it starts, so
 * {@link #cancelNext()} lets a test see the cancelled path.
 *
 * <p>Not thread-safe; one thread.
 */
public final class CurrentThreadTaskRunner implements TaskRunner {
  private boolean cancelNext;

  /** The next submitted work sees a cancelled progress. */
  public void cancelNext() {
    cancelNext = true;
  }

  @Override
  public <T> Job submit(String title, Work<T> work, Outcome<T> outcome) {
    AtomicBoolean cancelled = new AtomicBoolean(cancelNext);
    cancelNext = false;
    Progress progress = new Progress() {
      @Override
      public void update(long done, long total) {}

      @Override
      public boolean isCancelled() {
        return cancelled.get();
      }
    };
    try {
      T value = work.run(progress);
      if (cancelled.get()) {
        outcome.cancelled();
      } else {
        outcome.succeeded(value);
      }
    } catch (CancelledException e) {
      outcome.cancelled();
    } catch (Exception e) {
      outcome.failed(e);
    }
    return new Job() {
      @Override
      public void cancel() {
        cancelled.set(true);
      }

      @Override
      public boolean isDone() {
        return true;
      }
    };
  }
}
