package org.dnsseismograph.capture;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

/**
 * The bounded queue between a source's receiving threads and its worker. Offering never blocks:
 * when the queue holds its most items or bytes, the item is dropped and counted, with the time it
 * carried (for the drop series). The byte bound is checked before adding, so with several producers
 * it may be exceeded by at most one item each. Thread-safe: any number of producers, one consumer.
 */
final class HandOff<T> {
  private final ArrayBlockingQueue<T> queue;
  private final long maxBytes;
  private final ToIntFunction<T> sizeOf;
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong droppedBytes = new AtomicLong();
  private volatile long lastDropNanos = Long.MIN_VALUE;
  private volatile boolean closed;

  HandOff(int maxItems, long maxBytes, ToIntFunction<T> sizeOf) {
    this.queue = new ArrayBlockingQueue<>(maxItems);
    this.maxBytes = maxBytes;
    this.sizeOf = sizeOf;
  }

  /**
   * Queues {@code item}, or drops and counts it when the queue is full or closed.
   *
   * @param timeNanos the item's time (epoch ns), remembered for a drop
   * @return true when queued
   */
  boolean offer(T item, long timeNanos) {
    int size = sizeOf.applyAsInt(item);
    if (!closed && bytes.get() + size <= maxBytes && queue.offer(item)) {
      bytes.addAndGet(size);
      return true;
    }
    dropped.incrementAndGet();
    droppedBytes.addAndGet(size);
    lastDropNanos = timeNanos;
    return false;
  }

  /** The next item, waiting at most {@code timeoutNanos}; null when none came. */
  T poll(long timeoutNanos) throws InterruptedException {
    T item = timeoutNanos <= 0 ? queue.poll() : queue.poll(timeoutNanos, TimeUnit.NANOSECONDS);
    if (item != null) {
      bytes.addAndGet(-sizeOf.applyAsInt(item));
    }
    return item;
  }

  /** Moves up to {@code max} waiting items into {@code into}; returns how many. */
  int drainTo(List<T> into, int max) {
    int before = into.size();
    int n = queue.drainTo(into, max);
    long size = 0;
    for (int i = before; i < into.size(); i++) {
      size += sizeOf.applyAsInt(into.get(i));
    }
    bytes.addAndGet(-size);
    return n;
  }

  /** Refuses further items (they count as dropped); what is queued can still be taken. */
  void close() {
    closed = true;
  }

  boolean isClosed() {
    return closed;
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }

  int depth() {
    return queue.size();
  }

  long bytesQueued() {
    return bytes.get();
  }

  long dropped() {
    return dropped.get();
  }

  long droppedBytes() {
    return droppedBytes.get();
  }

  /** The time of the last dropped item, or {@code Long.MIN_VALUE} before any drop. */
  long lastDropNanos() {
    return lastDropNanos;
  }
}
