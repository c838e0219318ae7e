package org.dnsseismograph.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes a session's recovery copy a moment after each change, on its own daemon thread: the
 * first change after a write schedules the next write {@code delay} later (later changes in that
 * moment join it, and the newest state is written), so at most {@code delay} of work is ever
 * unwritten, however fast the analyst edits. The owner hands over immutable snapshots, so nothing
 * of the session is touched off its thread.
 *
 * <p>Thread-safe. Failures to write are kept ({@link #lastFailure()}) and reported to the
 * listener, never thrown; the next change tries again. {@link #discard} (after a save) runs after
 * any write already under way, so a saved session leaves no copy behind.
 */
public final class Autosave implements AutoCloseable {
  /** The default moment between a change and its recovery copy. */
  public static final long DEFAULT_DELAY_MILLIS = 1000;

  /**
   * What a write did. Immutable.
   *
   * @param generation the change number written (see {@link Autosave#changed})
   * @param failure why it failed, or null
   */
  public record Outcome(long generation, IOException failure) {}

  private final RecoveryStore store;
  private final long delayMillis;
  private final Clock clock;
  private final ScheduledExecutorService thread;
  private volatile Consumer<Outcome> listener = o -> {};
  private Workspace pending;
  private Path pendingFile;
  private ScheduledFuture<?> scheduled;
  private long generation;
  private volatile long written;
  private volatile IOException lastFailure;

  public Autosave(RecoveryStore store, long delayMillis, Clock clock) {
    if (delayMillis < 0) {
      throw new IllegalArgumentException("autosave delay must not be negative, got " + delayMillis);
    }
    this.store = store;
    this.delayMillis = delayMillis;
    this.clock = clock;
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "autosave");
      t.setDaemon(true);
      return t;
    });
  }

  public RecoveryStore store() {
    return store;
  }

  /** Called on the autosave thread after every write (successful or not). */
  public void setListener(Consumer<Outcome> l) {
    listener = l == null ? o -> {} : l;
  }

  /**
   * Records a change: {@code snapshot} (sources with absolute paths) will be written as the
   * recovery copy of {@code workspaceFile} (null: untitled) within the delay.
   *
   * @return the change's number; {@link #isWritten(long)} tells when it is on disk
   */
  public synchronized long changed(Workspace snapshot, Path workspaceFile) {
    pending = snapshot;
    pendingFile = workspaceFile;
    generation++;
    if (scheduled == null) {
      scheduled = thread.schedule(this::flush, delayMillis, TimeUnit.MILLISECONDS);
    }
    return generation;
  }

  /** Whether change number {@code g} (or a later one) has been written. */
  public boolean isWritten(long g) {
    return written >= g;
  }

  /** Whether everything handed over has been written (or discarded). */
  public synchronized boolean isCurrent() {
    return pending == null && written >= generation;
  }

  public IOException lastFailure() {
    return lastFailure;
  }

  /**
   * Drops any change not yet written and deletes the recovery copy of {@code workspaceFile} (the
   * session was saved there, or closed without keeping its edits).
   *
   * @return completed on the autosave thread once the copy is gone
   */
  public synchronized CompletableFuture<Void> discard(Path workspaceFile) {
    pending = null;
    if (scheduled != null) {
      scheduled.cancel(false);
      scheduled = null;
    }
    long g = ++generation;
    return CompletableFuture.runAsync(() -> {
      store.discard(workspaceFile);
      written = Math.max(written, g);
    }, thread);
  }

  private void flush() {
    Workspace w;
    Path f;
    long g;
    synchronized (this) {
      w = pending;
      f = pendingFile;
      g = generation;
      pending = null;
      scheduled = null;
    }
    if (w == null) {
      return;
    }
    IOException failure = null;
    try {
      store.write(w, f, clock.instant());
      lastFailure = null;
    } catch (IOException e) {
      failure = e;
      lastFailure = e;
    }
    if (failure == null) {
      written = Math.max(written, g);
    }
    listener.accept(new Outcome(g, failure));
  }

  /** Stops the thread after writing what is pending. */
  @Override
  public void close() {
    synchronized (this) {
      if (scheduled != null) {
        scheduled.cancel(false);
        scheduled = null;
        thread.execute(this::flush);
      }
    }
    thread.shutdown();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
