package org.dnsseismograph.render;

import java.util.Arrays;
import org.dnsseismograph.series.ColumnBuffer;

/**
 * Draws reduced series into a lane's plot: bands with value lines, stacked areas, heat rows, and
 * the "no data" shading of gaps. Every column is placed by its own time edges. Reuses its point
 * arrays from frame to frame, so it is confined to one drawing thread.
 */
final class SeriesPainter {
  private static final double NO_DATA_TEXT_WIDTH = 70;
  /** Height of one series' strip of event ticks. */
  static final double RUG = 5;
  /** Share of busy columns above which a rug is left out. */
  static final double RUG_DENSITY = 0.35;
  private final Palette palette;
  private double[] xs = new double[4096];
  private double[] ys = new double[4096];
  private double[] cum = new double[2048];

  SeriesPainter(Palette palette) {
    this.palette = palette;
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
      Rgba c = lane.series().get(k).colour().withOpacity(0.85);
      int i = 0;
      while (i < n) {
        if (!anyData(bufs, i)) {
          i++;
          continue;
        }
        int p = 0;
        int start = i;
        for (; i < n && anyData(bufs, i); i++) {
          double v = bufs[k].hasData(i) ? bufs[k].value(i) : 0;
          p = point(p, l.xOf(bufs[k].columnStart(i)), s.y(cum[i] + v, box));
          p = point(p, l.xOf(bufs[k].columnEnd(i)), s.y(cum[i] + v, box));
        }
        for (int j = i - 1; j >= start; j--) {
          p = point(p, l.xOf(bufs[k].columnEnd(j)), s.y(cum[j], box));
          p = point(p, l.xOf(bufs[k].columnStart(j)), s.y(cum[j], box));
          cum[j] += bufs[k].hasData(j) ? bufs[k].value(j) : 0;
        }
        g.fillPolygon(xs, ys, p, c);
      }
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

  /** One row per series; each column coloured by the lowest ratio it holds, grey where nothing was asked. */
  void heat(Painter g, TimelineLayout l, LaneBox box, ColumnBuffer[] bufs) {
    double rowH = box.plotHeight() / Math.max(1, bufs.length);
    double inset = rowH >= 6 ? 1 : 0;
    for (int r = 0; r < bufs.length; r++) {
      ColumnBuffer b = bufs[r];
      double y = box.plotTop() + r * rowH;
      int i = 0;
      while (i < b.columns()) {
        Rgba c = heatColour(b, i);
        int j = i + 1;
        while (j < b.columns() && heatColour(b, j).equals(c)) {
          j++;
        }
        double x0 = l.xOf(b.columnStart(i));
        double x1 = l.xOf(b.columnEnd(j - 1));
        if (x1 > l.plotLeft() && x0 < l.plotRight()) {
          g.fillRect(x0, y, x1 - x0, rowH - inset, c);
        }
        i = j;
      }
    }
  }

  /** Shades runs of columns where no series of the lane has data, and says so where there is room. */
  void noData(Painter g, TimelineLayout l, LaneBox box, ColumnBuffer[] bufs) {
    if (bufs.length == 0) {
      return;
    }
    ColumnBuffer b0 = bufs[0];
    int i = 0;
    while (i < b0.columns()) {
      if (anyData(bufs, i)) {
        i++;
        continue;
      }
      int start = i;
      while (i < b0.columns() && !anyData(bufs, i)) {
        i++;
      }
      double x0 = Math.max(l.plotLeft(), l.xOf(b0.columnStart(start)));
      double x1 = Math.min(l.plotRight(), l.xOf(b0.columnEnd(i - 1)));
      if (x1 > x0) {
        g.fillRect(x0, box.plotTop(), x1 - x0, box.plotHeight(), palette.noData());
        if (x1 - x0 >= NO_DATA_TEXT_WIDTH && box.plotHeight() >= 14) {
          g.text("no data", (x0 + x1) / 2, box.plotTop() + box.plotHeight() / 2, TextStyle.SMALL, palette.mutedText(), Align.CENTER);
        }
      }
    }
  }

  private Rgba heatColour(ColumnBuffer b, int i) {
    return b.hasData(i) ? palette.heat(b.min(i)) : palette.noData();
  }

  private void band(Painter g, TimelineLayout l, LaneBox box, ColumnBuffer b, int from, int to, YScale s, Rgba c) {
    int p = 0;
    for (int i = from; i < to; i++) {
      p = point(p, l.xOf(b.columnStart(i)), s.y(b.max(i), box));
      p = point(p, l.xOf(b.columnEnd(i)), s.y(b.max(i), box));
    }
    for (int i = to - 1; i >= from; i--) {
      p = point(p, l.xOf(b.columnEnd(i)), s.y(b.min(i), box));
      p = point(p, l.xOf(b.columnStart(i)), s.y(b.min(i), box));
    }
    g.fillPolygon(xs, ys, p, c);
  }

  private void valueLine(Painter g, TimelineLayout l, LaneBox box, ColumnBuffer b, int from, int to, YScale s, Rgba c) {
    int p = 0;
    if (to - from == 1 || l.xOf(b.columnEnd(from)) - l.xOf(b.columnStart(from)) > 3) {
      // Wide columns (a zoom beyond the frame's resolution) draw as steps, so a value is never smeared across its neighbour.
      for (int i = from; i < to; i++) {
        p = point(p, l.xOf(b.columnStart(i)), s.y(b.value(i), box));
        p = point(p, l.xOf(b.columnEnd(i)), s.y(b.value(i), box));
      }
    } else {
      for (int i = from; i < to; i++) {
        p = point(p, (l.xOf(b.columnStart(i)) + l.xOf(b.columnEnd(i))) / 2, s.y(b.value(i), box));
      }
    }
    g.polyline(xs, ys, p, c, LineStyle.SERIES);
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
