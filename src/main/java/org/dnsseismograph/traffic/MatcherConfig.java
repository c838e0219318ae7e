package org.dnsseismograph.traffic;

/**
 * Settings of {@link QueryResponseMatcher}. Immutable.
 *
 * @param timeoutNanos how long, in capture time, a query waits for its response before it is
 *     unanswered; positive
 * @param capacity most queries pending at once; when full, the oldest is evicted as unanswered.
 *     At most about 220 bytes per pending query (slot 96, hash table 16, name overflow 36, arrival
 *     ring up to 32, recently-closed memory 16, bookkeeping 20); the table grows to this on demand
 */
public record MatcherConfig(long timeoutNanos, int capacity) {
  /** Three seconds, as issue 2 asks. */
  public static final long DEFAULT_TIMEOUT_NANOS = 3_000_000_000L;

  /** 262,144 pending queries: about 55 MB when full. */
  public static final int DEFAULT_CAPACITY = 1 << 18;

  /** Largest capacity accepted. */
  public static final int MAX_CAPACITY = 1 << 28;

  public MatcherConfig {
    if (timeoutNanos <= 0) {
      throw new IllegalArgumentException("timeout must be positive: " + timeoutNanos);
    }
    if (capacity < 1 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException("capacity must be 1.." + MAX_CAPACITY + ": " + capacity);
    }
  }

  /** The defaults: 3 s, 262,144 pending queries. */
  public static MatcherConfig defaults() {
    return new MatcherConfig(DEFAULT_TIMEOUT_NANOS, DEFAULT_CAPACITY);
  }

  public MatcherConfig withTimeout(long nanos) {
    return new MatcherConfig(nanos, capacity);
  }

  public MatcherConfig withCapacity(int pending) {
    return new MatcherConfig(timeoutNanos, pending);
  }
}
