package org.dnsseismograph.common;

/**
 * Receives progress of long work and tells it whether to stop. Long operations in {@code wire},
 * {@code analysis} and {@code imports} take one; the UI wraps them in a JavaFX task, the CLI and
 * tests pass {@link #NONE} or a counting implementation.
 *
 * <p>Implementations must be cheap: {@link #update} may be called often (work throttles its own
 * calls to about once per megabyte or per thousand records), and must be thread-safe when read
 * from another thread.
 */
public interface Progress {

  /** A progress that ignores updates and is never cancelled. */
  Progress NONE = new Progress() {
        @Override
        public void update(long done, long total) {}

        @Override
        public boolean isCancelled() {
          return false;
        }
      };

  /**
   * Reports work done so far.
   *
   * @param done units done (bytes read, records processed)
   * @param total units in all, or -1 when unknown (a gzip stream, a live source)
   */
  void update(long done, long total);

  /** True once the user or caller asked the work to stop. */
  boolean isCancelled();

  /**
   * Throws {@link CancelledException} if cancellation was requested; call at natural checkpoints.
   */
  default void checkCancelled() {
    if (isCancelled()) {
      throw new CancelledException();
    }
  }
}
