package org.dnsseismograph.common;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Progress} for tests that keeps every update, in order, and cancels the work from the
 * first update that meets a condition (or from the start, or never), so tests of long work can
 * check what progress was reported and that a cancel stops it.
 *
 * <p>Units are the work's own (bytes for captures). Thread-safe: the work may report from one
 * thread while the test reads from another. Never throws.
 */
public final class RecordingProgress implements Progress {

  /** One call of {@link Progress#update}: units done and units in all (-1 when unknown). */
  public record Update(long done, long total) {}

  /** When to cancel, judged on each update as it arrives. */
  @FunctionalInterface
  public interface CancelWhen {
    /** True when the work should stop from this update on. */
    boolean test(long done, long total);
  }

  private final List<Update> updates = new ArrayList<>();
  private final CancelWhen cancelWhen;
  private boolean cancelled;

  /** Records every update and never cancels. */
  public RecordingProgress() {
    this((done, total) -> false);
  }

  /** Records every update and cancels from the first one that meets {@code cancelWhen}. */
  public RecordingProgress(CancelWhen cancelWhen) {
    this.cancelWhen = cancelWhen;
  }

  /** A progress that is cancelled before the work reports anything. */
  public static RecordingProgress cancelledFromTheStart() {
    RecordingProgress p = new RecordingProgress();
    p.cancelled = true;
    return p;
  }

  @Override
  public synchronized void update(long done, long total) {
    updates.add(new Update(done, total));
    cancelled |= cancelWhen.test(done, total);
  }

  @Override
  public synchronized boolean isCancelled() {
    return cancelled;
  }

  /** The updates so far, oldest first (a copy). */
  public synchronized List<Update> updates() {
    return List.copyOf(updates);
  }

  /** The latest update; fails the test if there was none. */
  public synchronized Update last() {
    if (updates.isEmpty()) {
      throw new AssertionError("no progress was reported");
    }
    return updates.get(updates.size() - 1);
  }
}
