package org.dnsseismograph.series;

import java.util.Arrays;

/**
 * Reduces an {@link EventSeries} snapshot to columns. Per column: split by coverage (outside is no
 * data), then by the sealed/live boundary, then by the zones compaction left; in each piece count
 * events exactly where exact times exist (bins inside the piece from the pyramid, the partial bins
 * at its edges by searching the bin's sorted offsets, once per column edge), or else attribute
 * whole buckets of the finest level kept by their start, or, in a column narrower than one bucket,
 * take the bucket's rate as a step. A column with nothing special inside takes a shorter path: the
 * events before each edge are found once and shared by the two columns meeting there (from 10 s on,
 * each edge chunk is split once). The band is the extremes of the 100 ms bins whose start lies in
 * the column. Cost per column is O(10 × levels + log(events per bin)); for columns of 0.1–10 s the
 * cache lines the edge searches read first are loaded ahead, all edges in one pass, so that their
 * misses overlap. Not thread-safe: one instance per reduce call (the edge scratch arrays are per
 * thread).
 */
final class EventReducer {
  private static final long BIN = EventChunk.BIN_NANOS;
  private static final double RATE_PER_BIN_COUNT = (double) TimeUnits.NANOS_PER_SECOND / BIN;
  /**
   * Events a column the coverage cuts needs to be rated over the time observed in it: n events give
   * their rate to about 1/sqrt(n), a fifth at 20.
   */
  static final int RATED_AS_OBSERVED = 20;
  /** Per reducing thread, the edges {@link #loadEdges} loads (a redraw allocates nothing per series). */
  private static final ThreadLocal<Probes> PROBES = ThreadLocal.withInitial(Probes::new);

  /** No event at all: every plain column is a zero (a capture's "truncated" or "skipped" lanes often are). */
  private final boolean empty;
  private final EventPyramid pyramid;
  private final Horizons horizons;
  private final Coverage coverage;
  private final Fold fold = new Fold();
  private final Fold scratch = new Fold();
  private ChunkEdge left = new ChunkEdge();
  private ChunkEdge right = new ChunkEdge();
  /** The last {@link EventPyramid#countBelow} asked: a column's right edge is the next one's left. */
  private long belowAt = Long.MIN_VALUE;
  private double below;
  /** The last plain column's right edge, its chunk and the events before it there. */
  private long plainAt = Long.MIN_VALUE;
  private long plainChunk;
  private EventChunk plainRef;
  private int plainBefore;

  EventReducer(EventPyramid pyramid, Horizons horizons, Coverage coverage, boolean empty) {
    this.empty = empty;
    this.pyramid = pyramid;
    this.horizons = horizons;
    this.coverage = coverage;
  }

  void reduce(TimeRange range, int columns, ColumnBuffer out) {
    out.prepare(range, columns);
    long columnWidth = range.durationNanos() / columns;
    if (columnWidth >= BIN && columnWidth < EventChunk.CHUNK_NANOS && !empty) {
      loadEdges(out, columns);
    }
    int k = coverage.firstEndingAfter(range.startNanos());
    for (int i = 0; i < columns; i++) {
      long c0 = out.columnStart(i);
      long c1 = out.columnEnd(i);
      while (k < coverage.size() && coverage.end(k) <= c0) {
        k++;
      }
      if (empty && isPlain(c0, c1, k)) {
        // What the paths below give a column with no event in any bin: no count, a band of zeros.
        out.set(i, 0, 0, 0, 0);
        continue;
      }
      fold.reset();
      long width = c1 - c0;
      if (isPlain(c0, c1, k) && width >= EventChunk.CHUNK_NANOS) {
        foldWide(c0, c1);
      } else if (isPlain(c0, c1, k)) {
        foldPlain(c0, c1, width < BIN);
      } else {
        for (int j = k; j < coverage.size() && coverage.start(j) < c1; j++) {
          foldCovered(Math.max(c0, coverage.start(j)), Math.min(c1, coverage.end(j)), width);
        }
      }
      if (fold.durationNanos > 0) {
        // A column the coverage cuts (the first or last packet of a capture) is observed for as
        // little as a nanosecond; its few events over that would read as millions a second and
        // flatten the lane's scale. So a cut column with few events is rated over a 100 ms bin at
        // least (the column, if narrower). One with many is rated over the time observed: that rate
        // is already known to a fifth, and taken over more time it would dip at every capture's end.
        long span = fold.count >= RATED_AS_OBSERVED ? fold.durationNanos : Math.max(fold.durationNanos, Math.min(width, BIN));
        double value = fold.count * TimeUnits.NANOS_PER_SECOND / span;
        double min = fold.hasExtremes() ? fold.minBin * RATE_PER_BIN_COUNT : value;
        double max = fold.hasExtremes() ? fold.maxBin * RATE_PER_BIN_COUNT : value;
        out.set(i, value, min, max, fold.count);
      } else {
        out.setGap(i);
      }
    }
  }

  /**
   * Brings in the cache line of exact offsets that each column edge's search reads first, all of
   * them in one tight loop before any search. Over columns of 0.1–10 s every edge lands in another
   * bin, and its offsets are rarely cached (a capture's offsets are hundreds of MB); searched one by
   * one, each edge waits for its own miss, while these loads do not depend on each other, so the
   * processor has many in flight at once. The counts of each chunk (where the searches start) are
   * brought in the same way first. The searches then read cached lines.
   */
  private void loadEdges(ColumnBuffer out, int columns) {
    Probes p = PROBES.get().ensure(columns + 1);
    int sum = 0;
    long last = Math.floorDiv(out.columnStart(columns), EventChunk.CHUNK_NANOS);
    for (long c = Math.floorDiv(Math.max(out.columnStart(0), horizons.exactFrom), EventChunk.CHUNK_NANOS); c <= last; c++) {
      EventChunk ch = pyramid.sealedChunk(c);
      sum += ch == null ? 0 : ch.probeCounts();
    }
    int n = 0;
    long lastChunk = Long.MIN_VALUE;
    EventChunk ch = null;
    for (int k = 0; k <= columns; k++) {
      long t = out.columnStart(k);
      if (t < horizons.exactFrom) {
        continue;
      }
      long c = Math.floorDiv(t, EventChunk.CHUNK_NANOS);
      if (c != lastChunk) {
        ch = pyramid.sealedChunk(c);
        lastChunk = c;
      }
      if (ch != null) {
        long offset = t - c * EventChunk.CHUNK_NANOS;
        int j = (int) (offset / BIN);
        int at = ch.firstProbe(j, (int) (offset - j * BIN));
        if (at >= 0) {
          p.chunks[n] = ch;
          p.at[n++] = at;
        }
      }
    }
    for (int k = 0; k < n; k++) {
      sum += p.chunks[k].probe(p.at[k]);
    }
    // Kept, so that the loads above are not optimised away; the chunks are let go.
    p.sink = sum;
    Arrays.fill(p.chunks, 0, n, null);
  }

  /** Fully covered, sealed, with exact detail: the common column. */
  private boolean isPlain(long c0, long c1, int k) {
    return k < coverage.size() && coverage.start(k) <= c0 && coverage.end(k) >= c1 && c0 >= horizons.exactFrom
        && c1 <= pyramid.sealedEndNanos();
  }

  /**
   * A plain column narrower than a chunk: the events before its right edge less those before its
   * left edge (the right edge is the next column's left, so each edge is searched once), and,
   * unless it is {@code narrow} (under 100 ms: its band is its own rate), the extremes of the bins
   * starting inside. Two chunks at most, each looked up once.
   */
  private void foldPlain(long c0, long c1, boolean narrow) {
    if (plainAt != c0) {
      plainChunk = Math.floorDiv(c0, EventChunk.CHUNK_NANOS);
      plainRef = pyramid.sealedChunk(plainChunk);
      plainBefore = eventsBefore(plainRef, c0 - plainChunk * EventChunk.CHUNK_NANOS);
    }
    long c = Math.floorDiv(c1, EventChunk.CHUNK_NANOS);
    EventChunk right = c == plainChunk ? plainRef : pyramid.sealedChunk(c);
    int before = eventsBefore(right, c1 - c * EventChunk.CHUNK_NANOS);
    long b0 = ceilDiv(c0, BIN) - plainChunk * EventChunk.BINS;
    long b1 = ceilDiv(c1, BIN) - plainChunk * EventChunk.BINS;
    if (c == plainChunk) {
      fold.count += before - plainBefore;
    } else {
      fold.count += (plainRef == null ? 0 : plainRef.total()) - plainBefore + before;
    }
    if (!narrow) {
      extremes(plainRef, (int) Math.min(b0, EventChunk.BINS), (int) Math.min(b1, EventChunk.BINS));
      extremes(right, (int) Math.max(0, b0 - EventChunk.BINS), (int) (b1 - EventChunk.BINS));
    }
    fold.durationNanos += c1 - c0;
    plainAt = c1;
    plainChunk = c;
    plainRef = right;
    plainBefore = before;
  }

  /** Events of {@code ch} (null: none) before {@code offset} ns from its start. */
  private static int eventsBefore(EventChunk ch, long offset) {
    if (ch == null) {
      return 0;
    }
    int j = (int) (offset / BIN);
    return ch.eventsBefore(j, (int) (offset - j * BIN));
  }

  /** Extremes of bins {@code [j0, j1)} of {@code ch}; an empty chunk's bins are all zero. */
  private void extremes(EventChunk ch, int j0, int j1) {
    if (j0 >= j1) {
      return;
    }
    if (ch == null) {
      fold.addExtremes(0, 0);
    } else {
      ch.foldExtremes(j0, j1, fold);
    }
  }

  /**
   * The chunk holding the column's start from that point on, the whole chunks between (10 s
   * buckets and coarser), the chunk holding its end up to that point. Each edge is split once and
   * reused by the next column, so a wide redraw touches one chunk per column.
   */
  private void foldWide(long c0, long c1) {
    if (right.time == c0) {
      ChunkEdge swap = left;
      left = right;
      right = swap;
    } else {
      pyramid.fillEdge(c0, left);
    }
    pyramid.fillEdge(c1, right);
    left.foldAfter(fold);
    pyramid.foldRange(2, left.chunk + 1, right.chunk, EventPyramid.TOP, fold);
    right.foldBefore(fold);
    fold.durationNanos += c1 - c0;
  }

  private void foldCovered(long s, long e, long width) {
    long live = pyramid.sealedEndNanos();
    if (s < live) {
      foldSealed(s, Math.min(e, live), width);
    }
    if (e > live) {
      foldExact(Math.max(s, live), e, 2, width < BIN);
    }
  }

  private void foldSealed(long s, long e, long width) {
    if (s >= horizons.exactFrom) {
      foldExact(s, e, EventPyramid.TOP, width < BIN);
      return;
    }
    for (int z = 0; z < horizons.zones(); z++) {
      long lo = Math.max(s, horizons.zoneStart(z));
      long hi = Math.min(e, horizons.zoneEnd(z));
      if (lo >= hi) {
        continue;
      }
      int level = horizons.zoneLevel(z);
      if (level == Horizons.EXACT) {
        foldExact(lo, hi, EventPyramid.TOP, width < BIN);
      } else {
        foldCoarse(lo, hi, level, width);
      }
    }
  }

  /** Exact count over {@code [s, e)}; bins starting inside feed the band unless the column is narrow. */
  private void foldExact(long s, long e, int cap, boolean narrow) {
    fold.durationNanos += e - s;
    long b0 = ceilDiv(s, BIN);
    long b1 = Math.floorDiv(e, BIN);
    if (b0 > b1) {
      double before = countBelow(s);
      fold.count += countBelow(e) - before;
      return;
    }
    if (s < b0 * BIN) {
      fold.count += pyramid.binCount(b0 - 1) - countBelow(s);
    }
    pyramid.foldRange(0, b0, b1, cap, fold);
    if (e > b1 * BIN) {
      fold.count += countBelow(e);
      if (!narrow) {
        int whole = pyramid.binCount(b1);
        fold.addExtremes(whole, whole);
      }
    }
  }

  private double countBelow(long t) {
    if (t != belowAt) {
      below = pyramid.countBelow(t);
      belowAt = t;
    }
    return below;
  }

  /**
   * Whole buckets of {@code level} starting in {@code [s, e)}; in a column narrower than one
   * bucket, the bucket's rate as a step (its count shared in proportion to time).
   */
  private void foldCoarse(long s, long e, int level, long columnWidth) {
    long w = EventPyramid.WIDTH[level];
    if (columnWidth < w) {
      scratch.reset();
      pyramid.fold(level, Math.floorDiv(s + (e - s) / 2, w), scratch);
      fold.addPart((long) scratch.count, (double) (e - s) / w, scratch.minBin, scratch.maxBin);
      fold.durationNanos += e - s;
      return;
    }
    long i0 = ceilDiv(s, w);
    long i1 = ceilDiv(e, w);
    pyramid.foldRange(level, i0, i1, EventPyramid.TOP, fold);
    fold.durationNanos += (i1 - i0) * w;
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  /** The chunk and offset index of each edge to load, and the sum of the loads. */
  private static final class Probes {
    EventChunk[] chunks = new EventChunk[0];
    int[] at = new int[0];
    int sink;

    Probes ensure(int n) {
      if (chunks.length < n) {
        chunks = new EventChunk[n];
        at = new int[n];
      }
      return this;
    }
  }
}
