package org.dnsseismograph.render;

import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.series.ColumnBuffer;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.Unit;
import org.dnsseismograph.workspace.Annotation;

/**
 * Draws a timeline through a {@link Painter}, in the layers the screen redraws separately when
 * they change, bottom to top: axes (background, lane frames and titles, grid, time axis),
 * annotations (spans behind the data, labels in their lane), series (value axes and data), and the
 * overlay (crosshair, box selection); plus the title, legend and footer of an export, and the
 * overview strip. The one drawing code of the screen and every export.
 *
 * <p>Not thread-safe (it reuses point arrays): one instance per drawing thread, except that {@link
 * #paintLaneData} may run on two workers at once, for different lanes.
 */
public final class TimelinePainter {
  private final Palette palette;
  private final AxisPainter axes;
  /** One per worker of a shared redraw ({@link SharedJobs}): the painter's point arrays and edge cache. */
  private final SeriesPainter[] series;
  private final AnnotationPainter annotations;

  public TimelinePainter(Palette palette) {
    this.palette = palette;
    this.axes = new AxisPainter(palette);
    this.series = new SeriesPainter[] {new SeriesPainter(palette), new SeriesPainter(palette)};
    this.annotations = new AnnotationPainter(palette);
  }

  public Palette palette() {
    return palette;
  }

  /** Background, lane frames and headers, time grid and axis: what changes with the view, not the data. */
  public void paintAxes(Painter g, TimelineLayout l) {
    axes.paint(g, l);
  }

  /** Every shown lane's data from {@code frame} (null draws nothing), each clipped to its plot and the viewport. */
  public void paintSeries(Painter g, TimelineLayout l, FrameData frame) {
    for (LaneBox b : seriesLanes(l, frame)) {
      g.beginGroup("lane-" + b.lane().key());
      YScale s = paintLaneData(g, SharedJobs.CALLER, l, b, frame);
      paintLaneLabels(g, l, b, s);
      g.endGroup();
    }
  }

  /** The lanes {@link #paintSeries} draws from {@code frame} (null: none), top to bottom: those in the viewport. */
  public List<LaneBox> seriesLanes(TimelineLayout l, FrameData frame) {
    List<LaneBox> out = new ArrayList<>();
    for (LaneBox b : frame == null ? List.<LaneBox>of() : l.lanes()) {
      if (b.lane().kind() != LaneKind.ANNOTATIONS && l.shows(b) && frame.covers(b.lane())) {
        out.add(b);
      }
    }
    return out;
  }

  /**
   * What {@link #paintSeries} draws of lane {@code b} inside its plot (no-data shading, value grid,
   * data), with {@code worker}'s scratch state ({@link SharedJobs#CALLER} or {@link
   * SharedJobs#HELPER}): two workers may paint two lanes at once. Measures no text, so it may run
   * off the FX thread. Returns the lane's value scale for {@link #paintLaneLabels} (null: a heat
   * lane).
   */
  public YScale paintLaneData(Painter g, int worker, TimelineLayout l, LaneBox b, FrameData frame) {
    SeriesPainter series = this.series[worker];
    series.setPixel(l.columns() / (double) Math.max(1, frame.columns()));
    Lane lane = b.lane();
    ColumnBuffer[] bufs = frame.lane(lane.key());
    g.save();
    l.clipToViewport(g);
    g.clip(l.plotLeft(), b.plotTop(), l.plotWidth(), b.plotHeight());
    series.noData(g, l, b, bufs);
    YScale s = lane.kind() == LaneKind.HEAT ? null
        : lane.kind() == LaneKind.STACKED ? stackedScale(bufs, l) : YScale.ofBands(bufs, l, lane.logAxis());
    if (s == null) {
      series.heat(g, l, b, bufs);
    } else {
      valueGrid(g, l, b, s);
      if (lane.kind() == LaneKind.STACKED) {
        series.stacked(g, l, b, lane, bufs, s);
      } else {
        series.lines(g, l, b, lane, bufs, s);
      }
      series.rug(g, l, b, lane, frame.exact(lane.key()));
    }
    series.noDataWords(g, l, b, bufs);
    g.restore();
    return s;
  }

  /** The value labels of lane {@code b} on scale {@code s}, or a heat lane's row names (null {@code s}), left of its plot. */
  public void paintLaneLabels(Painter g, TimelineLayout l, LaneBox b, YScale s) {
    g.save();
    l.clipToViewport(g);
    if (s == null) {
      rowNames(g, l, b);
    } else {
      valueLabels(g, l, b, s);
    }
    g.restore();
  }

  /**
   * Annotation spans as tints behind the data lanes (paint them before the series, so a marked
   * spike stays visible) and labels in the annotations lane; {@code selectedId} (may be null) is
   * drawn heavier.
   */
  public void paintAnnotations(Painter g, TimelineLayout l, List<Annotation> list, String selectedId) {
    annotations.paint(g, l, list, selectedId);
  }

  /** The crosshair at {@code x}: a line through every lane and the exact time on the axis. */
  public void paintCrosshair(Painter g, TimelineLayout l, double x) {
    if (x < l.plotLeft() || x > l.plotRight()) {
      return;
    }
    g.line(x, l.lanesTop(), x, l.axisTop(), palette.crosshair(), LineStyle.HAIRLINE);
    String t = TimeText.utcMillis(l.timeAt(x));
    double w = g.textWidth(t, TextStyle.LABEL) + 10;
    double bx = Math.max(l.plotLeft(), Math.min(l.plotRight() - w, x - w / 2));
    g.fillRect(bx, l.axisTop() + 1, w, TimelineLayout.AXIS_ROW, palette.text());
    g.text(t, bx + w / 2, l.axisTop() + 1 + TimelineLayout.AXIS_ROW / 2, TextStyle.LABEL, palette.background(), Align.CENTER);
  }

  /** A box selection from {@code x0} to {@code x1} across the lanes (shift-drag to zoom, or a span to annotate). */
  public void paintSelection(Painter g, TimelineLayout l, double x0, double x1) {
    double a = Math.max(l.plotLeft(), Math.min(x0, x1));
    double b = Math.min(l.plotRight(), Math.max(x0, x1));
    if (b <= a) {
      return;
    }
    g.fillRect(a, l.lanesTop(), b - a, l.lanesBottom() - l.lanesTop(), palette.selection().withOpacity(0.15));
    g.strokeRect(a, l.lanesTop(), b - a, l.lanesBottom() - l.lanesTop(), palette.selection(), LineStyle.HAIRLINE);
  }

  /** The title, legend and footer lines of an export. */
  public void paintFrame(Painter g, TimelineLayout l) {
    LayoutSpec s = l.spec();
    double y = l.titleTop();
    if (!s.title().isEmpty()) {
      g.text(s.title(), 12, y + TextStyle.TITLE.lineHeight() / 2, TextStyle.TITLE, palette.text(), Align.LEFT);
      y += TextStyle.TITLE.lineHeight();
    }
    for (String line : s.legend()) {
      g.text(line, 12, y + TextStyle.LABEL.lineHeight() / 2, TextStyle.LABEL, palette.mutedText(), Align.LEFT);
      y += TextStyle.LABEL.lineHeight();
    }
    double fy = l.footerTop() + 6;
    for (String line : s.footer()) {
      g.text(line, 12, fy + TextStyle.SMALL.lineHeight() / 2, TextStyle.SMALL, palette.mutedText(), Align.LEFT);
      fy += TextStyle.SMALL.lineHeight();
    }
  }

  /**
   * The overview strip: the whole extent (the layout's view) with {@code lane}'s first series from
   * {@code frame}, the parts outside {@code window} dimmed, the window outlined with grips, and a
   * tick per annotation.
   */
  public void paintOverview(Painter g, TimelineLayout l, FrameData frame, Lane lane, TimeRange window,
      List<Annotation> list) {
    OverviewPainter.paint(g, l, frame, lane, window, list, palette, series[SharedJobs.CALLER]);
  }

  /**
   * The overview's bottom layer, its backgrounds: {@link #paintOverview} is this, then {@link
   * #paintOverviewData}, then {@link #paintOverviewMarks}, each over the one before.
   */
  public void paintOverviewBackground(Painter g, TimelineLayout l, Lane lane) {
    OverviewPainter.background(g, l, lane, palette);
  }

  /** The overview's middle layer: the lane's first series over the whole extent (null frame: nothing yet). */
  public void paintOverviewData(Painter g, TimelineLayout l, FrameData frame, Lane lane) {
    OverviewPainter.data(g, l, frame, lane, series[SharedJobs.CALLER]);
  }

  /** The overview's top layer: annotation ticks, the visible window over the dimmed rest, the time axis. */
  public void paintOverviewMarks(Painter g, TimelineLayout l, Lane lane, TimeRange window, List<Annotation> list) {
    OverviewPainter.marks(g, l, lane, window, list, palette);
  }

  private static YScale stackedScale(ColumnBuffer[] bufs, TimelineLayout l) {
    double hi = 0;
    for (int i = 0; bufs.length > 0 && i < bufs[0].columns(); i++) {
      if (l.xOf(bufs[0].columnEnd(i)) > l.plotLeft() && l.xOf(bufs[0].columnStart(i)) < l.plotRight()) {
        double sum = 0;
        for (ColumnBuffer b : bufs) {
          sum += b.hasData(i) ? b.value(i) : 0;
        }
        hi = Math.max(hi, sum);
      }
    }
    return YScale.fitting(0, hi);
  }

  private void valueGrid(Painter g, TimelineLayout l, LaneBox b, YScale s) {
    if (s.log()) {
      for (double d : s.decades()) {
        double y = Math.floor(s.y(d, b)) + 0.5;
        g.line(l.plotLeft(), y, l.plotRight(), y, palette.grid(), LineStyle.HAIRLINE);
      }
      return;
    }
    double y = Math.floor(s.y((s.min() + s.max()) / 2, b)) + 0.5;
    g.line(l.plotLeft(), y, l.plotRight(), y, palette.grid(), LineStyle.HAIRLINE);
    if (s.min() < 0) {
      double z = Math.floor(s.y(0, b)) + 0.5;
      g.line(l.plotLeft(), z, l.plotRight(), z, palette.axis(), LineStyle.HAIRLINE);
    }
  }

  private void valueLabels(Painter g, TimelineLayout l, LaneBox b, YScale s) {
    double x = l.plotLeft() - 6;
    Unit unit = b.lane().unit();
    g.text(ValueFormat.format(s.max(), unit), x, Math.max(b.plotTop() + 5, s.y(s.max(), b)), TextStyle.SMALL, palette.mutedText(),
        Align.RIGHT);
    double middle = middleLabel(s);
    if (b.plotHeight() >= 44 && !Double.isNaN(middle)) {
      g.text(ValueFormat.format(middle, unit), x, s.y(middle, b), TextStyle.SMALL, palette.mutedText(), Align.RIGHT);
    }
    g.text(ValueFormat.format(s.min(), unit), x, Math.min(b.plotBottom() - 5, s.y(s.min(), b)), TextStyle.SMALL, palette.mutedText(),
        Align.RIGHT);
  }

  /**
   * The value labelled halfway up: the middle value, or on a log axis the decade nearest the middle,
   * if it lies in the middle half (else its label would crowd the top's or the bottom's).
   */
  private static double middleLabel(YScale s) {
    if (!s.log()) {
      return (s.min() + s.max()) / 2;
    }
    double best = Double.NaN;
    for (double d : s.decades()) {
      if (Double.isNaN(best) || Math.abs(s.share(d) - 0.5) < Math.abs(s.share(best) - 0.5)) {
        best = d;
      }
    }
    return Double.isNaN(best) || Math.abs(s.share(best) - 0.5) > 0.25 ? Double.NaN : best;
  }

  /**
   * Every row's name beside it; only a lane squeezed below its minimum (rows under {@link
   * LanePlanner#HEAT_ROW_MIN}, which no layout gives a lane) names every k-th row so names never
   * overlap.
   */
  private void rowNames(Painter g, TimelineLayout l, LaneBox b) {
    List<LaneSeries> rows = b.lane().series();
    double rowH = b.plotHeight() / Math.max(1, rows.size());
    int every = rowH >= LanePlanner.HEAT_ROW_MIN - 0.5 ? 1 : (int) Math.ceil(LanePlanner.HEAT_ROW_MIN / rowH);
    for (int r = 0; r < rows.size(); r += every) {
      String name = Elide.toWidth(rows.get(r).label(), l.plotLeft() - 12, TextStyle.SMALL, g);
      g.text(name, l.plotLeft() - 6, b.plotTop() + (r + 0.5) * rowH, TextStyle.SMALL, palette.mutedText(), Align.RIGHT);
    }
  }
}
