package org.dnsseismograph.render;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.dnsseismograph.series.TimeRange;

/**
 * Reduces frames away from the drawing thread, latest request wins: while one frame is reduced,
 * newer requests replace each other and only the newest is reduced next, so a fast zoom never
 * queues work. Finished frames are published through an atomic reference for the frame timer to
 * pick up ({@link #latest()}); buffers come back through {@link #recycle} so steady zooming
 * allocates nothing.
 *
 * <p>Thread-safe: {@link #request}, {@link #latest} and {@link #recycle} may be called from any
 * thread; reduction runs on the main executor, one frame at a time (with the helper, when there is
 * one and a core is spare).
 */
public final class FrameReducer {
  private record Request(List<Lane> lanes, TimeRange range, int columns) {}

  private final ReduceThreads threads;
  private final AtomicReference<Request> pending = new AtomicReference<>();
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicReference<FrameData> latest = new AtomicReference<>();
  private final AtomicLong generation = new AtomicLong();
  private final ConcurrentLinkedQueue<FrameData> spare = new ConcurrentLinkedQueue<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  /** A reducer running on {@code executor} alone (a single background thread; the caller's thread in tests). */
  public FrameReducer(Executor executor) {
    this(ReduceThreads.alone(executor));
  }

  /** A reducer running on {@code threads}' main thread, helped by its helper while a core is spare. */
  public FrameReducer(ReduceThreads threads) {
    this.threads = threads;
  }

  /** Asks for {@code lanes} over {@code range} in {@code columns} columns, replacing any request not yet started. */
  public void request(List<Lane> lanes, TimeRange range, int columns) {
    if (range.durationNanos() <= 0 || columns < 1) {
      return;
    }
    pending.set(new Request(List.copyOf(lanes), range, columns));
    drain();
  }

  /** The newest finished frame, or null before the first. */
  public FrameData latest() {
    return latest.get();
  }

  /**
   * True while a request has not been reduced yet (waiting or being reduced): a frame newer than
   * {@link #latest()} is on its way.
   */
  public boolean busy() {
    return pending.get() != null || running.get();
  }

  /** Gives back a frame the caller no longer reads; ignored if it is still the latest. */
  public void recycle(FrameData old) {
    if (old != null && old != latest.get() && spare.size() < 2) {
      spare.add(old);
    }
  }

  /** The first failure a series threw while being reduced, or null (it is also the series' defect to fix). */
  public Throwable failure() {
    return failure.get();
  }

  private void drain() {
    if (running.compareAndSet(false, true)) {
      try {
        threads.main().execute(this::run);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // The executor was shut down with its window: there is nobody left to draw for.
        running.set(false);
      }
    }
  }

  private void run() {
    try {
      for (Request r = pending.getAndSet(null); r != null; r = pending.getAndSet(null)) {
        FrameData f = spare.poll();
        try {
          latest.set((f == null ? new FrameData() : f).fill(r.lanes(), r.range(), r.columns(), generation.incrementAndGet(), threads.helperNow()));
        } catch (RuntimeException e) {
          failure.compareAndSet(null, e);
        }
      }
    } finally {
      running.set(false);
    }
    if (pending.get() != null) {
      drain();
    }
  }
}
