package org.dnsseismograph.capture;

import java.util.function.Consumer;

/**
 * How a live source hands data to its worker and publishes snapshots. Memory held by the queue is
 * at most about {@code queueBytes} plus 100 bytes per item. Immutable.
 *
 * @param queueItems most items (frames, dnstap frames) waiting for the worker; beyond, new ones are
 *     dropped and counted (a capture still records them)
 * @param queueBytes most payload bytes waiting for the worker; beyond, likewise
 * @param publishIntervalNanos time between two snapshots: the frame period (33 ms: 30 per second)
 * @param listener receives every snapshot on the worker thread right after it is published (must
 *     return quickly: hand it to the UI's frame timer, do not draw in it); null for none
 */
public record LiveOptions(int queueItems, long queueBytes, long publishIntervalNanos, Consumer<LiveSnapshot> listener) {
  public LiveOptions {
    if (queueItems < 1 || queueBytes < 1) {
      throw new IllegalArgumentException("queue bounds must be positive: " + queueItems + " items, " + queueBytes + " bytes");
    }
    if (publishIntervalNanos < 1_000_000L) {
      throw new IllegalArgumentException("publish interval must be at least 1 ms: " + publishIntervalNanos + " ns");
    }
  }

  /** 65,536 items or 64 MiB queued, 30 snapshots per second, no listener. */
  public static LiveOptions defaults() {
    return new LiveOptions(1 << 16, 64L << 20, 33_333_333L, null);
  }

  public LiveOptions withQueue(int items, long bytes) {
    return new LiveOptions(items, bytes, publishIntervalNanos, listener);
  }

  public LiveOptions withPublishInterval(long nanos) {
    return new LiveOptions(queueItems, queueBytes, nanos, listener);
  }

  public LiveOptions withListener(Consumer<LiveSnapshot> newListener) {
    return new LiveOptions(queueItems, queueBytes, publishIntervalNanos, newListener);
  }
}
