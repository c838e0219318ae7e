package org.dnsseismograph.ui.annotations;

import java.util.List;
import org.dnsseismograph.render.LaneBox;
import org.dnsseismograph.render.LaneKind;
import org.dnsseismograph.render.TimelineLayout;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationKind;

/**
 * An annotation's edge under the mouse, and where dragging it puts the span: the start, the end,
 * or a point note as a whole. Edges are taken in the data lanes, where spans are drawn, within
 * {@link #SLACK} pixels; the selected annotation wins over others, then the nearest edge. Times
 * snap to the finest of 1 ms, 1 µs, 1 ns that a pixel still resolves. Immutable.
 *
 * @param annotation the annotation whose edge it is
 * @param edge which edge
 */
public record EdgeHit(Annotation annotation, Edge edge) {
  /** How near an edge a press grabs it, in pixels. */
  public static final double SLACK = 4;

  /** Which part of a span moves. */
  public enum Edge {
    START,
    END,
    /** A point note, moved whole. */
    POINT
  }

  /** The edge at {@code (x, y)} among the drawn {@code annotations}, or null. */
  public static EdgeHit at(TimelineLayout l, List<Annotation> annotations, String selectedId, double x, double y) {
    LaneBox lane = l.laneAt(y);
    if (lane == null || lane.lane().kind() == LaneKind.ANNOTATIONS || x < l.plotLeft() - SLACK || x > l.plotRight() + SLACK
        || y < lane.plotTop()) {
      return null;
    }
    EdgeHit best = null;
    double bestDistance = Double.MAX_VALUE;
    for (Annotation a : annotations) {
      if (!a.state().isDrawn()) {
        continue;
      }
      double x0 = l.xOf(a.span().startNanos());
      double x1 = l.xOf(a.span().endNanos());
      boolean selected = a.id().equals(selectedId);
      double d0 = Math.abs(x - x0) - (selected ? SLACK : 0);
      double d1 = Math.abs(x - x1) - (selected ? SLACK : 0);
      if (a.isPoint() && Math.abs(x - x0) <= SLACK && d0 < bestDistance) {
        best = new EdgeHit(a, Edge.POINT);
        bestDistance = d0;
      } else if (!a.isPoint() && Math.abs(x - x1) <= SLACK && d1 < bestDistance && x >= (x0 + x1) / 2) {
        best = new EdgeHit(a, Edge.END);
        bestDistance = d1;
      } else if (!a.isPoint() && Math.abs(x - x0) <= SLACK && d0 < bestDistance) {
        best = new EdgeHit(a, Edge.START);
        bestDistance = d0;
      }
    }
    return best;
  }

  /**
   * The span after dragging this edge to {@code t} (epoch ns): an edge never crosses the other
   * (outages and spikes keep at least {@code minNanos}; a note may shrink to a point).
   */
  public TimeRange dragTo(long t, long minNanos) {
    TimeRange s = annotation.span();
    long keep = annotation.kind() == AnnotationKind.NOTE ? 0 : Math.max(1, minNanos);
    return switch (edge) {
      case POINT -> new TimeRange(t, t);
      case START -> new TimeRange(Math.min(t, s.endNanos() - keep), s.endNanos());
      case END -> new TimeRange(s.startNanos(), Math.max(t, s.startNanos() + keep));
    };
  }

  /** {@code t} rounded to the finest of 1 ms, 1 µs, 1 ns not finer than {@code nanosPerPixel}. */
  public static long snap(long t, double nanosPerPixel) {
    long step = nanosPerPixel >= 1_000_000 ? 1_000_000 : nanosPerPixel >= 1_000 ? 1_000 : 1;
    return Math.floorDiv(t + step / 2, step) * step;
  }
}
