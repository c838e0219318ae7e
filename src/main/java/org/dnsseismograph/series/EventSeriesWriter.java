package org.dnsseismograph.series;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Builds an {@link EventSeries} from event timestamps (epoch ns, UTC) that arrive nearly sorted,
 * and publishes immutable snapshots of it while it grows: one writer thread appends, any number of
 * reader threads call {@link #snapshot()} (a volatile read) at frame rate.
 *
 * <p>Events may arrive up to the lateness allowance (default {@value #DEFAULT_LATENESS_SECONDS} s)
 * behind the newest one, e.g. "unanswered" stamped at its query's time; 10-second chunks are
 * sealed once the newest event is that far past their end. An event for a chunk already sealed is
 * not counted but tallied in {@link EventSeries#lateDropped()}. An event stamped before 1970, after
 * 2116 ({@link #MAX_TIME_NANOS}) or more than {@link #MAX_JUMP_NANOS} after the newest one (a forged
 * or corrupt timestamp) is refused and tallied in {@link EventSeries#rejected()}, so one bad packet
 * cannot make the writer walk centuries of empty chunks.
 *
 * <p>Publishing costs O(open chunks × 100) and shares every sealed chunk and summary page with
 * earlier snapshots; the writer only writes slots beyond what any snapshot reads, and compaction
 * replaces page tables by copies. {@link #compactBefore}, {@link #coarsenBefore} and {@link
 * #applyRetention} bound memory for endless live sources while keeping the coarse values.
 *
 * <p>Not thread-safe: all methods except {@link #snapshot()} belong to the single writer thread.
 */
public final class EventSeriesWriter {
  public static final long DEFAULT_LATENESS_SECONDS = 10;
  /** 2^62 ns after the epoch, in 2116: later timestamps are refused. */
  public static final long MAX_TIME_NANOS = 1L << 62;
  /** The largest step forward from the newest event that is believed: 366 days. */
  public static final long MAX_JUMP_NANOS = 366 * 86_400 * TimeUnits.NANOS_PER_SECOND;
  private static final long C = EventChunk.CHUNK_NANOS;

  private final MetricId id;
  private final long lateness;
  private final CoverageBuilder coverage = new CoverageBuilder();
  private Coverage undecided = Coverage.NONE;
  private final AtomicReference<EventSeries> latest;
  private final long[] levelFrom = Horizons.filled(Long.MIN_VALUE);
  private long exactFrom = Long.MIN_VALUE;
  private boolean implicitCoverage = true;
  private boolean started;
  private ChunkLog chunks;
  private final SummaryLevel[] levels = new SummaryLevel[EventPyramid.LEVELS - 2];
  private final Fold[] pending = new Fold[EventPyramid.LEVELS];
  private long sealedEnd;
  private OpenEventChunk[] open;
  private long watermark = Long.MIN_VALUE;
  private long events;
  private long lateDropped;
  private long rejected;

  /** A writer with the default lateness allowance. */
  public EventSeriesWriter(MetricId id) {
    this(id, DEFAULT_LATENESS_SECONDS * TimeUnits.NANOS_PER_SECOND);
  }

  /** A writer accepting events up to {@code latenessNanos} older than the newest one. */
  public EventSeriesWriter(MetricId id, long latenessNanos) {
    if (latenessNanos < 0) {
      throw new IllegalArgumentException("negative lateness " + latenessNanos);
    }
    this.id = id;
    this.lateness = latenessNanos;
    this.open = new OpenEventChunk[(int) (latenessNanos / C) + 3];
    this.latest = new AtomicReference<>(EventSeries.empty(id));
  }

  /**
   * Whether an event implies its 100 ms bin was observed (default true): the coverage then runs
   * continuously from the first event to the last. Turn it off when the feeder declares every
   * observed interval with {@link #cover}.
   */
  public void setImplicitCoverage(boolean on) {
    implicitCoverage = on;
  }

  /** Declares {@code [startNanos, endNanos)} observed: no event there is a real zero. */
  /**
   * The time observed but not decided yet, as of the next publication: there a count of unanswered
   * queries is unknown rather than zero, and the time stays out of the coverage. Replaces what was
   * set before.
   */
  public void setUndecided(Coverage undecided) {
    this.undecided = Objects.requireNonNull(undecided, "undecided");
  }

  public void cover(long startNanos, long endNanos) {
    coverage.add(startNanos, endNanos);
  }

  /** Records one event at {@code t} (epoch ns). */
  public void append(long t) {
    if (t < 0 || t >= MAX_TIME_NANOS || started && t - watermark > MAX_JUMP_NANOS) {
      rejected++;
      return;
    }
    if (!started) {
      start(t);
    }
    if (t > watermark) {
      watermark = t;
      sealBefore(Math.floorDiv(t - lateness, C));
    }
    long c = Math.floorDiv(t, C);
    if (c < sealedEnd) {
      lateDropped++;
      return;
    }
    int i = (int) (c - sealedEnd);
    if (i >= open.length) {
      open = Arrays.copyOf(open, i + 2);
    }
    if (open[i] == null) {
      open[i] = new OpenEventChunk();
    }
    open[i].add(t - c * C);
    events++;
    if (implicitCoverage) {
      coverage.include(t, EventChunk.BIN_NANOS);
    }
  }

  /** The newest event time seen, or {@code Long.MIN_VALUE} before the first. */
  public long watermark() {
    return watermark;
  }

  /** Publishes the current state as an immutable snapshot and returns it. */
  public EventSeries publish() {
    EventSeries s = build();
    latest.set(s);
    return s;
  }

  /** The last published snapshot; safe from any thread. */
  public EventSeries snapshot() {
    return latest.get();
  }

  /** Seals every chunk up to the newest event (the end of a file) and publishes. */
  public EventSeries sealAll() {
    if (started) {
      sealBefore(Math.floorDiv(watermark, C) + 1);
    }
    return publish();
  }

  /** Drops exact timestamps of sealed chunks before {@code t} (rounded down to 10 s); counts stay. */
  public void compactBefore(long t) {
    if (!started) {
      return;
    }
    long limit = Math.min(Math.floorDiv(t, C), sealedEnd);
    chunks.compactBefore(limit);
    exactFrom = Math.max(exactFrom, limit * C);
  }

  /**
   * Keeps only buckets of {@code keepStepNanos} and coarser before {@code t} (rounded down to that
   * step, and never into the unsealed tail).
   *
   * @param keepStepNanos 10 s, 100 s, 1000 s, 10^4 s or 10^5 s
   * @throws IllegalArgumentException for any other step
   */
  public void coarsenBefore(long t, long keepStepNanos) {
    int keep = Arrays.binarySearch(EventPyramid.WIDTH, keepStepNanos);
    if (keep < 2) {
      throw new IllegalArgumentException("keep step must be 10 s × 10^k up to 10^5 s, got " + TimeUnits.formatDuration(keepStepNanos));
    }
    if (!started) {
      return;
    }
    long aligned = Math.floorDiv(Math.min(t, sealedEnd * C), keepStepNanos) * keepStepNanos;
    exactFrom = Math.max(exactFrom, aligned);
    for (int dl = 0; dl < keep; dl++) {
      levelFrom[dl] = Math.max(levelFrom[dl], aligned);
    }
    chunks.dropBefore(Math.floorDiv(aligned, C));
    for (int dl = 2; dl < keep; dl++) {
      levels[dl - 2].dropBefore(Math.floorDiv(aligned, EventPyramid.WIDTH[dl]));
    }
  }

  /** Applies {@code r} measured back from the newest event: the live source's memory bound. */
  public void applyRetention(Retention r) {
    if (!started) {
      return;
    }
    compactBefore(watermark - r.exactNanos());
    coarsenBefore(watermark - r.detailNanos(), EventPyramid.WIDTH[2]);
    coarsenBefore(watermark - r.tenSecondNanos(), EventPyramid.WIDTH[3]);
    coarsenBefore(watermark - r.hundredSecondNanos(), EventPyramid.WIDTH[4]);
  }

  private void start(long t) {
    started = true;
    long base = Math.floorDiv(t - lateness, C);
    chunks = new ChunkLog(base);
    sealedEnd = base;
    for (int dl = 2; dl < EventPyramid.LEVELS; dl++) {
      long per = EventPyramid.chunksPer(dl);
      levels[dl - 2] = new SummaryLevel(Math.floorDiv(base, per));
      pending[dl] = new Fold();
      if (Math.floorMod(base, per) != 0) {
        // The first bucket began before the writer did: those chunks are empty, their bins zero.
        pending[dl].add(0, 0, 0);
      }
    }
  }

  private void sealBefore(long limit) {
    while (sealedEnd < limit) {
      sealOne();
    }
  }

  private void sealOne() {
    EventChunk chunk = open[0] == null ? null : open[0].seal();
    System.arraycopy(open, 1, open, 0, open.length - 1);
    open[open.length - 1] = null;
    chunks.append(chunk);
    int total = chunk == null ? 0 : chunk.total();
    int min = chunk == null ? 0 : chunk.minBin();
    int max = chunk == null ? 0 : chunk.maxBin();
    levels[0].append(total, min, max);
    sealedEnd++;
    for (int dl = 3; dl < EventPyramid.LEVELS; dl++) {
      Fold p = pending[dl];
      p.add(total, min, max);
      if (Math.floorMod(sealedEnd, EventPyramid.chunksPer(dl)) == 0) {
        levels[dl - 2].append((long) p.count, p.minBin, p.maxBin);
        p.reset();
      }
    }
  }

  private EventSeries build() {
    if (!started) {
      return new EventSeries(id, coverage.build(), EventPyramid.EMPTY, Horizons.NONE, 0, lateDropped, rejected, undecided);
    }
    int n = open.length;
    while (n > 0 && open[n - 1] == null) {
      n--;
    }
    FrozenEventChunk[] tail = new FrozenEventChunk[n];
    for (int i = 0; i < n; i++) {
      tail[i] = open[i] == null ? null : open[i].freeze();
    }
    SummaryLevel.Snapshot[] snaps = new SummaryLevel.Snapshot[levels.length];
    for (int i = 0; i < levels.length; i++) {
      snaps[i] = levels[i].snapshot();
    }
    EventPyramid pyramid = new EventPyramid(chunks.snapshot(), snaps, sealedEnd, tail);
    return new EventSeries(id, coverage.build(), pyramid, new Horizons(exactFrom, levelFrom), events, lateDropped, rejected, undecided);
  }
}
