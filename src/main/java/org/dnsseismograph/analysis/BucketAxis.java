package org.dnsseismograph.analysis;

import java.util.Arrays;
import org.dnsseismograph.series.TimeRange;

/**
 * Maps capture times to UTC-aligned buckets ({@code floorDiv(t, step)}) and buckets to storage
 * slots shared by every column: buckets are grouped in chunks of {@value #CHUNK} and each chunk
 * that holds an event gets the next chunk index, so memory grows with the buckets actually used,
 * never with the span between a stray timestamp and the rest. At most {@code maxChunks} chunks
 * exist; an event that would need another is dropped and counted ({@link #overLimit()}).
 *
 * <p>A slot is {@code chunkIndex << CHUNK_BITS | (bucket & (CHUNK - 1))}. Two recently used
 * buckets are cached, so the common case (this bucket again) costs two comparisons. Confined to
 * the aggregating thread.
 */
final class BucketAxis {
  static final int CHUNK_BITS = 10;
  static final int CHUNK = 1 << CHUNK_BITS;

  private final long step;
  private final long windowFirst;
  private final long windowEnd;
  private final int maxChunks;
  private long[] chunkKeys;
  private int[] chunkValues;
  private int chunkCount;
  private long minBucket = Long.MAX_VALUE;
  private long maxBucket = Long.MIN_VALUE;
  private long overLimit;
  private long clock = Long.MIN_VALUE;
  private long lastBucket;

  private long hotStart = 1;
  private long hotEnd = 0;
  private long hotBucket;
  private int hotSlot;
  private long warmStart = 1;
  private long warmEnd = 0;
  private long warmBucket;
  private int warmSlot;

  BucketAxis(long stepNanos, TimeRange window, int maxBuckets) {
    this.step = stepNanos;
    boolean openStart = window == null || window.startNanos() == Long.MIN_VALUE;
    boolean openEnd = window == null || window.endNanos() == Long.MAX_VALUE;
    windowFirst = openStart ? Long.MIN_VALUE : Math.floorDiv(window.startNanos(), stepNanos);
    if (openEnd) {
      windowEnd = Long.MAX_VALUE;
    } else {
      windowEnd = window.durationNanos() == 0 ? windowFirst : Math.floorDiv(window.endNanos() - 1, stepNanos) + 1;
    }
    maxChunks = (maxBuckets + CHUNK - 1) / CHUNK + 1;
    int size = Integer.highestOneBit(Math.max(8, maxChunks) * 2 - 1) * 2;
    chunkKeys = new long[size];
    chunkValues = new int[size];
  }

  long step() {
    return step;
  }

  /** True when the window fixes the first reported bucket. */
  boolean hasWindowStart() {
    return windowFirst != Long.MIN_VALUE;
  }

  /**
   * The slot of the bucket holding {@code t}, creating it; -1 when {@code t} is outside the window
   * or the chunk limit is reached. Sets {@link #lastBucket()}.
   */
  int slotOf(long t) {
    if (t >= hotStart && t < hotEnd) {
      lastBucket = hotBucket;
      return hotSlot;
    }
    if (t >= warmStart && t < warmEnd) {
      swapCache();
      lastBucket = hotBucket;
      return hotSlot;
    }
    return slowSlotOf(t);
  }

  /**
   * Like {@link #slotOf} for an observation that no metric counts (the span of the data grows to
   * include it): not counted in {@link #overLimit()} when the limit refuses it.
   */
  void touch(long t) {
    if (t >= hotStart && t < hotEnd) {
      return;
    }
    long before = overLimit;
    slotOf(t);
    overLimit = before;
  }

  private int slowSlotOf(long t) {
    long b = Math.floorDiv(t, step);
    lastBucket = b;
    if (b < windowFirst || b >= windowEnd) {
      return -1;
    }
    int ci = chunkIndex(b >> CHUNK_BITS, true);
    if (ci < 0) {
      overLimit++;
      return -1;
    }
    int slot = (ci << CHUNK_BITS) | (int) (b & (CHUNK - 1));
    minBucket = Math.min(minBucket, b);
    maxBucket = Math.max(maxBucket, b);
    warmStart = hotStart;
    warmEnd = hotEnd;
    warmBucket = hotBucket;
    warmSlot = hotSlot;
    hotStart = b * step;
    hotEnd = hotStart > Long.MAX_VALUE - step ? Long.MAX_VALUE : hotStart + step;
    hotBucket = b;
    hotSlot = slot;
    return slot;
  }

  private void swapCache() {
    long s = hotStart;
    long e = hotEnd;
    long b = hotBucket;
    int sl = hotSlot;
    hotStart = warmStart;
    hotEnd = warmEnd;
    hotBucket = warmBucket;
    hotSlot = warmSlot;
    warmStart = s;
    warmEnd = e;
    warmBucket = b;
    warmSlot = sl;
  }

  /** The bucket number of the last {@link #slotOf} call. */
  long lastBucket() {
    return lastBucket;
  }

  /** The slot of a bucket if its chunk exists, else -1 (for reading). */
  int slotIfPresent(long bucket) {
    int ci = chunkIndex(bucket >> CHUNK_BITS, false);
    return ci < 0 ? -1 : (ci << CHUNK_BITS) | (int) (bucket & (CHUNK - 1));
  }

  private int chunkIndex(long chunk, boolean create) {
    int mask = chunkKeys.length - 1;
    int pos = (int) (chunk * 0x9E3779B97F4A7C15L >>> 40) & mask;
    while (chunkValues[pos] != 0) {
      if (chunkKeys[pos] == chunk) {
        return chunkValues[pos] - 1;
      }
      pos = (pos + 1) & mask;
    }
    if (!create || chunkCount >= maxChunks) {
      return -1;
    }
    chunkKeys[pos] = chunk;
    chunkValues[pos] = ++chunkCount;
    return chunkCount - 1;
  }

  /** Moves the clock (latest message time) forward; never back. */
  void advanceClock(long t) {
    if (t > clock) {
      clock = t;
    }
  }

  long clock() {
    return clock;
  }

  /**
   * First bucket to report: the window's start, else the earliest bucket with an event
   * (MAX_VALUE when none).
   */
  long firstBucket() {
    return hasWindowStart() ? windowFirst : minBucket;
  }

  /**
   * Number of buckets to report: up to the window's end, else to the last bucket with an event; 0
   * when an open end has no event to follow.
   */
  long bucketCount() {
    long first = firstBucket();
    long end = windowEnd != Long.MAX_VALUE ? windowEnd : maxBucket == Long.MIN_VALUE ? first : maxBucket + 1;
    return first == Long.MAX_VALUE || end <= first ? 0 : end - first;
  }

  /** Events dropped because the chunk limit was reached. */
  long overLimit() {
    return overLimit;
  }

  @Override
  public String toString() {
    return "BucketAxis[step " + step + ", " + chunkCount + " chunks, buckets " + Arrays.toString(new long[] {minBucket, maxBucket}) + "]";
  }
}
