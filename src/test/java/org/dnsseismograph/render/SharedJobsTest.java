package org.dnsseismograph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedJobsTest {
  private final ExecutorService helper = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopHelper() throws InterruptedException {
    helper.shutdownNow();
    assertTrue(helper.awaitTermination(10, TimeUnit.SECONDS));
  }

  private static List<IntConsumer> counting(AtomicIntegerArray runs, Runnable each) {
    List<IntConsumer> jobs = new ArrayList<>();
    for (int i = 0; i < runs.length(); i++) {
      int k = i;
      jobs.add(worker -> {
        each.run();
        runs.incrementAndGet(k);
      });
    }
    return jobs;
  }

  private static void assertEachRanOnce(AtomicIntegerArray runs) {
    for (int i = 0; i < runs.length(); i++) {
      assertEquals(1, runs.get(i), "job " + i);
    }
  }

  @Test
  void withARealHelperEveryJobRunsExactlyOnceAndAllHaveRunWhenTheCallReturns() {
    for (int round = 0; round < 2_000; round++) {
      AtomicIntegerArray runs = new AtomicIntegerArray(1 + round % 40);
      SharedJobs.run(counting(runs, Thread::onSpinWait), helper);
      assertEachRanOnce(runs);
    }
  }

  @Test
  void bothThreadsTakeJobsWhenTheHelperGetsACoreEachToldItsWorkerIndex() {
    AtomicReference<Thread> other = new AtomicReference<>();
    Thread caller = Thread.currentThread();
    AtomicIntegerArray runs = new AtomicIntegerArray(200);
    AtomicIntegerArray wrongIndex = new AtomicIntegerArray(1);
    List<IntConsumer> jobs = new ArrayList<>();
    for (IntConsumer job : counting(runs, () -> sleepMillis(1))) {
      jobs.add(worker -> {
        boolean onCaller = Thread.currentThread() == caller;
        if (!onCaller) {
          other.set(Thread.currentThread());
        }
        if (worker != (onCaller ? SharedJobs.CALLER : SharedJobs.HELPER)) {
          wrongIndex.incrementAndGet(0);
        }
        job.accept(worker);
      });
    }
    SharedJobs.run(jobs, helper);
    assertEachRanOnce(runs);
    assertTrue(other.get() != null, "200 jobs of 1 ms and the helper took none");
    assertEquals(0, wrongIndex.get(0), "a job was told the other worker's index");
  }

  @Test
  void aHelperThatNeverStartsCostsNothingAndOneThatStartsLateFindsNothingLeft() {
    List<Runnable> parked = new ArrayList<>();
    AtomicIntegerArray runs = new AtomicIntegerArray(30);
    SharedJobs.run(counting(runs, () -> { }), parked::add);
    assertEachRanOnce(runs);
    assertEquals(1, parked.size());
    parked.get(0).run();
    assertEachRanOnce(runs);
  }

  @Test
  void theCallerWaitsForTheJobTheHelperHolds() {
    CountDownLatch helperBegan = new CountDownLatch(1);
    AtomicBoolean slowDone = new AtomicBoolean();
    IntConsumer slow = worker -> {
      helperBegan.countDown();
      sleepMillis(200);
      slowDone.set(true);
    };
    AtomicIntegerArray runs = new AtomicIntegerArray(2);
    List<IntConsumer> jobs = new ArrayList<>(List.of(slow));
    jobs.addAll(counting(runs, () -> { }));
    // Hands the list to the helper and lets the caller go on only once the helper holds the slow job.
    SharedJobs.run(jobs, task -> {
      helper.execute(task);
      awaitLatch(helperBegan);
    });
    assertTrue(slowDone.get(), "returned before the helper's job ended");
    assertEachRanOnce(runs);
  }

  @Test
  void aFailingJobIsThrownToTheCallerAfterTheOthersRan() {
    IllegalStateException boom = new IllegalStateException("series defect");
    for (int round = 0; round < 200; round++) {
      AtomicIntegerArray runs = new AtomicIntegerArray(10);
      List<IntConsumer> jobs = new ArrayList<>(counting(runs, () -> { }));
      jobs.add(round % 10, worker -> {
        throw boom;
      });
      IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> SharedJobs.run(jobs, helper));
      assertSame(boom, thrown);
      assertEachRanOnce(runs);
    }
  }

  @Test
  void aHelperShutDownWithItsWindowLeavesTheWorkToTheCaller() {
    AtomicIntegerArray runs = new AtomicIntegerArray(5);
    SharedJobs.run(counting(runs, () -> { }), r -> {
      throw new RejectedExecutionException("shut down");
    });
    assertEachRanOnce(runs);
  }

  private static void sleepMillis(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitLatch(CountDownLatch l) {
    try {
      l.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
