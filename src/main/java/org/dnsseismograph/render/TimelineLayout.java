package org.dnsseismograph.render;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 * analyst's or the defaults), never below their minimum. Immutable and thread-safe.
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

  private final LayoutSpec spec;
  private final TimeRange view;
  private final double plotLeft;
  private final int columns;
  private final List<LaneBox> lanes;
  private final double titleTop;
  private final double axisTop;
  private final double footerTop;
  private final long tickStep;
  private final List<Tick> ticks;
  private final List<Tick> localTicks;

  private TimelineLayout(LayoutSpec spec, TimeRange view, List<LaneBox> lanes, double axisTop, double footerTop, TextMeasure m) {
    this.spec = spec;
    this.view = view;
    this.plotLeft = LEFT_MARGIN;
    this.columns = (int) Math.max(1, Math.floor(spec.width() - LEFT_MARGIN - RIGHT_MARGIN));
    this.lanes = List.copyOf(lanes);
    this.titleTop = PAD;
    this.axisTop = axisTop;
    this.footerTop = footerTop;
    this.tickStep = AxisTicks.step(view, columns, m);
    this.ticks = AxisTicks.ticks(view, tickStep, ZoneOffset.UTC);
    this.localTicks = spec.localZone() == null ? List.of() : AxisTicks.ticks(view, tickStep, spec.localZone());
  }

  /**
   * Lays out the {@code lanes} (shown ones, in order, with their heights from {@code plan}) over
   * {@code view}.
   *
   * @throws IllegalArgumentException if the view is empty
   */
  public static TimelineLayout of(LayoutSpec spec, LanePlan plan, TimeRange view, TextMeasure m) {
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
    List<LaneBox> boxes = stack(plan, top, axisTop - top - 2);
    return new TimelineLayout(spec, view, boxes, axisTop, footerTop, m);
  }

  private static List<LaneBox> stack(LanePlan plan, double top, double available) {
    List<Lane> shown = plan.visibleLanes();
    double space = Math.max(0, available - LANE_GAP * Math.max(0, shown.size() - 1));
    double[] h = new double[shown.size()];
    double wanted = 0;
    for (int i = 0; i < h.length; i++) {
      h[i] = plan.height(shown.get(i).key());
      wanted += h[i];
    }
    double scale = wanted > 0 ? space / wanted : 1;
    double fixed = 0;
    double flexible = 0;
    for (int i = 0; i < h.length; i++) {
      if (h[i] * scale < shown.get(i).minHeight()) {
        fixed += shown.get(i).minHeight();
      } else {
        flexible += h[i];
      }
    }
    double flexScale = flexible > 0 ? Math.max(0, space - fixed) / flexible : 0;
    List<LaneBox> out = new ArrayList<>();
    double y = top;
    for (int i = 0; i < h.length; i++) {
      Lane l = shown.get(i);
      double height = h[i] * scale < l.minHeight() ? l.minHeight() : h[i] * flexScale;
      out.add(new LaneBox(l, y, Math.floor(height)));
      y += Math.floor(height) + LANE_GAP;
    }
    return out;
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

  /** The lanes shown, top to bottom. */
  public List<LaneBox> lanes() {
    return lanes;
  }

  /** The lane at {@code y}, or null in a gap, the axis or the margins. */
  public LaneBox laneAt(double y) {
    for (LaneBox b : lanes) {
      if (b.contains(y)) {
        return b;
      }
    }
    return null;
  }

  /** The lane whose lower edge (with the gap under it) is within {@code slack} pixels of {@code y}, or null. */
  public LaneBox lowerEdgeNear(double y, double slack) {
    for (LaneBox b : lanes) {
      if (Math.abs(y - (b.bottom() + LANE_GAP / 2)) <= slack) {
        return b;
      }
    }
    return null;
  }

  /** Top of the first lane. */
  public double lanesTop() {
    return lanes.isEmpty() ? axisTop : lanes.get(0).top();
  }

  /** Bottom of the last lane. */
  public double lanesBottom() {
    return lanes.isEmpty() ? axisTop : lanes.get(lanes.size() - 1).bottom();
  }

  public double titleTop() {
    return titleTop;
  }

  /** Top of the time axis (its UTC row; the local row, if any, under it). */
  /**
   * Whether every lane got at least its least readable height and the last one ends above the
   * time axis (too many lanes for the height do not).
   */
  public boolean fits() {
    for (LaneBox b : lanes) {
      if (b.height() + 1 < b.lane().minHeight() || b.bottom() > axisTop + 1) {
        return false;
      }
    }
    return true;
  }

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
