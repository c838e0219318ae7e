package org.dnsseismograph.ui.common;

import java.util.function.LongSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Lets background work give the cores back while the window is behind with its frames. A timer
 * stamps every JavaFX pulse (System.nanoTime); a worker that calls {@link #yieldIfBehind()} at its
 * checkpoints sleeps while the last pulse is more than {@link #LATE_NANOS} old (the FX thread or
 * the renderer is drawing, or waiting for a core the work holds) until the next pulse, at most
 * {@link #MAX_PAUSE_NANOS} at a time. Pauses are paid from an allowance each worker earns at
 * {@link #PAUSE_SHARE} of its running time, so work always keeps at least two thirds of its pace,
 * whatever the window does or however loaded the machine is.
 *
 * <p>Thread-safe: {@link #started}/{@link #finished} may be called from any thread, {@link
 * #yieldIfBehind()} from any worker (an interrupted worker returns at once, flag kept). Needs a
 * started JavaFX toolkit.
 */
final class PulseGate {
  /** A pulse older than this (about two frames at 60 Hz) means the window is behind. */
  static final long LATE_NANOS = 30_000_000L;
  /** Longest single pause. */
  static final long MAX_PAUSE_NANOS = 40_000_000L;
  /** Pause time earned per ns of running: 0.5, so at most a third of the wall time is paused. */
  static final double PAUSE_SHARE = 0.5;
  /** Most pause time a worker may save up. */
  static final long MAX_ALLOWANCE_NANOS = 100_000_000L;

  private static final long SLEEP_NANOS = 2_000_000L;

  /** How a worker waits (a sleep; tests pass a fake that moves their clock). */
  @FunctionalInterface
  interface Sleeper {
    void sleep(long nanos) throws InterruptedException;
  }

  private final LongSupplier clock;
  private final Sleeper sleeper;
  private final ThreadLocal<long[]> budget;
  private volatile long lastPulse;
  private AnimationTimer timer;
  private int running;

  /** A gate on the system clock, stamped by a pulse timer while jobs run. */
  PulseGate() {
    this(System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L)));
  }

  PulseGate(LongSupplier clock, Sleeper sleeper) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.budget = ThreadLocal.withInitial(() -> new long[] {clock.getAsLong(), 0});
    this.lastPulse = clock.getAsLong();
  }

  /** Records a pulse (the timer calls this on every one). */
  void pulse() {
    lastPulse = clock.getAsLong();
  }

  /** A job started: stamp pulses while any runs. */
  synchronized void started() {
    if (running++ == 0) {
      pulse();
      onFx(() -> {
        if (timer == null) {
          timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
              pulse();
            }
          };
        }
        timer.start();
      });
    }
  }

  /** A job ended. */
  synchronized void finished() {
    if (running > 0 && --running == 0) {
      onFx(() -> {
        if (timer != null) {
          timer.stop();
        }
      });
    }
  }

  /** Called by a worker at a checkpoint: sleeps while the window is behind, within the worker's allowance. */
  void yieldIfBehind() {
    long[] b = budget.get();
    long now = clock.getAsLong();
    b[1] = Math.min(MAX_ALLOWANCE_NANOS, b[1] + (long) ((now - b[0]) * PAUSE_SHARE));
    long until = now + Math.min(b[1], MAX_PAUSE_NANOS);
    while (now - lastPulse > LATE_NANOS && now < until && !Thread.currentThread().isInterrupted()) {
      try {
        sleeper.sleep(Math.min(SLEEP_NANOS, until - now));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      long later = clock.getAsLong();
      b[1] -= later - now;
      now = later;
    }
    b[0] = now;
  }

  private static void onFx(Runnable r) {
    if (Platform.isFxApplicationThread()) {
      r.run();
    } else {
      Platform.runLater(r);
    }
  }
}
