package org.dnsseismograph.ui.common;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javafx.concurrent.Task;
import org.dnsseismograph.common.CancelledException;
import org.dnsseismograph.common.Progress;

/**
 * Runs work as a {@code javafx.concurrent.Task} on a small pool of daemon threads; the task's
 * succeeded, failed and cancelled transitions (on the FX thread) call the {@link Outcome}. The work's
 * {@link Progress} is cancelled with the task. Progress figures are not pushed to the FX thread
 * here: work publishes snapshots that the window's frame timer reads.
 *
 * <p>The workers yield to the window: they run at the lowest thread priority (honoured where the
 * JVM maps priorities to the system's; on Linux only with {@code -XX:ThreadPriorityPolicy=1}), and
 * at each cancellation check or progress update of their work they pause while the window is
 * behind with its frames, within a bounded share of their time ({@link PulseGate}). A 10-million
 * packet load then leaves the FX and render threads a core while the analyst zooms.
 *
 * <p>Thread-safe; {@link #submit} may be called from any thread. Needs a started JavaFX toolkit.
 */
public final class FxTaskRunner implements TaskRunner {
  private final ExecutorService pool;
  private final PulseGate gate = new PulseGate();
  /** When each worker began the work it runs now (System.nanoTime); absent while it waits. */
  private final Map<Thread, Long> begun = new ConcurrentHashMap<>();
  /** Work on threads of its own (live sources), long while its supplier says it runs. */
  private final List<BooleanSupplier> outside = new CopyOnWriteArrayList<>();

  /** A runner with {@code threads} worker threads (loads, estimates and side-panel sums share them). */
  public FxTaskRunner(int threads) {
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "seismograph-work-" + n.incrementAndGet());
      t.setDaemon(true);
      t.setPriority(Thread.MIN_PRIORITY);
      return t;
    });
  }

  @Override
  public <T> Job submit(String title, Work<T> work, Outcome<T> outcome) {
    WorkTask<T> task = new WorkTask<>(title, work, gate);
    task.setOnSucceeded(e -> {
      gate.finished();
      outcome.succeeded(task.getValue());
    });
    task.setOnCancelled(e -> {
      gate.finished();
      outcome.cancelled();
    });
    task.setOnFailed(e -> {
      gate.finished();
      if (task.getException() instanceof CancelledException) {
        outcome.cancelled();
      } else {
        outcome.failed(task.getException());
      }
    });
    gate.started();
    try {
      pool.execute(() -> {
        begun.put(Thread.currentThread(), System.nanoTime());
        try {
          task.run();
        } finally {
          begun.remove(Thread.currentThread());
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // Shut down with the window: work asked for while it closes is cancelled, not thrown at the caller.
      task.cancel(false);
    }
    return new Job() {
      @Override
      public void cancel() {
        task.cancel(false);
      }

      @Override
      public boolean isDone() {
        return task.isDone();
      }
    };
  }

  /**
   * Whether some work has been running for more than {@code nanos}: a load or a detection holds a
   * core for seconds, while the side panel's sums and the estimates mostly end within a frame or two.
   * Work {@link #countAsLongWork counted from outside} is long whenever it runs.
   */
  public boolean longWorkRunning(long nanos) {
    long now = System.nanoTime();
    for (long t : begun.values()) {
      if (now - t > nanos) {
        return true;
      }
    }
    for (BooleanSupplier running : outside) {
      if (running.getAsBoolean()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Counts work that runs on threads of its own, not in this pool, as long work while {@code
   * running} says so: a live capture or a dnstap receiver takes and decodes traffic for as long as it
   * runs, as a load does. {@code running} is asked on every {@link #longWorkRunning} call, from any
   * thread: it must be thread-safe and quick.
   */
  public void countAsLongWork(BooleanSupplier running) {
    outside.add(Objects.requireNonNull(running, "running"));
  }

  /** Stops the worker threads (running work is interrupted); work submitted afterwards is cancelled at once. */
  public void shutdown() {
    pool.shutdownNow();
  }

  /** The task: its {@code call} is the plain work with a progress that reads the task's cancel flag. */
  private static final class WorkTask<T> extends Task<T> {
    private final Work<T> work;
    private final PulseGate gate;

    WorkTask(String title, Work<T> work, PulseGate gate) {
      this.work = work;
      this.gate = gate;
      updateTitle(title);
    }

    @Override
    protected T call() throws Exception {
      return work.run(new Progress() {
        @Override
        public void update(long done, long total) {
          // Figures reach the window through published snapshots, read once per frame; this is a checkpoint.
          gate.yieldIfBehind();
        }

        @Override
        public boolean isCancelled() {
          gate.yieldIfBehind();
          return WorkTask.this.isCancelled();
        }
      });
    }
  }
}
