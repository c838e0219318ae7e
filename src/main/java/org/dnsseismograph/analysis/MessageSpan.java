package org.dnsseismograph.analysis;

/**
 * The times of the first and last DNS message or skip the aggregator heard: the span the detection
 * grid covers, in {@code detect} and in the window's loader alike, so that both give the spike
 * baselines the same buckets (a capture's frames can begin before its first DNS message). Confined
 * to the aggregating thread.
 */
class MessageSpan implements TrafficObserver {
  private long first = Long.MAX_VALUE;
  private long last = Long.MIN_VALUE;

  @Override
  public boolean hearsTransactions() {
    return false;
  }

  @Override
  public void onMessage(MessageFacts m) {
    see(m.timeNanos);
  }

  @Override
  public void onSkipped(long timeNanos) {
    see(timeNanos);
  }

  private void see(long t) {
    if (t >= first && t <= last) {
      return;
    }
    first = Math.min(first, t);
    last = Math.max(last, t);
    widened(first, last);
  }

  /** Called whenever a time outside the span so far widened it. */
  protected void widened(long firstNanos, long lastNanos) {}

  /** The first time heard ({@link Long#MAX_VALUE} when none). */
  long first() {
    return first;
  }

  /** The last time heard ({@link Long#MIN_VALUE} when none). */
  long last() {
    return last;
  }
}
