package org.dnsseismograph.render;

import java.util.Arrays;
import org.dnsseismograph.series.ColumnBuffer;
import org.dnsseismograph.series.TimeRange;

/**
 * Draws reduced series into a lane's plot: bands with value lines, stacked areas, heat rows, and
 * the "no data" shading of gaps. Every column is placed by its own time edges. Reuses its point
 * arrays from frame to frame, so it is confined to one drawing thread.
 */
final class SeriesPainter {
  private static final double NO_DATA_TEXT_WIDTH = 70;
  /** A heat column where no row has data: the lane's "no data" shading stands for it. */
  private static final int LANE_EMPTY = -2;
  private static final int HAS_DATA = 0;
  private static final int UNOBSERVED = 1;
  private static final int UNDECIDED = 2;
  /** Observed with nothing to measure (no query answered): left unshaded, the line broken there. */
  private static final int QUIET = 3;
  /** Height of one series' strip of event ticks. */
  static final double RUG = 5;
  /** Share of busy columns above which a rug is left out. */
  static final double RUG_DENSITY = 0.35;
  private final Palette palette;
  private double[] xs = new double[4096];
  private double[] ys = new double[4096];
  private double[] cum = new double[2048];
  /** One device pixel in logical pixels: 0.5 on a 2× export. Bars snap to it. */
  private double px = 1;
  /** The x of every column edge for {@link #edgeLayout} and a buffer of {@link #edgeRange} in {@link #edgeColumns}. */
  private double[] edgeX = new double[0];
  private TimelineLayout edgeLayout;
  private TimeRange edgeRange;
  private int edgeColumns = -1;

  /**
   * The x of every column edge of {@code b}. Every series of a frame has the same edges, so they are
   * computed once a frame instead of twice per column and series: a quarter of a wide frame's drawing
   * went to {@link TimelineLayout#xOf}.
   */
  private double[] xEdges(TimelineLayout l, ColumnBuffer b) {
    int n = b.columns();
    if (l != edgeLayout || n != edgeColumns || !b.range().equals(edgeRange)) {
      if (edgeX.length < n + 1) {
        edgeX = new double[n + 1];
      }
      for (int i = 0; i <= n; i++) {
        edgeX[i] = l.xOf(b.columnStart(i));
      }
      edgeLayout = l;
      edgeColumns = n;
      edgeRange = b.range();
    }
    return edgeX;
  }

  SeriesPainter(Palette palette) {
    this.palette = palette;
  }

  /** Sets the device pixel size bars snap to (1 on screen, 1/scale for a high-DPI export). */
  void setPixel(double logical) {
    px = Math.max(0.25, Math.min(1, logical));
  }

  /** Each series' min–max band, then its value line; runs of columns with data are drawn, gaps left open. */
  void lines(Painter g, TimelineLayout l, LaneBox box, Lane lane, ColumnBuffer[] bufs, YScale s) {
    double bandOpacity = bufs.length == 1 ? 0.30 : 0.18;
    for (int k = 0; k < bufs.length; k++) {
      Rgba c = lane.series().get(k).colour();
      ColumnBuffer b = bufs[k];
      for (int i = 0; i < b.columns(); i = runEnd(b, i)) {
        if (b.hasData(i)) {
          int end = runEnd(b, i);
          band(g, l, box, b, i, end, s, c.withOpacity(bandOpacity));
          valueLine(g, l, box, b, i, end, s, c);
        }
      }
    }
  }

  /** Series' values stacked upwards in order, each as an area from the stack below it. */
  void stacked(Painter g, TimelineLayout l, LaneBox box, Lane lane, ColumnBuffer[] bufs, YScale s) {
    if (bufs.length == 0) {
      return;
    }
    int n = bufs[0].columns();
    if (cum.length < n) {
      cum = new double[n];
    }
    Arrays.fill(cum, 0, n, 0);
    for (int k = 0; k < bufs.length; k++) {
      ColumnBuffer b = bufs[k];
      Bars bars = new Bars(px, g, lane.series().get(k).colour().withOpacity(0.85));
      double[] x = xEdges(l, b);
      for (int i = 0; i < n; i++) {
        if (b.hasData(i)) {
          double top = cum[i] + b.value(i);
          bars.add(x[i], x[i + 1], s.y(top, box), s.y(cum[i], box));
          cum[i] = top;
        }
      }
      bars.flush();
    }
  }

  /**
   * Where rates are drawn from buckets wider than a pixel, the exact events per pixel column as a
   * rug of ticks along the plot's bottom, one strip per series: zoomed in, each query is seen. A
   * series with events in most columns would only draw a solid bar, so it gets no rug.
   */
  void rug(Painter g, TimelineLayout l, LaneBox box, Lane lane, ColumnBuffer[] exact) {
    int strip = 0;
    for (int k = 0; k < exact.length; k++) {
      ColumnBuffer b = exact[k];
      if (b == null || !sparse(b)) {
        continue;
      }
      Rgba c = lane.series().get(k).colour();
      double bottom = box.plotBottom() - strip * RUG;
      for (int i = 0; i < b.columns(); i++) {
        if (b.count(i) > 0) {
          double x0 = l.xOf(b.columnStart(i));
          double w = Math.max(1, l.xOf(b.columnEnd(i)) - x0);
          g.fillRect(x0, bottom - RUG + 1, w, RUG - 1, c);
        }
      }
      strip++;
    }
  }

  /**
   * One row per series; each column coloured by the lowest ratio it holds, grey where nothing was
   * asked. Columns where no row has data are left to {@link #noData}'s shading, so its words stay
   * readable instead of being cut into strips by the rows' grey.
   */
  void heat(Painter g, TimelineLayout l, LaneBox box, ColumnBuffer[] bufs) {
    double rowH = box.plotHeight() / Math.max(1, bufs.length);
    double inset = rowH >= 6 ? 1 : 0;
    for (int r = 0; r < bufs.length; r++) {
      ColumnBuffer b = bufs[r];
      double y = box.plotTop() + r * rowH;
      int i = 0;
      while (i < b.columns()) {
        int step = heatStep(bufs, b, i);
        int j = i + 1;
        while (j < b.columns() && heatStep(bufs, b, j) == step) {
          j++;
        }
        double x0 = l.xOf(b.columnStart(i));
        double x1 = l.xOf(b.columnEnd(j - 1));
        if (step != LANE_EMPTY && x1 > l.plotLeft() && x0 < l.plotRight()) {
          g.fillRect(Math.rint(x0), y, Math.max(1, Math.rint(x1) - Math.rint(x0)), rowH - inset,
              step < 0 ? palette.noData() : palette.heatOfStep(step));
        }
        i = j;
      }
    }
  }

  /**
   * Shades runs of columns where no series of the lane has data; {@link #noDataWords} then says
   * why, over the value grid.
   */
  void noData(Painter g, TimelineLayout l, LaneBox box, ColumnBuffer[] bufs) {
    forEachRunWithout(l, bufs, (x0, x1, state) -> g.fillRect(x0, box.plotTop(), x1 - x0, box.plotHeight(), palette.noData()));
  }

  /**
   * Where a shaded run is wide enough, says what it is: "undecided" where the time was observed but
   * its values are not known yet (unanswered queries in the last timeout before the input's end, or
   * at the live edge), else "no data". The words sit on a patch of the shading, so a grid line does
   * not strike them out.
   */
  void noDataWords(Painter g, TimelineLayout l, LaneBox box, ColumnBuffer[] bufs) {
    if (box.plotHeight() < 14) {
      return;
    }
    double y = box.plotTop() + box.plotHeight() / 2;
    forEachRunWithout(l, bufs, (x0, x1, state) -> {
      if (x1 - x0 >= NO_DATA_TEXT_WIDTH) {
        double mid = (x0 + x1) / 2;
        g.fillRect(mid - NO_DATA_TEXT_WIDTH / 2 + 2, y - 7, NO_DATA_TEXT_WIDTH - 4, 14, palette.noData());
        g.text(state == UNDECIDED ? "undecided" : "no data", mid, y, TextStyle.SMALL, palette.mutedText(), Align.CENTER);
      }
    });
  }

  /** What {@link #forEachRunWithout} calls for each run of columns without data: its pixel span and its state. */
  private interface RunAction {
    void run(double x0, double x1, int state);
  }

  /** Calls {@code action} for each run of columns, of one state, where no series of the lane has data and that shows in the plot. */
  private static void forEachRunWithout(TimelineLayout l, ColumnBuffer[] bufs, RunAction action) {
    if (bufs.length == 0) {
      return;
    }
    ColumnBuffer b0 = bufs[0];
    int i = 0;
    while (i < b0.columns()) {
      int state = dataState(bufs, i);
      int start = i;
      while (i < b0.columns() && dataState(bufs, i) == state) {
        i++;
      }
      if (state == HAS_DATA || state == QUIET) {
        continue;
      }
      double x0 = Math.max(l.plotLeft(), l.xOf(b0.columnStart(start)));
      double x1 = Math.min(l.plotRight(), l.xOf(b0.columnEnd(i - 1)));
      if (x1 > x0) {
        action.run(x0, x1, state);
      }
    }
  }

  /**
   * {@link #HAS_DATA} when a series of the lane has data in column {@code i}, else {@link #UNDECIDED},
   * {@link #QUIET} or {@link #UNOBSERVED}.
   */
  private static int dataState(ColumnBuffer[] bufs, int i) {
    if (anyData(bufs, i)) {
      return HAS_DATA;
    }
    boolean quiet = false;
    for (ColumnBuffer b : bufs) {
      if (b.isUndecided(i)) {
        return UNDECIDED;
      }
      quiet |= b.isQuiet(i);
    }
    return quiet ? QUIET : UNOBSERVED;
  }

  /**
   * The heat step of row {@code b}'s lowest ratio in column {@code i}; -1 where nothing was asked
   * of it, {@link #LANE_EMPTY} where nothing was asked of any row.
   */
  private int heatStep(ColumnBuffer[] rows, ColumnBuffer b, int i) {
    if (b.hasData(i)) {
      return palette.heatStep(b.min(i));
    }
    return anyData(rows, i) ? -1 : LANE_EMPTY;
  }

  private void band(Painter g, TimelineLayout l, LaneBox box, ColumnBuffer b, int from, int to, YScale s, Rgba c) {
    Bars bars = new Bars(px, g, c);
    double[] x = xEdges(l, b);
    for (int i = from; i < to; i++) {
      bars.add(x[i], x[i + 1], s.y(b.max(i), box), s.y(b.min(i), box));
    }
    bars.flush();
  }

  private void valueLine(Painter g, TimelineLayout l, LaneBox box, ColumnBuffer b, int from, int to, YScale s, Rgba c) {
    if (to - from > 1 && l.xOf(b.columnEnd(from)) - l.xOf(b.columnStart(from)) <= 3) {
      denseLine(g, l, box, b, from, to, s, c);
      return;
    }
    // Wide columns (a zoom beyond the frame's resolution) draw as steps, so a value is never smeared across its neighbour.
    Bars flats = new Bars(px, g, c);
    Bars risers = new Bars(px, g, c);
    for (int i = from; i < to; i++) {
      double y = s.y(b.value(i), box);
      double x1 = l.xOf(b.columnEnd(i));
      flats.add(l.xOf(b.columnStart(i)), x1, y - 0.6, y + 0.6);
      if (i + 1 < to) {
        double next = s.y(b.value(i + 1), box);
        risers.add(x1 - 0.6, x1 + 0.6, Math.min(y, next) - 0.6, Math.max(y, next) + 0.6);
        risers.flush();
      }
    }
    flats.flush();
  }

  /**
   * A line through columns about a pixel wide, drawn as one bar per column covering the line's path
   * through it (from half-way to the previous value to half-way to the next): crisp, and an
   * axis-aligned rectangle per column instead of a stroked path that crosses the lane at each noisy
   * step.
   */
  private void denseLine(Painter g, TimelineLayout l, LaneBox box, ColumnBuffer b, int from, int to, YScale s, Rgba c) {
    Bars bars = new Bars(px, g, c);
    double[] x = xEdges(l, b);
    double prev = Double.NaN;
    double y = s.y(b.value(from), box);
    for (int i = from; i < to; i++) {
      double next = i + 1 < to ? s.y(b.value(i + 1), box) : Double.NaN;
      double lo = y;
      double hi = y;
      if (!Double.isNaN(prev)) {
        lo = Math.min(lo, (y + prev) / 2);
        hi = Math.max(hi, (y + prev) / 2);
      }
      if (!Double.isNaN(next)) {
        lo = Math.min(lo, (y + next) / 2);
        hi = Math.max(hi, (y + next) / 2);
      }
      bars.add(x[i], x[i + 1], lo - 0.6, hi + 0.6);
      prev = y;
      y = next;
    }
    bars.flush();
  }

  /**
   * Column bars snapped to whole pixels, with neighbours of equal extent merged into one
   * rectangle: axis-aligned rectangles are the fast path of every backend, where a polygon with a
   * step per column makes a rasteriser cross thousands of edges on each scanline.
   */
  private static final class Bars {
    private final double px;
    private final Painter g;
    private final Rgba colour;
    private double x0 = Double.NaN;
    private double x1;
    private double top;
    private double bottom;

    Bars(double px, Painter g, Rgba colour) {
      this.px = px;
      this.g = g;
      this.colour = colour;
    }

    void add(double from, double to, double yTop, double yBottom) {
      double t = Math.floor(yTop / px) * px;
      double b = Math.max(t + px, Math.ceil(yBottom / px) * px);
      double l = Math.rint(from / px) * px;
      double r = Math.max(l + px, Math.rint(to / px) * px);
      if (!Double.isNaN(x0) && l <= x1 && t == top && b == bottom) {
        x1 = Math.max(x1, r);
        return;
      }
      flush();
      x0 = l;
      x1 = r;
      top = t;
      bottom = b;
    }

    void flush() {
      if (!Double.isNaN(x0)) {
        g.fillRect(x0, top, x1 - x0, bottom - top, colour);
        x0 = Double.NaN;
      }
    }
  }

  private int point(int p, double x, double y) {
    if (p == xs.length) {
      xs = Arrays.copyOf(xs, p * 2);
      ys = Arrays.copyOf(ys, p * 2);
    }
    xs[p] = x;
    ys[p] = y;
    return p + 1;
  }

  /** Whether fewer than {@link #RUG_DENSITY} of the columns hold events. */
  private static boolean sparse(ColumnBuffer b) {
    int busy = 0;
    for (int i = 0; i < b.columns(); i++) {
      busy += b.count(i) > 0 ? 1 : 0;
    }
    return busy < RUG_DENSITY * b.columns();
  }

  private static int runEnd(ColumnBuffer b, int i) {
    boolean data = b.hasData(i);
    int j = i + 1;
    while (j < b.columns() && b.hasData(j) == data) {
      j++;
    }
    return j;
  }

  private static boolean anyData(ColumnBuffer[] bufs, int i) {
    for (ColumnBuffer b : bufs) {
      if (b.hasData(i)) {
        return true;
      }
    }
    return false;
  }
}
