package org.dnsseismograph.render;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Runs a list of independent jobs on the calling thread while a helper thread takes jobs from the
 * same list: each job runs once, on whichever thread takes it first. The caller never waits for a
 * job nobody has begun, only for the one the helper holds, so a helper that starts late, or is
 * pushed off its core, costs at most that one job and never the rest of the list (a fixed split
 * of the list would wait for the whole half of a descheduled helper).
 *
 * <p>A job is told which worker runs it, 0 for the caller and 1 for the helper, so that it can use
 * that worker's own scratch state (two jobs of one worker never overlap). Returns only once every
 * job has finished, on both threads, so the caller may reuse whatever the jobs wrote into. The
 * first failure of a job, on either thread, is thrown to the caller after that; the other jobs
 * still run. Thread-safe: every call is independent.
 */
public final class SharedJobs {
  /** The worker index of the calling thread. */
  public static final int CALLER = 0;
  /** The worker index of the helper thread. */
  public static final int HELPER = 1;

  /** Spins this long for the helper's last job before parking (a job lasts ~0.1–1 ms). */
  private static final long SPIN_NANOS = 50_000L;

  private final List<? extends IntConsumer> jobs;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile Thread waiter;

  private SharedJobs(List<? extends IntConsumer> jobs) {
    this.jobs = jobs;
  }

  /** Runs {@code jobs}, on this thread and on {@code helper} when it is not null. */
  public static void run(List<? extends IntConsumer> jobs, Executor helper) {
    SharedJobs shared = new SharedJobs(jobs);
    if (helper != null && jobs.size() > 1) {
      try {
        helper.execute(() -> shared.take(HELPER));
      } catch (RejectedExecutionException e) {
        // The helper was shut down with its window; the caller does every job itself.
      }
    }
    shared.take(CALLER);
    shared.awaitAll();
    shared.rethrow();
  }

  /** Takes and runs jobs as {@code worker} until none is left to begin. */
  private void take(int worker) {
    for (int i = next.getAndIncrement(); i < jobs.size(); i = next.getAndIncrement()) {
      try {
        jobs.get(i).accept(worker);
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      } finally {
        if (done.incrementAndGet() == jobs.size()) {
          Thread w = waiter;
          if (w != null) {
            LockSupport.unpark(w);
          }
        }
      }
    }
  }

  private void awaitAll() {
    // The waiter is published before done is read, and the helper reads it after counting its last
    // job: one of the two always sees the other, so the caller is never left parked.
    waiter = Thread.currentThread();
    long spinUntil = System.nanoTime() + SPIN_NANOS;
    while (done.get() < jobs.size()) {
      if (System.nanoTime() < spinUntil) {
        Thread.onSpinWait();
      } else {
        LockSupport.park(this);
      }
    }
  }

  private void rethrow() {
    Throwable t = failure.get();
    if (t instanceof RuntimeException e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException(t);
    }
  }
}
