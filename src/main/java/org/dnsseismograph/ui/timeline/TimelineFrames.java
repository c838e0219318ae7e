package org.dnsseismograph.ui.timeline;

import java.util.List;
import java.util.concurrent.Executor;
import org.dnsseismograph.render.FrameData;
import org.dnsseismograph.render.FrameReducer;
import org.dnsseismograph.render.Lane;
import org.dnsseismograph.render.ReduceThreads;
import org.dnsseismograph.series.TimeRange;

/**
 * The two streams of reduced frames a timeline draws, the lanes over the visible window and the
 * overview lane over the whole extent: requested whenever what they show changes, reduced on the
 * executor (latest request wins), taken up by the frame timer. Confined to the FX thread, except
 * for the reduction itself.
 */
final class TimelineFrames {
  private final ReduceThreads threads;
  private final FrameReducer lanes;
  private final FrameReducer overview;
  private FrameData frame;
  private FrameData overviewFrame;
  private int columns;
  private int overviewColumns;

  TimelineFrames(ReduceThreads reduceOn) {
    threads = reduceOn;
    lanes = new FrameReducer(reduceOn);
    // The overview is one lane, reduced mostly while the lanes are not: it gains nothing from a helper.
    overview = new FrameReducer(reduceOn.main());
  }

  int columns() {
    return columns;
  }

  /** Records the plot's width; true when it changed. */
  boolean setColumns(int n) {
    boolean changed = n != columns && n > 0;
    columns = changed ? n : columns;
    return changed;
  }

  /** Records the overview's width; true when it changed. */
  boolean setOverviewColumns(int n) {
    boolean changed = n != overviewColumns && n > 0;
    overviewColumns = changed ? n : overviewColumns;
    return changed;
  }

  void request(List<Lane> shown, TimeRange range) {
    if (columns > 0) {
      lanes.request(shown, range, columns);
    }
  }

  void requestOverview(Lane lane, TimeRange extent) {
    if (overviewColumns > 0) {
      overview.request(List.of(lane), extent, overviewColumns);
    }
  }

  /** Takes up a newly reduced lanes frame; true if there was one. */
  boolean poll() {
    FrameData latest = lanes.latest();
    if (latest == null || latest == frame) {
      return false;
    }
    lanes.recycle(frame);
    frame = latest;
    return true;
  }

  /** True while the lanes' frame for the latest request is still being reduced. */
  boolean reducing() {
    return lanes.busy();
  }

  /** Takes up a newly reduced overview; true if there was one. */
  boolean pollOverview() {
    FrameData latest = overview.latest();
    if (latest == null || latest == overviewFrame) {
      return false;
    }
    overview.recycle(overviewFrame);
    overviewFrame = latest;
    return true;
  }

  /** The thread that may share a redraw's lanes now, or null (none, or long work holds the other core). */
  Executor drawHelper() {
    return threads.helperNow();
  }

  FrameData frame() {
    return frame;
  }

  FrameData overviewFrame() {
    return overviewFrame;
  }

  Throwable failure() {
    return lanes.failure() != null ? lanes.failure() : overview.failure();
  }
}
