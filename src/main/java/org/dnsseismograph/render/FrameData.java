package org.dnsseismograph.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;
import org.dnsseismograph.series.ColumnBuffer;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.series.Unit;

/**
 * What one frame draws: every shown lane's series reduced over one range. A series is reduced to
 * the frame's columns, except that an event rate is never drawn from buckets narrower than {@link
 * #RATE_BUCKET} (100 ms): below that a column holds zero or one event and its "rate" is noise, so
 * the rate is drawn from UTC-aligned 100 ms buckets and the exact events per pixel column are kept
 * beside it ({@link #exact}) for a rug of ticks. The painter places each column by its own time
 * edges, so a frame reduced for an earlier view still draws in the right place while the next one
 * is computed.
 *
 * <p>Filled by one thread ({@link FrameReducer}), which a helper thread may assist series by
 * series while it fills; then handed over whole (through an atomic reference) and only read; a
 * consumer gives it back for reuse with {@link FrameReducer#recycle} once it holds a newer one.
 */
public final class FrameData {
  /** The narrowest bucket an event rate is drawn from, in ns. */
  public static final long RATE_BUCKET = EventSeries.DETAIL_NANOS;

  private final Map<String, ColumnBuffer[]> drawn = new HashMap<>();
  private final Map<String, ColumnBuffer[]> exact = new HashMap<>();
  private TimeRange range = new TimeRange(0, 0);
  private int columns;
  private long generation;

  /** The range reduced, epoch ns. */
  public TimeRange range() {
    return range;
  }

  /** Pixel columns the frame was reduced for. */
  public int columns() {
    return columns;
  }

  /** Increases with every frame a reducer produces. */
  public long generation() {
    return generation;
  }

  /** The buckets drawn for the lane's series, in the lane's order; null when the lane was not reduced. */
  public ColumnBuffer[] lane(String key) {
    return drawn.get(key);
  }

  /**
   * Per pixel column, the events of the lane's rate series when they are drawn from coarser
   * buckets (an entry is null for a series drawn at pixel resolution); null when the lane was not
   * reduced.
   */
  public ColumnBuffer[] exact(String key) {
    return exact.get(key);
  }

  /** Whether this frame has buckets for every series of {@code lane}. */
  public boolean covers(Lane lane) {
    ColumnBuffer[] b = drawn.get(lane.key());
    return b != null && b.length == lane.series().size();
  }

  /**
   * Reduces {@code shown} lanes over {@code r} for {@code cols} pixel columns on the calling
   * thread, reusing this frame's buffers. O(lanes × series × columns), independent of the events
   * behind them.
   */
  public FrameData fill(List<Lane> shown, TimeRange r, int cols, long gen) {
    return fill(shown, r, cols, gen, null);
  }

  /**
   * As {@link #fill(List, TimeRange, int, long)}, with {@code helper} (null: none) reducing series
   * beside the calling thread; returns once both are done with this frame.
   */
  public FrameData fill(List<Lane> shown, TimeRange r, int cols, long gen, Executor helper) {
    Map<String, ColumnBuffer[]> oldDrawn = new HashMap<>(drawn);
    Map<String, ColumnBuffer[]> oldExact = new HashMap<>(exact);
    drawn.clear();
    exact.clear();
    boolean fine = r.durationNanos() < (long) cols * RATE_BUCKET;
    List<IntConsumer> work = new ArrayList<>();
    for (Lane lane : shown) {
      int n = lane.series().size();
      ColumnBuffer[] d = reuse(oldDrawn.get(lane.key()), n, cols);
      ColumnBuffer[] old = oldExact.get(lane.key());
      ColumnBuffer[] e = new ColumnBuffer[n];
      for (int i = 0; i < n; i++) {
        ResolvableSeries s = lane.series().get(i).series();
        if (fine && s.unit() == Unit.COUNT) {
          // Only these lanes keep exact columns; buffers are made for them alone, not for every series each frame.
          e[i] = old != null && i < old.length && old[i] != null ? old[i] : new ColumnBuffer(cols);
          work.add(fineRate(s, r, cols, d[i], e[i]));
        } else {
          ColumnBuffer out = d[i];
          work.add(worker -> s.reduce(r, cols, out));
        }
      }
      drawn.put(lane.key(), d);
      exact.put(lane.key(), e);
    }
    // Not a fork-join split: with loads running, a frame waited for whichever half a helper pushed
    // off the core held (p99 wall 88 ms against 13 ms of CPU). The caller waits for one series at most.
    SharedJobs.run(work, helper);
    this.range = r;
    this.columns = cols;
    this.generation = gen;
    return this;
  }

  /** An event rate from UTC-aligned 100 ms buckets into {@code d}, and its events per pixel column into {@code e}. */
  private static IntConsumer fineRate(ResolvableSeries s, TimeRange r, int cols, ColumnBuffer d, ColumnBuffer e) {
    return worker -> {
      long from = TimeUnits.floorToStep(r.startNanos(), RATE_BUCKET);
      long to = -TimeUnits.floorToStep(-r.endNanos(), RATE_BUCKET);
      s.reduce(new TimeRange(from, to), (int) ((to - from) / RATE_BUCKET), d);
      s.reduce(r, cols, e);
    };
  }

  /** A frame of {@code shown} lanes reduced over {@code r}, on the calling thread (exports, tests). */
  public static FrameData reduce(List<Lane> shown, TimeRange r, int cols) {
    return new FrameData().fill(shown, r, cols, 1);
  }

  private static ColumnBuffer[] reuse(ColumnBuffer[] old, int n, int cols) {
    ColumnBuffer[] out = new ColumnBuffer[n];
    for (int i = 0; i < n; i++) {
      out[i] = old != null && i < old.length && old[i] != null ? old[i] : new ColumnBuffer(cols);
    }
    return out;
  }
}
