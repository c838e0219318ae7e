package org.dnsseismograph.series;

/**
 * Read access to every resolution of an {@link EventSeries} snapshot: level {@code dl} has buckets
 * of 100 ms × 10^dl (100 ms, 1 s, 10 s, 100 s, 1000 s, 10^4 s, 10^5 s), each with an event count
 * and the extremes of the 100 ms bin counts inside. Levels 0–1 live in the chunks, level 2 and up
 * in {@link SummaryLevel}s. Chunks from {@code sealedEnd} on are the live tail, read from frozen
 * open chunks; coarse summaries exist only before it. Bucket indices are absolute (epoch-aligned).
 * Immutable.
 */
final class EventPyramid {
  static final int LEVELS = 7;
  static final int TOP = LEVELS - 1;
  static final long[] WIDTH = new long[LEVELS];
  /** 10^dl. */
  private static final long[] TEN_POW = new long[LEVELS];

  static {
    long w = EventChunk.BIN_NANOS;
    long p = 1;
    for (int dl = 0; dl < LEVELS; dl++) {
      WIDTH[dl] = w;
      TEN_POW[dl] = p;
      w *= 10;
      p *= 10;
    }
  }

  static final EventPyramid EMPTY =
      new EventPyramid(new ChunkLog(0).snapshot(), emptyLevels(), 0, new FrozenEventChunk[0]);

  private final ChunkLog.Snapshot chunks;
  private final SummaryLevel.Snapshot[] levels;
  private final long sealedEnd;
  private final FrozenEventChunk[] tail;

  EventPyramid(ChunkLog.Snapshot chunks, SummaryLevel.Snapshot[] levels, long sealedEnd, FrozenEventChunk[] tail) {
    this.chunks = chunks;
    this.levels = levels;
    this.sealedEnd = sealedEnd;
    this.tail = tail;
  }

  /** 10^dl: how many chunks make a bucket of level {@code dl + 2}. */
  static long chunksPer(int dl) {
    return TEN_POW[dl - 2];
  }

  /** Start of the live tail in epoch ns: everything before is sealed. */
  long sealedEndNanos() {
    return sealedEnd * EventChunk.CHUNK_NANOS;
  }

  ChunkView chunk(long c) {
    if (c >= sealedEnd) {
      long i = c - sealedEnd;
      return i < tail.length ? tail[(int) i] : null;
    }
    return chunks.get(c);
  }

  /** Adds bucket {@code idx} of level {@code dl} to {@code f}. */
  void fold(int dl, long idx, Fold f) {
    if (dl == 0) {
      ChunkView ch = chunk(Math.floorDiv(idx, EventChunk.BINS));
      int v = ch == null ? 0 : ch.bin(Math.floorMod(idx, EventChunk.BINS));
      f.add(v, v, v);
    } else if (dl == 1) {
      ChunkView ch = chunk(Math.floorDiv(idx, EventChunk.SECONDS));
      int k = Math.floorMod(idx, EventChunk.SECONDS);
      if (ch == null) {
        f.add(0, 0, 0);
      } else {
        f.add(ch.secondSum(k), ch.secondMin(k), ch.secondMax(k));
      }
    } else if (dl == 2 && idx >= sealedEnd) {
      ChunkView ch = chunk(idx);
      if (ch == null) {
        f.add(0, 0, 0);
      } else {
        f.add(ch.total(), ch.minBin(), ch.maxBin());
      }
    } else {
      levels[dl - 2].foldInto(idx, f);
    }
  }

  /**
   * Adds buckets {@code [i0, i1)} of level {@code dl}, climbing to coarser levels (at most {@code
   * cap}) wherever ten aligned buckets can be read as one: O(10 × levels) reads.
   */
  void foldRange(int dl, long i0, long i1, int cap, Fold f) {
    while (i0 < i1) {
      if (dl == cap) {
        foldRun(dl, i0, i1, f);
        return;
      }
      long up = Math.min(i1, -Math.floorDiv(-i0, 10) * 10);
      foldRun(dl, i0, up, f);
      long down = Math.max(up, Math.floorDiv(i1, 10) * 10);
      foldRun(dl, down, i1, f);
      i0 = up / 10;
      i1 = down / 10;
      dl++;
    }
  }

  /** Adds buckets {@code [from, to)} of level {@code dl}; runs of bins or seconds share one chunk lookup. */
  private void foldRun(int dl, long from, long to, Fold f) {
    if (dl > 1 || from >= to) {
      for (long i = from; i < to; i++) {
        fold(dl, i, f);
      }
      return;
    }
    int per = dl == 0 ? EventChunk.BINS : EventChunk.SECONDS;
    long i = from;
    while (i < to) {
      long c = Math.floorDiv(i, per);
      long end = Math.min(to, (c + 1) * per);
      ChunkView ch = chunk(c);
      if (ch == null) {
        f.add(0, 0, 0);
      } else if (dl == 0) {
        ch.foldBins((int) (i - c * per), (int) (end - c * per), f);
      } else {
        ch.foldSeconds((int) (i - c * per), (int) (end - c * per), f);
      }
      i = end;
    }
  }

  /**
   * Events in {@code [start of t's 100 ms bin, t)}. Where exact times were compacted away the
   * bin's count is shared in proportion to time.
   */
  double countBelow(long t) {
    long bin = Math.floorDiv(t, EventChunk.BIN_NANOS);
    long into = t - bin * EventChunk.BIN_NANOS;
    if (into == 0) {
      return 0;
    }
    ChunkView ch = chunk(Math.floorDiv(bin, EventChunk.BINS));
    if (ch == null) {
      return 0;
    }
    int j = Math.floorMod(bin, EventChunk.BINS);
    if (!ch.hasExact()) {
      return ch.bin(j) * (double) into / EventChunk.BIN_NANOS;
    }
    return ch.countInBin(j, 0, (int) into);
  }

  /** The sealed chunk at absolute index {@code c}; null when empty or not sealed. */
  EventChunk sealedChunk(long c) {
    return c < sealedEnd ? chunks.get(c) : null;
  }

  /** Splits the sealed, exact chunk holding {@code t} at {@code t}. */
  void fillEdge(long t, ChunkEdge edge) {
    long c = Math.floorDiv(t, EventChunk.CHUNK_NANOS);
    edge.fill(t, c, chunks.get(c));
  }

  /** Events in 100 ms bin {@code bin} (absolute index). */
  int binCount(long bin) {
    ChunkView ch = chunk(Math.floorDiv(bin, EventChunk.BINS));
    return ch == null ? 0 : ch.bin(Math.floorMod(bin, EventChunk.BINS));
  }

  /** Bytes held by this snapshot's sealed chunks and levels (estimated). */
  long estimatedBytes() {
    long bytes = chunks.estimatedBytes();
    for (SummaryLevel.Snapshot level : levels) {
      bytes += level.estimatedBytes();
    }
    return bytes;
  }

  private static SummaryLevel.Snapshot[] emptyLevels() {
    SummaryLevel.Snapshot[] s = new SummaryLevel.Snapshot[LEVELS - 2];
    for (int i = 0; i < s.length; i++) {
      s[i] = new SummaryLevel(0).snapshot();
    }
    return s;
  }
}
