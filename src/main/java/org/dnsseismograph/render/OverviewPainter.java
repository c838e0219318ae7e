package org.dnsseismograph.render;

import java.util.List;
import org.dnsseismograph.series.ColumnBuffer;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.workspace.Annotation;

/**
 * Draws the overview strip: the whole extent as one small lane of the first series, its time axis,
 * a tick per annotation, and the visible window as a bright, outlined range with grips on both
 * edges, the rest dimmed. Drawn in three layers one above the other (background, data, marks), so
 * that a screen can put the data through a pixel buffer of its own. Stateless; the series painter
 * it is given carries the thread confinement.
 */
final class OverviewPainter {
  /** Width of the grip drawn on each edge of the window. */
  static final double GRIP = 5;

  private OverviewPainter() {}

  static void paint(Painter g, TimelineLayout l, FrameData frame, Lane lane, TimeRange window, List<Annotation> list, Palette palette,
      SeriesPainter series) {
    background(g, l, lane, palette);
    data(g, l, frame, lane, series);
    marks(g, l, lane, window, list, palette);
  }

  /** The strip's background and its plot's. */
  static void background(Painter g, TimelineLayout l, Lane lane, Palette palette) {
    g.fillRect(0, 0, l.width(), l.height(), palette.background());
    LaneBox box = box(l, lane);
    g.fillRect(l.plotLeft(), box.plotTop(), l.plotWidth(), box.plotHeight(), palette.plotBackground());
  }

  /** The first series of {@code lane} over the whole extent, with its gaps shaded. */
  static void data(Painter g, TimelineLayout l, FrameData frame, Lane lane, SeriesPainter series) {
    if (frame != null && frame.covers(lane) && !lane.series().isEmpty()) {
      LaneBox box = box(l, lane);
      ColumnBuffer[] one = {frame.lane(lane.key())[0]};
      Lane single = new Lane(lane.key(), lane.title(), LaneKind.LINES, List.of(lane.series().get(0)), lane.unit(), 40, 10);
      g.save();
      g.clip(l.plotLeft(), box.plotTop(), l.plotWidth(), box.plotHeight());
      series.noData(g, l, box, one);
      series.lines(g, l, box, single, one, YScale.ofBands(one, l));
      series.noDataWords(g, l, box, one);
      g.restore();
    }
  }

  /** Annotation ticks, the window (the rest dimmed, grips on its edges), the label and the time axis. */
  static void marks(Painter g, TimelineLayout l, Lane lane, TimeRange window, List<Annotation> list, Palette palette) {
    LaneBox box = box(l, lane);
    for (Annotation a : list) {
      if (a.state().isDrawn()) {
        double x = l.xOf(a.span().startNanos());
        double w = Math.max(2, l.xOf(a.span().endNanos()) - x);
        g.fillRect(x, box.plotBottom() - 5, w, 5, palette.annotation(a.kind()));
      }
    }
    double x0 = Math.max(l.plotLeft(), l.xOf(window.startNanos()));
    double x1 = Math.min(l.plotRight(), Math.max(x0 + 2, l.xOf(window.endNanos())));
    Rgba dim = palette.background().withOpacity(0.6);
    g.fillRect(l.plotLeft(), box.plotTop(), x0 - l.plotLeft(), box.plotHeight(), dim);
    g.fillRect(x1, box.plotTop(), l.plotRight() - x1, box.plotHeight(), dim);
    g.strokeRect(x0, box.plotTop(), x1 - x0, box.plotHeight(), palette.selection(), new LineStyle(1.5, 0));
    double gy = box.plotTop() + box.plotHeight() / 2 - 7;
    g.fillRect(x0 - GRIP / 2, gy, GRIP, 14, palette.selection());
    g.fillRect(x1 - GRIP / 2, gy, GRIP, 14, palette.selection());
    g.text("overview", l.plotLeft() - 8, box.plotTop() + box.plotHeight() / 2, TextStyle.SMALL, palette.mutedText(), Align.RIGHT);
    new AxisPainter(palette).axis(g, l);
  }

  private static LaneBox box(TimelineLayout l, Lane lane) {
    return new LaneBox(lane, 4 - TimelineLayout.HEADER, l.axisTop() - 6 + TimelineLayout.HEADER);
  }
}
