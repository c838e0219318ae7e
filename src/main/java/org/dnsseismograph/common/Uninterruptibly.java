package org.dnsseismograph.common;

/**
 * Waits that must not be cut short by an interrupt: work that hands data to another thread and
 * must see it finished (a batch merged, a producer stopped before what it reads is closed). The
 * interrupt is not lost: the thread's flag is set again once the wait is over. Use it only for
 * waits bounded by a little work of the other thread.
 */
public final class Uninterruptibly {
  private Uninterruptibly() {}

  /** A blocking wait that may be interrupted. */
  @FunctionalInterface
  public interface Wait {
    void await() throws InterruptedException;
  }

  /** Repeats {@code wait} until it returns without an interrupt, then restores any interrupt it had. */
  public static void await(Wait wait) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          wait.await();
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
