package org.dnsseismograph.capture;

/**
 * A source of DNS traffic that arrives while it is watched: a capture on an interface ({@link
 * LiveCapture}) or a resolver's dnstap stream ({@link DnstapReceiver}). Data is taken on the
 * source's own threads, decoded on a worker thread behind a bounded queue (overflow is counted,
 * nothing ever waits for the UI), and published as immutable {@link LiveSnapshot}s at frame rate:
 * read the latest with {@link #snapshot()} from any thread, or receive each one through the
 * listener of {@link LiveOptions} — never one call per packet.
 *
 * <p>Thread-safety: every method may be called from any thread. {@link #start()} opens the
 * interface or socket and returns at once; {@link #stop()} blocks until the source's threads have
 * ended and the recording is closed (normally well under a second). A source that FAILED while
 * running (the interface went away) keeps its last counts and series; {@link #stop()} releases it.
 */
public interface LiveSource extends AutoCloseable {

  /** A short name for legends and the status bar. */
  String name();

  /**
   * Opens the interface or socket and starts taking data.
   *
   * @throws CaptureException when it cannot be opened (no permission, no such interface, a bad
   *     filter, an address in use); the message says what to do, in one line
   * @throws IllegalStateException when the source was already started
   */
  void start() throws CaptureException;

  /** Discards what arrives (counted) until {@link #resume()}; the series show no data meanwhile. No-op unless running. */
  void pause();

  /** Takes data again after {@link #pause()}. No-op unless paused. */
  void resume();

  /** Stops taking data, analyses what is queued, publishes a last snapshot, closes the recording. Idempotent. */
  void stop();

  /** The latest published snapshot; never null (before the start, an empty one). */
  LiveSnapshot snapshot();

  /** The same as {@link #stop()}. */
  @Override
  default void close() {
    stop();
  }
}
