package org.dnsseismograph.ui.timeline;

import javafx.animation.AnimationTimer;

/**
 * The frame timer: on every JavaFX pulse it runs the view's frame step, which takes up finished
 * reductions and redraws only the layers whose dirty flag is set. Nothing else in the timeline
 * schedules drawing, so however fast data or gestures arrive, each layer is drawn at most once a
 * frame. Counts frames that drew something, for tests and benchmarks.
 *
 * <p>FX thread only.
 */
public final class FrameTicker extends AnimationTimer {
  /** One frame's work; returns true when it drew anything. */
  @FunctionalInterface
  public interface Step {
    boolean run();
  }

  private final Step step;
  private long drawnFrames;
  private boolean running;

  public FrameTicker(Step step) {
    this.step = step;
  }

  @Override
  public void handle(long now) {
    if (step.run()) {
      drawnFrames++;
    }
  }

  @Override
  public void start() {
    running = true;
    super.start();
  }

  @Override
  public void stop() {
    running = false;
    super.stop();
  }

  public boolean isRunning() {
    return running;
  }

  /** Frames in which a layer was drawn. */
  public long drawnFrames() {
    return drawnFrames;
  }
}
