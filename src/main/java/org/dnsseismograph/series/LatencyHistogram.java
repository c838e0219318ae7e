package org.dnsseismograph.series;

import java.util.Arrays;

/**
 * A log-linear histogram of non-negative durations (nanoseconds) that answers nearest-rank
 * percentiles with a bounded relative error, in memory that does not grow with the number of
 * values recorded.
 *
 * <p><b>Bins.</b> Values below 1024 ns have one bin each (exact). Above, every octave {@code [2^e,
 * 2^(e+1))} is cut into 512 bins of equal width {@code 2^(e-9)}. A value is reported as its bin's
 * middle ({@code low + (width - 1) / 2}), clamped to the exact minimum and maximum recorded, so
 * the reported value differs from the true one by at most half a bin: a relative error of at most
 * {@code 2^-10} (0.098 %). The smallest and largest ranks are answered exactly (the minimum and
 * maximum are tracked exactly). The whole {@code long} range fits in 28,160 bins.
 *
 * <p><b>Percentile definition (nearest rank).</b> The p-th percentile of N values is the value of
 * rank {@code ceil(p * N / 100)} (1-based) in ascending order, computed in integer arithmetic; the
 * histogram returns that value quantized as above. p = 100 is the maximum.
 *
 * <p><b>Memory.</b> The first {@code rawLimit} values are kept as they are (a sorted copy answers
 * exactly the same as the bins would); beyond that, bins are held in pages of 512 counters
 * allocated on first use. {@link #clear()} keeps the pages, so a pooled histogram stops allocating
 * once warmed up.
 *
 * <p>Not thread-safe. {@link #record} rejects negative values with {@link
 * IllegalArgumentException}.
 *
 * @see <a href="https://en.wikipedia.org/wiki/Percentile#The_nearest-rank_method">nearest-rank
 *     method</a>
 */
public final class LatencyHistogram {
  /** Values below {@code 2^SUB_BITS} are exact; each octave above has {@code 2^(SUB_BITS-1)} bins. */
  static final int SUB_BITS = 10;

  private static final int EXACT = 1 << SUB_BITS;
  private static final int HALF = EXACT >>> 1;
  private static final int BIN_COUNT = EXACT + (63 - SUB_BITS) * HALF;
  private static final int PAGE_BITS = 9;
  private static final int PAGE_SIZE = 1 << PAGE_BITS;
  private static final int PAGES = BIN_COUNT >>> PAGE_BITS;

  /** Default number of values kept raw before switching to bins. */
  public static final int DEFAULT_RAW_LIMIT = 128;

  private final int rawLimit;
  private long[] raw;
  private int rawCount;
  private boolean binned;
  private final int[][] pages = new int[PAGES][];
  private long count;
  private long min = Long.MAX_VALUE;
  private long max = Long.MIN_VALUE;
  /** Where the last bin walk stopped: the bin, and the count of the bins before it. */
  private int walkPage;

  private int walkIndex;
  private long walkSeen;

  /** A histogram that keeps the first {@link #DEFAULT_RAW_LIMIT} values raw. */
  public LatencyHistogram() {
    this(DEFAULT_RAW_LIMIT);
  }

  /** A histogram that keeps the first {@code rawLimit} values raw (0: bins from the start). */
  public LatencyHistogram(int rawLimit) {
    if (rawLimit < 0) {
      throw new IllegalArgumentException("raw limit must not be negative: " + rawLimit);
    }
    this.rawLimit = rawLimit;
    this.raw = new long[Math.min(rawLimit, 16)];
  }

  /** Records one value in nanoseconds. */
  public void record(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("negative duration: " + nanos);
    }
    count++;
    min = Math.min(min, nanos);
    max = Math.max(max, nanos);
    if (binned) {
      addToBin(binOf(nanos));
    } else {
      recordRaw(nanos);
    }
  }

  /** Keeps the value raw while there is room; else moves every raw value to the bins. */
  private void recordRaw(long nanos) {
    if (rawCount < rawLimit) {
      if (rawCount == raw.length) {
        raw = Arrays.copyOf(raw, Math.min(rawLimit, raw.length * 2));
      }
      raw[rawCount++] = nanos;
      return;
    }
    binned = true;
    for (int i = 0; i < rawCount; i++) {
      addToBin(binOf(raw[i]));
    }
    rawCount = 0;
    addToBin(binOf(nanos));
  }

  /**
   * Counts a bin. Which pages were used is not noted here: every value lies between the minimum
   * and the maximum, so only the pages of their bins and those between can be non-zero.
   */
  private void addToBin(int bin) {
    int[] p = pages[bin >>> PAGE_BITS];
    if (p == null) {
      p = newPage(bin >>> PAGE_BITS);
    }
    p[bin & (PAGE_SIZE - 1)]++;
  }

  private int[] newPage(int page) {
    int[] p = new int[PAGE_SIZE];
    pages[page] = p;
    return p;
  }

  /** Number of values recorded. */
  public long count() {
    return count;
  }

  /** The exact smallest value recorded; only meaningful when {@link #count()} is positive. */
  public long min() {
    return min;
  }

  /** The exact largest value recorded; only meaningful when {@link #count()} is positive. */
  public long max() {
    return max;
  }

  /**
   * The nearest-rank percentile, quantized to its bin (see the class comment).
   *
   * @param percent 1 to 100
   * @throws IllegalStateException when nothing was recorded
   */
  public long valueAtPercentile(int percent) {
    checkPercent(percent);
    if (count == 0) {
      throw new IllegalStateException("no values recorded");
    }
    return valueAtRank(nearestRank(count, percent), false);
  }

  /**
   * Fills {@code out[i]} with {@link #valueAtPercentile}{@code (percents[i])} for every i, walking
   * the bins once rather than once per percentile.
   *
   * @param percents ascending, each 1 to 100
   * @param out at least as long as {@code percents}
   * @throws IllegalArgumentException when the percents are out of range or not ascending
   * @throws IllegalStateException when nothing was recorded
   */
  public void valuesAtPercentiles(int[] percents, long[] out) {
    for (int i = 0; i < percents.length; i++) {
      checkPercent(percents[i]);
      if (i > 0 && percents[i] < percents[i - 1]) {
        throw new IllegalArgumentException("percentiles must be ascending: " + Arrays.toString(percents));
      }
    }
    if (count == 0) {
      throw new IllegalStateException("no values recorded");
    }
    restartWalk();
    for (int i = 0; i < percents.length; i++) {
      out[i] = valueAtRank(nearestRank(count, percents[i]), true);
    }
  }

  private static void checkPercent(int percent) {
    if (percent < 1 || percent > 100) {
      throw new IllegalArgumentException("percentile must be 1..100: " + percent);
    }
  }

  /** @param resume whether the bin walk may go on from where the last one in this histogram state stopped */
  private long valueAtRank(long rank, boolean resume) {
    if (rank == count) {
      return max;
    }
    if (rank == 1) {
      return min;
    }
    long v = binned ? binnedValueAtRank(rank, resume) : rawValueAtRank(rank);
    return Math.max(min, Math.min(max, v));
  }

  /** The 1-based nearest rank {@code ceil(percent * count / 100)}, at least 1. */
  public static long nearestRank(long count, int percent) {
    return Math.max(1, Math.floorDiv(Math.multiplyExact(count, percent) + 99, 100));
  }

  private long rawValueAtRank(long rank) {
    Arrays.sort(raw, 0, rawCount);
    return representative(binOf(raw[(int) rank - 1]));
  }

  private long binnedValueAtRank(long rank, boolean resume) {
    if (!resume || rank <= walkSeen) {
      restartWalk();
    }
    int last = binOf(max) >>> PAGE_BITS;
    long seen = walkSeen;
    for (int page = walkPage; page <= last; page++) {
      int[] p = pages[page];
      if (p == null) {
        continue;
      }
      for (int i = page == walkPage ? walkIndex : 0; i < PAGE_SIZE; i++) {
        if (seen + p[i] >= rank) {
          // Stop before this bin, so that a next, higher rank may still land in it.
          walkPage = page;
          walkIndex = i;
          walkSeen = seen;
          return representative((page << PAGE_BITS) + i);
        }
        seen += p[i];
      }
    }
    throw new IllegalStateException("bin counts disagree with the value count " + count);
  }

  private void restartWalk() {
    // Nothing below the minimum's page was counted in.
    walkPage = binOf(min) >>> PAGE_BITS;
    walkIndex = 0;
    walkSeen = 0;
  }

  /** Forgets every value; keeps the pages allocated for reuse. */
  public void clear() {
    if (binned) {
      // Only the pages from the minimum's to the maximum's can have been counted in.
      int last = binOf(max) >>> PAGE_BITS;
      for (int page = binOf(min) >>> PAGE_BITS; page <= last; page++) {
        if (pages[page] != null) {
          Arrays.fill(pages[page], 0);
        }
      }
    }
    rawCount = 0;
    binned = false;
    count = 0;
    min = Long.MAX_VALUE;
    max = Long.MIN_VALUE;
  }

  /**
   * The bin of a non-negative value, without a branch: the shift is the octave's exponent less
   * {@code SUB_BITS - 1}, clamped at 0, so values below {@code 2^SUB_BITS} keep their own bin and
   * each octave above starts {@code 2^(SUB_BITS-1)} bins after the one below it.
   */
  static int binOf(long v) {
    int shift = Math.max(0, 64 - SUB_BITS - Long.numberOfLeadingZeros(v));
    return (shift << (SUB_BITS - 1)) + (int) (v >>> shift);
  }

  /** The smallest value of a bin. */
  static long binLow(int bin) {
    if (bin < EXACT) {
      return bin;
    }
    int k = bin - EXACT;
    int e = k / HALF + SUB_BITS;
    long sub = k % HALF + HALF;
    return sub << (e - SUB_BITS + 1);
  }

  /** The number of distinct values in a bin. */
  static long binWidth(int bin) {
    return bin < EXACT ? 1 : 1L << ((bin - EXACT) / HALF + 1);
  }

  /** The value reported for a bin: its middle, rounded down. */
  static long representative(int bin) {
    return binLow(bin) + (binWidth(bin) - 1) / 2;
  }
}
