package org.dnsseismograph.ui.timeline;

import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.dnsseismograph.render.FrameData;
import org.dnsseismograph.render.Lane;
import org.dnsseismograph.render.LaneKind;
import org.dnsseismograph.render.LanePlan;
import org.dnsseismograph.render.LaneSeries;
import org.dnsseismograph.render.ReduceThreads;
import org.dnsseismograph.render.TimeText;
import org.dnsseismograph.series.ColumnBuffer;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.ValueAxis;

/**
 * The state of a timeline and every way of moving it: the lanes as arranged, the whole extent, the
 * visible window (epoch ns, UTC) with a back/forward history, the crosshair and its readout, and
 * the frames of reduced series the view draws. Reduction runs on the executor given (a background
 * thread in the window), latest request wins; {@link #pollFrame()} picks finished frames up on the
 * frame timer. Holds no node, so it is tested without a window.
 *
 * <p>FX thread only (or one test thread), except that frames are reduced on the executor.
 */
public final class TimelineViewModel {
  /** The zoom factor of one step of + or −. */
  public static final double ZOOM_STEP = 2;

  private final ReadOnlyObjectWrapper<LanePlan> plan = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<TimeRange> extent = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<TimeRange> visibleRange = new ReadOnlyObjectWrapper<>();
  private final ObjectProperty<List<Annotation>> annotations = new SimpleObjectProperty<>(List.of());
  private final ObjectProperty<String> selectedAnnotation = new SimpleObjectProperty<>();
  private final ObjectProperty<ZoneId> localZone = new SimpleObjectProperty<>();
  private final ReadOnlyObjectWrapper<Long> crosshair = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper readoutTitle = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<List<ReadoutLine>> readout = new ReadOnlyObjectWrapper<>(List.of());
  private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper canGoForward = new ReadOnlyBooleanWrapper();
  private final ZoomHistory history = new ZoomHistory();
  private final TimelineFrames frames;
  private boolean gestureRecorded;

  /**
   * A timeline of {@code lanes} over {@code whole}, showing all of it, reducing frames on {@code reduceOn}.
   *
   * @throws IllegalArgumentException if {@code whole} is empty
   */
  public TimelineViewModel(LanePlan lanes, TimeRange whole, Executor reduceOn) {
    this(lanes, whole, ReduceThreads.alone(reduceOn));
  }

  /**
   * A timeline of {@code lanes} over {@code whole}, showing all of it, reducing frames on {@code
   * reduceOn}'s threads.
   *
   * @throws IllegalArgumentException if {@code whole} is empty
   */
  public TimelineViewModel(LanePlan lanes, TimeRange whole, ReduceThreads reduceOn) {
    if (whole.durationNanos() <= 0) {
      throw new IllegalArgumentException("empty extent " + whole);
    }
    this.frames = new TimelineFrames(reduceOn);
    plan.set(lanes);
    extent.set(whole);
    visibleRange.set(ViewWindow.fit(whole, whole));
    visibleRange.addListener((o, a, b) -> requestFrame());
    plan.addListener((o, a, b) -> {
      requestFrame();
      requestOverview();
    });
    extent.addListener((o, a, b) -> requestOverview());
    crosshair.addListener((o, a, b) -> updateReadout());
  }

  /** The union of the extents of every series in {@code lanes}, or null when none holds data. */
  public static TimeRange extentOf(LanePlan lanes) {
    TimeRange all = null;
    for (Lane l : lanes.lanes()) {
      for (LaneSeries s : l.series()) {
        if (!s.series().isEmpty()) {
          all = all == null ? s.series().extent() : all.union(s.series().extent());
        }
      }
    }
    return all;
  }

  public ReadOnlyObjectProperty<LanePlan> planProperty() {
    return plan.getReadOnlyProperty();
  }

  public LanePlan plan() {
    return plan.get();
  }

  /** New lanes (a source loaded or removed); the view stays where it is. */
  public void setPlan(LanePlan p) {
    plan.set(p);
  }

  public ReadOnlyObjectProperty<TimeRange> extentProperty() {
    return extent.getReadOnlyProperty();
  }

  public TimeRange extent() {
    return extent.get();
  }

  /** A new extent (a live source grew); the window is kept, moved inside if need be. */
  public void setExtent(TimeRange whole) {
    extent.set(whole);
    visibleRange.set(ViewWindow.fit(visibleRange.get(), whole));
  }

  /**
   * Live sources following the present: a new extent and a window inside it, without a step in the
   * history (the data moved, not the analyst).
   */
  public void follow(TimeRange whole, TimeRange window) {
    extent.set(whole);
    visibleRange.set(ViewWindow.fit(window, whole));
  }

  public ReadOnlyObjectProperty<TimeRange> visibleRangeProperty() {
    return visibleRange.getReadOnlyProperty();
  }

  public TimeRange visibleRange() {
    return visibleRange.get();
  }

  /** The annotations drawn (the application keeps them in step with its annotation book). */
  public ObjectProperty<List<Annotation>> annotationsProperty() {
    return annotations;
  }

  /** The id of the annotation drawn selected, or null. */
  public ObjectProperty<String> selectedAnnotationProperty() {
    return selectedAnnotation;
  }

  /** A zone for a second axis row in local time, or null for UTC only. */
  public ObjectProperty<ZoneId> localZoneProperty() {
    return localZone;
  }

  /** The instant under the crosshair (epoch ns), or null when the mouse is not over the lanes. */
  public ReadOnlyObjectProperty<Long> crosshairProperty() {
    return crosshair.getReadOnlyProperty();
  }

  public void setCrosshair(Long t) {
    crosshair.set(t);
  }

  /** The crosshair's instant to the millisecond, and the span of the bucket it reads. */
  public ReadOnlyStringProperty readoutTitleProperty() {
    return readoutTitle.getReadOnlyProperty();
  }

  /** Every shown series' value in the bucket under the crosshair; empty without a crosshair. */
  public ReadOnlyObjectProperty<List<ReadoutLine>> readoutProperty() {
    return readout.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canGoBackProperty() {
    return canGoBack.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canGoForwardProperty() {
    return canGoForward.getReadOnlyProperty();
  }


  /** Sets the plot's width in pixel columns; frames are reduced for it. */
  public void setColumns(int n) {
    if (frames.setColumns(n)) {
      requestFrame();
    }
  }

  /** Sets the overview strip's width in pixel columns. */
  public void setOverviewColumns(int n) {
    if (frames.setOverviewColumns(n)) {
      requestOverview();
    }
  }

  /** Takes up a newly reduced frame, if any; true when the series must be redrawn. */
  public boolean pollFrame() {
    if (!frames.poll()) {
      return false;
    }
    updateReadout();
    return true;
  }

  /** True while the frame for the window and lanes asked last is still being reduced. */
  public boolean reducing() {
    return frames.reducing();
  }

  /** Takes up a newly reduced overview, if any; true when the strip must be redrawn. */
  public boolean pollOverviewFrame() {
    return frames.pollOverview();
  }

  /**
   * The thread that may share the drawing of the frame's lanes now (the reduction's helper, while
   * no long work holds the other core), or null.
   */
  public Executor drawHelper() {
    return frames.drawHelper();
  }

  /** The frame the view draws now (maybe reduced for a slightly older window), or null before the first. */
  public FrameData frame() {
    return frames.frame();
  }

  public FrameData overviewFrame() {
    return frames.overviewFrame();
  }

  /** The lane the overview strip shows: the first shown lane of lines. */
  public Lane overviewLane() {
    return plan.get().visibleLanes().stream().filter(l -> l.kind() == LaneKind.LINES && !l.series().isEmpty()).findFirst()
        .orElse(Lane.annotations());
  }

  /** A defect of a series while it was reduced, or null; the window reports it. */
  public Throwable reductionFailure() {
    return frames.failure();
  }

  private void requestFrame() {
    frames.request(plan.get().visibleLanes(), visibleRange.get());
  }

  private void requestOverview() {
    frames.requestOverview(overviewLane(), extent.get());
  }

  private void updateReadout() {
    Long t = crosshair.get();
    FrameData frame = frames.frame();
    if (t == null || frame == null) {
      readout.set(List.of());
      readoutTitle.set("");
      return;
    }
    List<Lane> shown = plan.get().visibleLanes();
    readout.set(Readout.at(t, shown, frame));
    ColumnBuffer owner = Readout.bucketOwner(shown, frame);
    int c = owner == null ? -1 : owner.columnAt(t);
    String bucket = c < 0 ? "" : "\nbucket " + TimeUnits.formatDuration(owner.columnEnd(c) - owner.columnStart(c)) + " from "
        + TimeText.utcClockMillis(owner.columnStart(c));
    readoutTitle.set(TimeText.utcMillis(t) + bucket);
  }


  /** Marks the start of a gesture (a press, a first wheel step): its first move is recorded in the history. */
  public void startGesture() {
    gestureRecorded = false;
  }

  /** Zooms by {@code factor} (below 1 is in) keeping {@code anchor} where it is on screen. */
  public void zoomAround(long anchor, double factor) {
    navigate(ViewWindow.zoom(visibleRange.get(), anchor, factor, extent.get()), false);
  }

  /** Moves the window to {@code range} as part of a gesture (drag, range slider). */
  public void moveTo(TimeRange range) {
    navigate(ViewWindow.fit(range, extent.get()), false);
  }

  /** Shows {@code range} (box zoom, a spike from a list, an annotation): one step in the history. */
  public void zoomTo(TimeRange range) {
    navigate(ViewWindow.fit(range, extent.get()), true);
  }

  /** + : half the width, around the crosshair or the centre. */
  public void zoomIn() {
    navigate(ViewWindow.zoom(visibleRange.get(), focus(), 1 / ZOOM_STEP, extent.get()), true);
  }

  /** − : twice the width, around the crosshair or the centre. */
  public void zoomOut() {
    navigate(ViewWindow.zoom(visibleRange.get(), focus(), ZOOM_STEP, extent.get()), true);
  }

  /** Arrows: moves by {@code fraction} of the window's width (negative is earlier). */
  public void panBy(double fraction) {
    TimeRange v = visibleRange.get();
    navigate(ViewWindow.fit(v.shift(Math.round(v.durationNanos() * fraction)), extent.get()), true);
  }

  /** Home: the whole extent. */
  public void showAll() {
    navigate(ViewWindow.fit(extent.get(), extent.get()), true);
  }

  /** 1, 2, 3: a window {@code width} ns wide around the crosshair or the centre. */
  public void showWindow(long width) {
    navigate(ViewWindow.around(focus(), width, extent.get()), true);
  }

  public void back() {
    TimeRange r = history.back(visibleRange.get());
    if (r != null) {
      visibleRange.set(r);
    }
    updateHistoryFlags();
  }

  public void forward() {
    TimeRange r = history.forward(visibleRange.get());
    if (r != null) {
      visibleRange.set(r);
    }
    updateHistoryFlags();
  }

  /**
   * Double-click: fits the feature at {@code t} in the lane {@code laneKey} (or in the first lane
   * when null) with a margin of half its width on each side; zooms in 4× around {@code t} when
   * nothing stands out there.
   */
  public void fitFeatureAt(long t, String laneKey) {
    Lane lane = laneKey == null || Lane.ANNOTATIONS_KEY.equals(laneKey) ? overviewLane() : plan.get().lane(laneKey);
    FrameData frame = frames.frame();
    TimeRange f = frame == null ? null : FeatureFinder.find(lane, frame.lane(lane.key()), t);
    if (f == null) {
      navigate(ViewWindow.zoom(visibleRange.get(), t, 0.25, extent.get()), true);
      return;
    }
    long pad = f.durationNanos() / 2;
    zoomTo(new TimeRange(f.startNanos() - pad, f.endNanos() + pad));
  }

  private long focus() {
    Long c = crosshair.get();
    TimeRange v = visibleRange.get();
    return c != null && v.contains(c) ? c : v.startNanos() + v.durationNanos() / 2;
  }

  private void navigate(TimeRange to, boolean discrete) {
    TimeRange from = visibleRange.get();
    if (to.equals(from)) {
      return;
    }
    if (discrete || !gestureRecorded) {
      history.leave(from);
      gestureRecorded = !discrete;
    }
    visibleRange.set(to);
    updateHistoryFlags();
  }

  private void updateHistoryFlags() {
    canGoBack.set(history.canGoBack());
    canGoForward.set(history.canGoForward());
  }


  public void setLaneVisible(String key, boolean visible) {
    plan.set(plan.get().withVisible(key, visible));
  }

  public void moveLane(String key, int index) {
    plan.set(plan.get().moved(key, index));
  }

  public void resizeLane(String key, double height) {
    plan.set(plan.get().withHeight(key, height));
  }

  /** Answers by rcode as stacked areas or as lines. */
  public void setLaneKind(String key, LaneKind kind) {
    plan.set(plan.get().withKind(key, kind));
  }

  /** A lines lane's values on a linear or a log axis. */
  public void setLaneAxis(String key, ValueAxis axis) {
    plan.set(plan.get().withAxis(key, axis));
  }
}
