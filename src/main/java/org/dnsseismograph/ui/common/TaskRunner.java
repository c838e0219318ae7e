package org.dnsseismograph.ui.common;

import org.dnsseismograph.common.Progress;

/**
 * Runs long work (a plain function taking a {@link Progress}, as {@code analysis} and {@code
 * imports} write it) away from the FX thread and reports its end on the FX thread: the one seam
 * between view models and threads. {@link FxTaskRunner} wraps the work in a {@code
 * javafx.concurrent.Task} on a background pool; {@link CurrentThreadTaskRunner} runs it at once on
 * the caller's thread, for view-model tests and scripts (JabRef's pattern).
 *
 * <p>Implementations are thread-safe; callbacks of one job run once, on the FX thread (or the
 * caller's thread for the current-thread runner).
 */
public interface TaskRunner {

  /** Work that may take long; it checks {@link Progress#isCancelled()} at natural points. */
  @FunctionalInterface
  interface Work<T> {
    T run(Progress progress) throws Exception;
  }

  /** How a job ended; exactly one method is called, once. */
  interface Outcome<T> {
    void succeeded(T value);

    /** The work threw; {@code error} is what it threw (never a {@code CancelledException}). */
    void failed(Throwable error);

    /** The work was cancelled (by {@link Job#cancel()} or by throwing {@code CancelledException}). */
    default void cancelled() {}
  }

  /** A submitted job. */
  interface Job {
    /** Asks the work to stop; its {@link Outcome#cancelled()} follows unless it had already ended. */
    void cancel();

    boolean isDone();
  }

  /** Starts {@code work}; {@code outcome} hears how it ended. */
  <T> Job submit(String title, Work<T> work, Outcome<T> outcome);
}
