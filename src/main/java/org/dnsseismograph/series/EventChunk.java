package org.dnsseismograph.series;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One sealed 10-second chunk of an {@link EventSeries}: 100 bin counts (100 ms), per-second minima
 * and maxima of those bins, the events before each second (11 running totals), and the exact events
 * as int ns offsets from their bin's start, sorted. Counts are packed in the narrowest of 1, 2 or 4
 * bytes that holds them, and the offsets follow them in the same array, so that reading a column
 * edge touches two objects, not three (a redraw is bound by cache misses, one or two per edge).
 *
 * <p>Memory: about 200 bytes per chunk (object, header, 131 packed counts) plus 4 bytes per event
 * while exact detail is kept; a chunk with no events is not stored at all (null). Immutable.
 */
final class EventChunk implements ChunkView {
  static final long BIN_NANOS = 100 * TimeUnits.NANOS_PER_MILLI;
  static final long CHUNK_NANOS = 10 * TimeUnits.NANOS_PER_SECOND;
  static final int BINS = 100;
  static final int SECONDS = 10;
  static final int BINS_PER_SECOND = 10;

  private static final int SECOND_MIN = BINS;
  private static final int SECOND_MAX = BINS + SECONDS;
  private static final int NARROW_ENTRIES = BINS + 2 * SECONDS;

  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());

  private final byte[] packed;
  private final byte binWidth;
  private final byte sumWidth;
  private final int countsLength;
  private final int total;
  private final int minBin;
  private final int maxBin;

  private EventChunk(byte[] packed, int binWidth, int sumWidth, int total, int minBin, int maxBin) {
    this.packed = packed;
    this.binWidth = (byte) binWidth;
    this.sumWidth = (byte) sumWidth;
    this.countsLength = countsLength(binWidth, sumWidth);
    this.total = total;
    this.minBin = minBin;
    this.maxBin = maxBin;
  }

  /**
   * Seals per-bin offset lists (unsorted, ns from each bin's start) into a chunk; null when there
   * are no events. The lists are copied, never modified, because published snapshots still read
   * them.
   */
  static EventChunk seal(int[][] lists, int[] lens) {
    int total = 0;
    int minBin = Integer.MAX_VALUE;
    int maxBin = 0;
    for (int j = 0; j < BINS; j++) {
      total += lens[j];
      minBin = Math.min(minBin, lens[j]);
      maxBin = Math.max(maxBin, lens[j]);
    }
    if (total == 0) {
      return null;
    }
    int bw = widthFor(maxBin);
    int sw = widthFor(total);
    byte[] packed = new byte[countsLength(bw, sw) + 4 * total];
    packCounts(packed, lens, bw, sw);
    packOffsets(packed, countsLength(bw, sw), lists, lens, total);
    return new EventChunk(packed, bw, sw, total, minBin, maxBin);
  }

  private static void packCounts(byte[] packed, int[] lens, int bw, int sw) {
    int before = 0;
    for (int k = 0; k < SECONDS; k++) {
      write(packed, NARROW_ENTRIES * bw + k * sw, sw, before);
      int lo = Integer.MAX_VALUE;
      int hi = 0;
      for (int j = k * BINS_PER_SECOND; j < (k + 1) * BINS_PER_SECOND; j++) {
        write(packed, j * bw, bw, lens[j]);
        lo = Math.min(lo, lens[j]);
        hi = Math.max(hi, lens[j]);
        before += lens[j];
      }
      write(packed, (SECOND_MIN + k) * bw, bw, lo);
      write(packed, (SECOND_MAX + k) * bw, bw, hi);
    }
    write(packed, NARROW_ENTRIES * bw + SECONDS * sw, sw, before);
  }

  /** Sorts each bin's offsets (bins in order, so all are sorted) into {@code packed} at {@code at}. */
  private static void packOffsets(byte[] packed, int at, int[][] lists, int[] lens, int total) {
    int[] offsets = new int[total];
    int n = 0;
    for (int j = 0; j < BINS; j++) {
      if (lens[j] > 0) {
        System.arraycopy(lists[j], 0, offsets, n, lens[j]);
        Arrays.sort(offsets, n, n + lens[j]);
        n += lens[j];
      }
    }
    for (int i = 0; i < total; i++) {
      INT.set(packed, at + 4 * i, offsets[i]);
    }
  }

  /**
   * Splits this chunk at ns {@code into} of bin {@code j}: exact counts before and after, and the
   * extremes of bins {@code [0, firstAfter)} and {@code [firstAfter, 100)}. Requires exact detail.
   */
  void fillEdge(int j, int into, int firstAfter, ChunkEdge edge) {
    int k = j / BINS_PER_SECOND;
    int lo = Integer.MAX_VALUE;
    int hi = -1;
    for (int s = 0; s < k; s++) {
      lo = Math.min(lo, secondMin(s));
      hi = Math.max(hi, secondMax(s));
    }
    int before = eventsBeforeSecond(k);
    int afterLo = Integer.MAX_VALUE;
    int afterHi = -1;
    for (int b = k * BINS_PER_SECOND; b < (k + 1) * BINS_PER_SECOND; b++) {
      int v = bin(b);
      if (b < j) {
        before += v;
      }
      if (b < firstAfter) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      } else {
        afterLo = Math.min(afterLo, v);
        afterHi = Math.max(afterHi, v);
      }
    }
    for (int s = k + 1; s < SECONDS; s++) {
      afterLo = Math.min(afterLo, secondMin(s));
      afterHi = Math.max(afterHi, secondMax(s));
    }
    edge.before = into == 0 ? before : before + countInBin(j, 0, into);
    edge.after = total - edge.before;
    edge.beforeMin = lo;
    edge.beforeMax = hi;
    edge.afterMin = afterLo;
    edge.afterMax = afterHi;
  }

  /** The same counts without the exact timestamps. */
  EventChunk withoutExact() {
    return hasExact() ? new EventChunk(Arrays.copyOf(packed, countsLength), binWidth, sumWidth, total, minBin, maxBin) : this;
  }

  @Override
  public int bin(int j) {
    return read(packed, j * binWidth, binWidth);
  }

  @Override
  public int secondSum(int k) {
    return eventsBeforeSecond(k + 1) - eventsBeforeSecond(k);
  }

  @Override
  public void foldBins(int j0, int j1, Fold f) {
    for (int j = j0; j < j1; j++) {
      int v = read(packed, j * binWidth, binWidth);
      f.add(v, v, v);
    }
  }

  @Override
  public void foldSeconds(int k0, int k1, Fold f) {
    int before = eventsBeforeSecond(k0);
    for (int k = k0; k < k1; k++) {
      int next = eventsBeforeSecond(k + 1);
      f.add(next - before, secondMin(k), secondMax(k));
      before = next;
    }
  }

  @Override
  public int secondMin(int k) {
    return read(packed, (SECOND_MIN + k) * binWidth, binWidth);
  }

  @Override
  public int secondMax(int k) {
    return read(packed, (SECOND_MAX + k) * binWidth, binWidth);
  }

  @Override
  public int total() {
    return total;
  }

  @Override
  public int minBin() {
    return minBin;
  }

  @Override
  public int maxBin() {
    return maxBin;
  }

  @Override
  public boolean hasExact() {
    return packed.length > countsLength;
  }

  @Override
  public int countInBin(int j, int from, int to) {
    int first = firstIndexOfBin(j);
    int last = first + bin(j);
    // Offsets are never negative, so a bin's start needs no search (every column edge asks this).
    int below = from <= 0 ? first : lowerBound(first, last, from);
    return lowerBound(first, last, to) - below;
  }

  /** Events before ns {@code into} of bin {@code j}: the exact count from the chunk's start. Requires exact detail. */
  int eventsBefore(int j, int into) {
    int first = firstIndexOfBin(j);
    return into <= 0 ? first : lowerBound(first, first + bin(j), into);
  }

  /**
   * The index of the offset that {@link #eventsBefore eventsBefore(j, into)} reads first, or -1 when
   * it reads none: lets a caller load the offsets of many edges before searching any of them.
   * Requires exact detail.
   */
  int firstProbe(int j, int into) {
    int n = bin(j);
    if (into <= 0 || n == 0) {
      return -1;
    }
    int first = firstIndexOfBin(j);
    return guess(first, first + n, into);
  }

  /** Reads a byte of each cache line of the counts: loads whose only purpose is to bring the lines in. */
  int probeCounts() {
    int sum = 0;
    for (int i = 0; i < countsLength; i += 64) {
      sum += packed[i];
    }
    return sum + packed[countsLength - 1];
  }

  /** The offset at {@code index}: a load whose only purpose is to bring its cache line in. */
  int probe(int index) {
    return offset(index);
  }

  /** Adds the extremes of bins {@code [j0, j1)} to {@code f} (nothing when empty), whole seconds from their summaries. */
  void foldExtremes(int j0, int j1, Fold f) {
    int lo = Integer.MAX_VALUE;
    int hi = -1;
    int j = j0;
    while (j < j1) {
      if (j % BINS_PER_SECOND == 0 && j + BINS_PER_SECOND <= j1) {
        int k = j / BINS_PER_SECOND;
        lo = Math.min(lo, secondMin(k));
        hi = Math.max(hi, secondMax(k));
        j += BINS_PER_SECOND;
      } else {
        int v = bin(j++);
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (hi >= 0) {
      f.addExtremes(lo, hi);
    }
  }

  /** Bytes this chunk holds, for memory accounting (JVM object headers estimated at 16 bytes). */
  long estimatedBytes() {
    return 16 + 24 + 16 + packed.length;
  }

  private static int countsLength(int binWidth, int sumWidth) {
    return NARROW_ENTRIES * binWidth + (SECONDS + 1) * sumWidth;
  }

  private int eventsBeforeSecond(int k) {
    return read(packed, NARROW_ENTRIES * binWidth + k * sumWidth, sumWidth);
  }

  private int firstIndexOfBin(int j) {
    int second = j / BINS_PER_SECOND;
    int from = second * BINS_PER_SECOND;
    if (j - from <= BINS_PER_SECOND / 2) {
      int index = eventsBeforeSecond(second);
      for (int i = from; i < j; i++) {
        index += bin(i);
      }
      return index;
    }
    // Nearer the next second's start: count back from it, reading fewer bins.
    int index = eventsBeforeSecond(second + 1);
    for (int i = j; i < from + BINS_PER_SECOND; i++) {
      index -= bin(i);
    }
    return index;
  }

  /**
   * The first index in {@code [lo, hi)} (one bin's sorted offsets) whose offset is at least {@code
   * key}, or {@code hi}. A bin's offsets spread over its 100 ms, so the search starts where an even
   * spread would put the key and gallops from there: a bin of hundreds of events costs one or two
   * cache lines instead of a binary search's ten.
   */
  private int lowerBound(int lo, int hi, int key) {
    if (lo >= hi) {
      return lo;
    }
    int guess = guess(lo, hi, key);
    int a;
    int b;
    if (offset(guess) < key) {
      a = guess + 1;
      int p = a;
      for (int step = 1; p < hi && offset(p) < key; step <<= 1) {
        a = p + 1;
        p += step;
      }
      b = Math.min(p, hi);
    } else {
      b = guess;
      int p = guess - 1;
      for (int step = 1; p >= lo && offset(p) >= key; step <<= 1) {
        b = p;
        p -= step;
      }
      a = Math.max(p + 1, lo);
    }
    return binarySearch(a, b, key);
  }

  /** Where an even spread of the non-empty bin {@code [lo, hi)} over its 100 ms puts offset {@code key}. */
  private static int guess(int lo, int hi, int key) {
    return lo + (int) Math.min(hi - lo - 1L, Math.max(0L, (long) (hi - lo) * key / BIN_NANOS));
  }

  /** The first index in {@code [lo, hi)} whose offset is at least {@code key}, or {@code hi}. */
  private int binarySearch(int lo, int hi, int key) {
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (offset(mid) < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private int offset(int i) {
    return (int) INT.get(packed, countsLength + 4 * i);
  }

  private static int widthFor(int max) {
    return max <= 0xFF ? 1 : max <= 0xFFFF ? 2 : 4;
  }

  private static void write(byte[] b, int at, int width, int v) {
    for (int i = width - 1; i >= 0; i--) {
      b[at + i] = (byte) v;
      v >>>= 8;
    }
  }

  private static int read(byte[] b, int at, int width) {
    switch (width) {
      case 1:
        return b[at] & 0xFF;
      case 2:
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
      default:
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
    }
  }
}
