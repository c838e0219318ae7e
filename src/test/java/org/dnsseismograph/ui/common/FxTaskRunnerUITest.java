package org.dnsseismograph.ui.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** What the runner says of the work it runs, on a started toolkit (headless on Monocle). */
@ExtendWith(ApplicationExtension.class)
class FxTaskRunnerUITest {
  private static final long LONG = TimeUnit.MILLISECONDS.toNanos(200);
  private final FxTaskRunner runner = new FxTaskRunner(2);
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    runner.shutdown();
  }

  private TaskRunner.Job holdUntilReleased(CountDownLatch began) {
    return runner.submit("Holding a core", p -> {
      began.countDown();
      release.await();
      return 1;
    }, new TaskRunner.Outcome<Integer>() {
      @Override
      public void succeeded(Integer value) {}

      @Override
      public void failed(Throwable error) {}
    });
  }

  @Test
  void workIsLongOnlyOnceItHasRunLongerThanAskedAndNoLongerOnceItEnds() throws Exception {
    assertFalse(runner.longWorkRunning(LONG), "nothing runs");
    CountDownLatch began = new CountDownLatch(1);
    TaskRunner.Job job = holdUntilReleased(began);
    assertTrue(began.await(5, TimeUnit.SECONDS));
    assertFalse(runner.longWorkRunning(TimeUnit.SECONDS.toNanos(60)), "running for less than a minute");
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> runner.longWorkRunning(LONG));

    release.countDown();
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, job::isDone);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !runner.longWorkRunning(LONG));
  }

  @Test
  void workCountedFromOutsideIsLongExactlyWhileItSaysItRuns() {
    java.util.concurrent.atomic.AtomicBoolean capturing = new java.util.concurrent.atomic.AtomicBoolean();
    runner.countAsLongWork(capturing::get);
    assertFalse(runner.longWorkRunning(LONG), "registered but not running");
    capturing.set(true);
    assertTrue(runner.longWorkRunning(LONG), "long at once: it runs until stopped");
    capturing.set(false);
    assertFalse(runner.longWorkRunning(LONG));
  }
}
