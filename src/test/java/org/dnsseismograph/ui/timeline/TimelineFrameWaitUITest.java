package org.dnsseismograph.ui.timeline;

import static org.dnsseismograph.ui.WindowDriver.fx;
import static org.dnsseismograph.ui.WindowDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import javafx.stage.Stage;
import org.dnsseismograph.series.TimeRange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A new window waits for its frame before it is drawn, so that the canvas is painted once per view
 * rather than once with the old frame's series under the new axes and again when the frame lands;
 * but not for longer than {@link TimelineView#AWAIT_FRAME_MILLIS}, and not at all when no frame is
 * on its way. The frame step is called by hand here, with the frame timer stopped, and reductions
 * run only when the test lets them.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineFrameWaitUITest {
  /** Runs the reductions handed to it only on {@link #release}, on the thread that calls it. */
  private static final class HeldExecutor implements Executor {
    private final Queue<Runnable> held = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable r) {
      held.add(r);
    }

    void release() {
      Runnable r;
      while ((r = next()) != null) {
        r.run();
      }
    }

    private synchronized Runnable next() {
      return held.poll();
    }
  }

  private final HeldExecutor reducer = new HeldExecutor();
  private TimelineView view;
  private TimelineViewModel vm;

  @Start
  void start(Stage stage) {
    view = TimelineViewUITest.show(stage, reducer);
    vm = view.viewModel();
  }

  @BeforeEach
  void firstFrameDrawn() {
    WaitForAsyncUtils.waitForFxEvents();
    fxRun(() -> {
      view.ticker().stop();
      view.frame();
    });
    // the first layout asked for a frame at the plot's width
    reducer.release();
    assertTrue(fx(view::frame), "the first frame is drawn as it lands");
    assertEquals(fx(vm::visibleRange), fx(() -> vm.frame().range()));
  }

  @Test
  void aNewWindowIsDrawnOnceItsFrameLands() {
    TimeRange before = fx(vm::visibleRange);
    TimeRange zoomed = fx(() -> {
      vm.zoomIn();
      return vm.visibleRange();
    });
    assertNotEquals(before, zoomed);
    assertFalse(fx(view::frame), "nothing is drawn while the new window's frame is reduced");
    assertEquals(before, fx(() -> view.timelineLayout().view()), "the old picture stays up meanwhile");

    reducer.release();
    assertTrue(fx(view::frame));
    assertEquals(zoomed, fx(() -> view.timelineLayout().view()));
    assertEquals(zoomed, fx(() -> vm.frame().range()));
  }

  @Test
  void aSlowFrameIsNotWaitedForLongerThanTheLimit() throws InterruptedException {
    TimeRange zoomed = fx(() -> {
      vm.zoomIn();
      return vm.visibleRange();
    });
    assertFalse(fx(view::frame));
    Thread.sleep(TimelineView.AWAIT_FRAME_MILLIS + 50);
    assertTrue(fx(view::frame), "past the limit the axes go up over the old frame");
    assertEquals(zoomed, fx(() -> view.timelineLayout().view()));
    assertNotEquals(zoomed, fx(() -> vm.frame().range()));

    reducer.release();
    assertTrue(fx(view::frame), "and the frame is drawn when it lands");
    assertEquals(zoomed, fx(() -> vm.frame().range()));
  }

  @Test
  void aChangeThatNeedsNoFrameIsDrawnAtOnce() {
    fxRun(() -> vm.localZoneProperty().set(ZoneOffset.ofHours(2)));
    assertTrue(fx(view::frame), "local time changes the axes only: no frame is on its way");
  }
}
