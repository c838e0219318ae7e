package org.dnsseismograph.render;

import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * Where a timeline's frames are reduced: {@code main} runs each reduction; {@code helper} (null:
 * none) takes series of the same frame beside it whenever {@code spareCore} says, at the frame's
 * start, that no long work holds the other core. On two cores an idle window's redraw then takes
 * about half the wall time; while a capture loads, frames are reduced on {@code main} alone.
 *
 * @param main the thread of the reductions (a single thread; the caller's in tests)
 * @param helper a second thread, or null
 * @param spareCore asked once per frame, from {@code main}; must be thread-safe and quick
 */
public record ReduceThreads(Executor main, Executor helper, BooleanSupplier spareCore) {
  /** Reductions on {@code main} alone. */
  public static ReduceThreads alone(Executor main) {
    return new ReduceThreads(main, null, () -> false);
  }

  /** The helper for work starting now (a frame's reduction or drawing), or null when it should run alone. */
  public Executor helperNow() {
    return helper != null && spareCore.getAsBoolean() ? helper : null;
  }
}
