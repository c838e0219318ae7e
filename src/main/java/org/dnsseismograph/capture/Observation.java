package org.dnsseismograph.capture;

import java.util.ArrayList;
import java.util.List;

/**
 * The intervals during which a live source was observing (running, not paused), handed to the
 * worker so the series know where quiet is a real zero. The controlling thread opens and closes
 * intervals; the worker takes what to cover. Epoch ns, UTC. Thread-safe (synchronized; a few calls
 * per second).
 */
final class Observation {
  private static final long NONE = Long.MIN_VALUE;

  private final List<long[]> closed = new ArrayList<>();
  private long openSince = NONE;

  synchronized void open(long nowNanos) {
    if (openSince == NONE) {
      openSince = nowNanos;
    }
  }

  synchronized void close(long nowNanos) {
    if (openSince != NONE) {
      closed.add(new long[] {openSince, Math.max(openSince, nowNanos)});
      openSince = NONE;
    }
  }

  /** The intervals to cover up to {@code nowNanos}: those closed since the last call, and the open one so far. */
  synchronized List<long[]> take(long nowNanos) {
    List<long[]> out = new ArrayList<>(closed);
    closed.clear();
    if (openSince != NONE && nowNanos > openSince) {
      out.add(new long[] {openSince, nowNanos});
    }
    return out;
  }
}
