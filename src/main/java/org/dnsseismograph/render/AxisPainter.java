package org.dnsseismograph.render;

import java.time.ZoneOffset;
import java.util.List;

/**
 * Draws what does not depend on the data: the background, each lane's frame and header, the time
 * grid, and the time axis with its zone stated in the margin (UTC, and the local zone on a second
 * row when asked). Confined to one drawing thread.
 */
final class AxisPainter {
  private static final double TICK = 4;
  private final Palette palette;

  AxisPainter(Palette palette) {
    this.palette = palette;
  }

  void paint(Painter g, TimelineLayout l) {
    g.fillRect(0, 0, l.width(), l.height(), palette.background());
    g.save();
    l.clipToViewport(g);
    for (LaneBox b : l.lanes()) {
      if (!l.shows(b)) {
        continue;
      }
      g.fillRect(l.plotLeft(), b.plotTop(), l.plotWidth(), b.plotHeight(), palette.plotBackground());
      if (b.lane().kind() != LaneKind.ANNOTATIONS) {
        for (Tick t : l.ticks()) {
          double x = Math.floor(l.xOf(t.time())) + 0.5;
          g.line(x, b.plotTop(), x, b.plotBottom(), palette.grid(), LineStyle.HAIRLINE);
        }
      }
      g.strokeRect(l.plotLeft() - 0.5, b.plotTop() - 0.5, l.plotWidth() + 1, b.plotHeight() + 1, palette.grid(), LineStyle.HAIRLINE);
      header(g, l, b);
    }
    g.restore();
    axis(g, l);
  }

  /** The time axis alone: its UTC row, and the local row when the layout has a zone. */
  void axis(Painter g, TimelineLayout l) {
    axisRow(g, l, l.axisTop(), l.ticks(), AxisTicks.context(l.view().startNanos(), l.tickStep(), ZoneOffset.UTC), true);
    if (l.localZone() != null) {
      String ctx = AxisTicks.context(l.view().startNanos(), l.tickStep(), l.localZone());
      if (g.textWidth(ctx, TextStyle.LABEL) > l.plotLeft() - 14) {
        ctx = l.localZone().getId();
      }
      axisRow(g, l, l.axisTop() + TimelineLayout.AXIS_ROW, l.localTicks(), ctx, false);
    }
  }

  /** The lane's title with its unit, then a colour key for each series (or the heat ramp). */
  private void header(Painter g, TimelineLayout l, LaneBox b) {
    Lane lane = b.lane();
    double y = b.top() + TimelineLayout.HEADER / 2;
    String unit = ValueFormat.unitText(lane.unit());
    String title = lane.kind() == LaneKind.HEAT || lane.kind() == LaneKind.ANNOTATIONS || unit.isEmpty() ? lane.title()
        : lane.title() + " (" + unit + (lane.logAxis() ? ", log" : "") + ")";
    g.text(title, l.plotLeft(), y, TextStyle.HEADING, palette.text(), Align.LEFT);
    double x = l.plotLeft() + g.textWidth(title, TextStyle.HEADING) + 14;
    if (lane.kind() == LaneKind.HEAT) {
      heatKey(g, x, y, l.plotRight());
      return;
    }
    if (lane.series().size() < 2) {
      return;
    }
    for (LaneSeries s : lane.series()) {
      double w = g.textWidth(s.label(), TextStyle.LABEL);
      if (x + 14 + w > l.plotRight()) {
        break;
      }
      g.fillRect(x, y - 4, 9, 9, s.colour());
      g.text(s.label(), x + 12, y, TextStyle.LABEL, palette.mutedText(), Align.LEFT);
      x += 12 + w + 12;
    }
  }

  /** The ramp from 0 to 1, then the colour of "nothing asked", each only where it ends before {@code right} (the plot's edge). */
  private void heatKey(Painter g, double x, double y, double right) {
    double x0 = x + 10;
    double x1 = x0 + (Palette.HEAT_STEPS + 1) * 4 + 4;
    if (x1 + g.textWidth("1", TextStyle.SMALL) > right) {
      return;
    }
    g.text("0", x, y, TextStyle.SMALL, palette.mutedText(), Align.LEFT);
    for (int k = 0; k <= Palette.HEAT_STEPS; k++) {
      g.fillRect(x0 + k * 4, y - 4, 4, 9, palette.heat(k / (double) Palette.HEAT_STEPS));
    }
    g.text("1", x1, y, TextStyle.SMALL, palette.mutedText(), Align.LEFT);
    if (x1 + 28 + g.textWidth("nothing asked", TextStyle.SMALL) <= right) {
      g.fillRect(x1 + 16, y - 4, 9, 9, palette.noData());
      g.text("nothing asked", x1 + 28, y, TextStyle.SMALL, palette.mutedText(), Align.LEFT);
    }
  }

  private void axisRow(Painter g, TimelineLayout l, double top, List<Tick> ticks, String context, boolean withLine) {
    if (withLine) {
      g.line(l.plotLeft(), top + 0.5, l.plotRight(), top + 0.5, palette.axis(), LineStyle.HAIRLINE);
    }
    double y = top + TimelineLayout.AXIS_ROW / 2 + 3;
    for (Tick t : ticks) {
      double x = Math.floor(l.xOf(t.time())) + 0.5;
      if (withLine) {
        g.line(x, top, x, top + TICK, palette.axis(), LineStyle.HAIRLINE);
      }
      double half = g.textWidth(t.label(), TextStyle.LABEL) / 2;
      if (x - half >= l.plotLeft() - 4 && x + half <= l.width() - 2) {
        g.text(t.label(), x, y, TextStyle.LABEL, withLine ? palette.text() : palette.mutedText(), Align.CENTER);
      }
    }
    String ctx = Elide.toWidth(context, l.plotLeft() - 14, TextStyle.LABEL, g);
    g.text(ctx, l.plotLeft() - 8, y, TextStyle.LABEL, withLine ? palette.text() : palette.mutedText(), Align.RIGHT);
  }
}
