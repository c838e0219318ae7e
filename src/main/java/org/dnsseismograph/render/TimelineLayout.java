package org.dnsseismograph.render;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.dnsseismograph.series.TimeRange;

/**
 * The geometry of one picture of a timeline: where the title, legend, lanes, time axis and footer
 * go, and the mapping between time (epoch ns, UTC) and x. Times become doubles only here, relative
 * to the view's start, so a 50 ms view of 2010 keeps nanosecond precision. The plot spans a whole
 * number of pixels, and a frame of {@link #columns()} columns puts column i on pixel {@code
 * plotLeft + i}.
 *
 * <p>Lanes share the height left after the fixed parts in proportion to their heights (the
 * analyst's or the defaults), never below their minimum (the least height they stay readable at):
 * a lane that would fall below it keeps its minimum and the others share the rest. When even the
 * minimums do not fit, a picture ({@link #of}) lets the last lanes run past the axis ({@link
 * #fits()} is false, and an export leaves them out), while a screen ({@link #scrolled}) keeps the
 * lanes readable and scrolls them in a viewport between the top and the time axis, which stays in
 * place. Immutable and thread-safe.
 */
public final class TimelineLayout {
  /** Width of the left margin holding value axes, heat-strip row names and the axis' zone. */
  public static final double LEFT_MARGIN = 132;
  public static final double RIGHT_MARGIN = 16;
  /** Height of a lane's header (title and series legend). */
  public static final double HEADER = 18;
  /** Space between lanes; dragging it resizes the lane above. */
  public static final double LANE_GAP = 6;
  /** Height of one row of the time axis. */
  public static final double AXIS_ROW = 18;
  private static final double PAD = 8;
  /**
   * On a screen, the least share of the heights they were given (logical pixels at the default
   * window size) that lanes shrink to before the lanes scroll instead: so a lane the analyst made
   * taller keeps growing when the lanes scroll, and a lane of 110 px comes to 44 px, just above the
   * 40 px a line lane needs for its two value labels.
   */
  public static final double MIN_SCREEN_SCALE = 0.4;

  private final LayoutSpec spec;
  private final TimeRange view;
  private final double plotLeft;
  private final int columns;
  private final List<LaneBox> lanes;
  private final LaneStack stack;
  private final double titleTop;
  private final double axisTop;
  private final double footerTop;
  private final long tickStep;
  private final List<Tick> ticks;
  private final List<Tick> localTicks;

  private TimelineLayout(LayoutSpec spec, TimeRange view, LaneStack stack, double axisTop, double footerTop, TextMeasure m) {
    this.spec = spec;
    this.view = view;
    this.plotLeft = LEFT_MARGIN;
    this.columns = (int) Math.max(1, Math.floor(spec.width() - LEFT_MARGIN - RIGHT_MARGIN));
    this.stack = stack;
    this.lanes = stack.boxes();
    this.titleTop = PAD;
    this.axisTop = axisTop;
    this.footerTop = footerTop;
    this.tickStep = AxisTicks.step(view, columns, m);
    this.ticks = AxisTicks.ticks(view, tickStep, ZoneOffset.UTC);
    this.localTicks = spec.localZone() == null ? List.of() : AxisTicks.ticks(view, tickStep, spec.localZone());
  }

  /**
   * Lays out the {@code lanes} (shown ones, in order, with their heights from {@code plan}) over
   * {@code view} for a picture: lanes that do not fit at their minimum heights run past the axis.
   *
   * @throws IllegalArgumentException if the view is empty
   */
  public static TimelineLayout of(LayoutSpec spec, LanePlan plan, TimeRange view, TextMeasure m) {
    return layout(spec, plan, view, m, 0, Double.NaN);
  }

  /**
   * Lays out the lanes for a screen, scrolled down by {@code scrollTop} logical pixels (clamped to
   * 0..{@link #maxScrollTop()}): lanes keep their readable heights (and at least {@value
   * #MIN_SCREEN_SCALE} of the heights given them) and scroll in the viewport instead of being
   * squeezed; the time axis stays at the bottom.
   *
   * @throws IllegalArgumentException if the view is empty
   */
  public static TimelineLayout scrolled(LayoutSpec spec, LanePlan plan, TimeRange view, TextMeasure m, double scrollTop) {
    return layout(spec, plan, view, m, MIN_SCREEN_SCALE, scrollTop);
  }

  private static TimelineLayout layout(LayoutSpec spec, LanePlan plan, TimeRange view, TextMeasure m, double minScale, double scrollTop) {
    if (view.durationNanos() <= 0) {
      throw new IllegalArgumentException("empty view " + view);
    }
    double top = PAD;
    if (!spec.title().isEmpty()) {
      top += TextStyle.TITLE.lineHeight();
    }
    top += spec.legend().size() * TextStyle.LABEL.lineHeight();
    if (top > PAD) {
      top += PAD;
    }
    double footer = spec.footer().isEmpty() ? 0 : PAD + spec.footer().size() * TextStyle.SMALL.lineHeight();
    double axis = AXIS_ROW * (spec.localZone() == null ? 1 : 2) + 4;
    double footerTop = spec.height() - footer;
    double axisTop = footerTop - axis;
    LaneStack stack = LaneStack.of(plan, top, Math.max(0, axisTop - top - 2), minScale, scrollTop);
    return new TimelineLayout(spec, view, stack, axisTop, footerTop, m);
  }

  public LayoutSpec spec() {
    return spec;
  }

  public TimeRange view() {
    return view;
  }

  public double width() {
    return spec.width();
  }

  public double height() {
    return spec.height();
  }

  public double plotLeft() {
    return plotLeft;
  }

  public double plotRight() {
    return plotLeft + columns;
  }

  public double plotWidth() {
    return columns;
  }

  /** Pixel columns of the plot: how many columns a frame for this layout reduces to. */
  public int columns() {
    return columns;
  }

  /** The x of instant {@code t} (epoch ns); outside the plot when {@code t} is outside the view. */
  public double xOf(long t) {
    return plotLeft + (double) (t - view.startNanos()) * columns / view.durationNanos();
  }

  /** The instant (epoch ns) at {@code x}, rounded to the nanosecond. */
  public long timeAt(double x) {
    return view.startNanos() + Math.round((x - plotLeft) / columns * view.durationNanos());
  }

  /** The lanes shown, top to bottom; on a scrolled screen some lie partly or wholly outside the {@link #viewportTop() viewport}. */
  public List<LaneBox> lanes() {
    return lanes;
  }

  /** The lane at {@code y}, or null in a gap, the axis, the margins or outside the viewport. */
  public LaneBox laneAt(double y) {
    if (!inViewport(y)) {
      return null;
    }
    for (LaneBox b : lanes) {
      if (b.contains(y)) {
        return b;
      }
    }
    return null;
  }

  /** The lane whose lower edge (with the gap under it) is within {@code slack} pixels of {@code y} in the viewport, or null. */
  public LaneBox lowerEdgeNear(double y, double slack) {
    if (!inViewport(y)) {
      return null;
    }
    for (LaneBox b : lanes) {
      if (Math.abs(y - (b.bottom() + LANE_GAP / 2)) <= slack) {
        return b;
      }
    }
    return null;
  }

  /** Whether any of lane {@code b} lies in the viewport (a screen scrolls the others out of sight). */
  public boolean shows(LaneBox b) {
    return b.bottom() > viewportTop() && b.top() < viewportBottom();
  }

  /**
   * Restricts {@code g} to the lanes' viewport, down to the axis line (a lane's frame is drawn on
   * its last pixel row), until the caller's {@link Painter#restore()}.
   */
  public void clipToViewport(Painter g) {
    g.clip(0, viewportTop(), width(), axisTop - viewportTop());
  }

  private boolean inViewport(double y) {
    return y >= viewportTop() && y < viewportBottom();
  }

  /** Top of the first lane, or of the viewport when the first lane is scrolled above it. */
  public double lanesTop() {
    return lanes.isEmpty() ? axisTop : Math.max(viewportTop(), lanes.get(0).top());
  }

  /** Bottom of the last lane, or of the viewport when the last lane runs below it. */
  public double lanesBottom() {
    return lanes.isEmpty() ? axisTop : Math.min(viewportBottom(), lanes.get(lanes.size() - 1).bottom());
  }

  /** Top of the area the lanes are drawn in (under the title and legend of an export). */
  public double viewportTop() {
    return stack.top();
  }

  /** Bottom of the area the lanes are drawn in, just above the time axis. */
  public double viewportBottom() {
    return stack.top() + stack.viewport();
  }

  /** Height of all shown lanes stacked with their gaps; more than the viewport's when they scroll. */
  public double contentHeight() {
    return stack.content();
  }

  /** How far the lanes are scrolled up, in logical pixels (0 for a picture). */
  public double scrollTop() {
    return Double.isNaN(stack.scroll()) ? 0 : stack.scroll();
  }

  /** The furthest the lanes can scroll: how much taller they are than the viewport (0 when they fit). */
  public double maxScrollTop() {
    return Math.max(0, stack.content() - stack.viewport());
  }

  /** Logical pixels per unit of the plan's heights, as the lanes above their minimum got them. */
  public double scale() {
    return stack.scale();
  }

  public double titleTop() {
    return titleTop;
  }

  /**
   * Whether every lane got at least its least readable height and the last one ends above the
   * time axis (too many lanes for the height of a picture do not; a screen scrolls them instead).
   */
  public boolean fits() {
    for (LaneBox b : lanes) {
      // b.bottom() is where the scroll put it; unscrolled, the stack ends scrollTop() lower
      if (b.height() + 1 < b.lane().minHeight() || b.bottom() + scrollTop() > viewportBottom() + 1) {
        return false;
      }
    }
    return true;
  }

  /** Top of the time axis (its UTC row; the local row, if any, under it). */
  public double axisTop() {
    return axisTop;
  }

  public double footerTop() {
    return footerTop;
  }

  /** The axis step, in ns. */
  public long tickStep() {
    return tickStep;
  }

  /** Marks of the UTC row. */
  public List<Tick> ticks() {
    return ticks;
  }

  /** Marks of the local row (same instants), or empty. */
  public List<Tick> localTicks() {
    return localTicks;
  }

  /** The zone of the second axis row, or null. */
  public ZoneId localZone() {
    return spec.localZone();
  }
}
