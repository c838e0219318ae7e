package org.dnsseismograph.render;

import java.util.List;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationState;

/**
 * Draws annotations: each span as a tinted band with edge lines across every data lane (dashed
 * while proposed), a point note as a single line, and the labels in the annotations lane where
 * {@link AnnotationLabelLayout} put them. Confined to one drawing thread.
 */
final class AnnotationPainter {
  private final Palette palette;

  AnnotationPainter(Palette palette) {
    this.palette = palette;
  }

  void paint(Painter g, TimelineLayout l, List<Annotation> annotations, String selectedId) {
    g.save();
    l.clipToViewport(g);
    for (LaneBox b : l.lanes()) {
      if (!l.shows(b)) {
        continue;
      }
      if (b.lane().kind() == LaneKind.ANNOTATIONS) {
        labels(g, l, b, annotations, selectedId);
      } else {
        g.save();
        g.clip(l.plotLeft(), b.plotTop(), l.plotWidth(), b.plotHeight());
        for (Annotation a : annotations) {
          if (a.state().isDrawn()) {
            span(g, l, b, a, a.id().equals(selectedId));
          }
        }
        g.restore();
      }
    }
    g.restore();
  }

  private void span(Painter g, TimelineLayout l, LaneBox b, Annotation a, boolean selected) {
    double x0 = l.xOf(a.span().startNanos());
    double x1 = l.xOf(a.span().endNanos());
    if (x1 < l.plotLeft() - 2 || x0 > l.plotRight() + 2) {
      return;
    }
    Rgba c = palette.annotation(a.kind());
    boolean proposed = a.state() == AnnotationState.PROPOSED;
    LineStyle edge = proposed ? LineStyle.DASHED : new LineStyle(selected ? 2.5 : 1.2, 0);
    if (x1 - x0 >= 1) {
      g.fillRect(x0, b.plotTop(), x1 - x0, b.plotHeight(), c.withOpacity(proposed ? 0.07 : 0.12));
      g.line(x1, b.plotTop(), x1, b.plotBottom(), c.withOpacity(0.8), edge);
    }
    g.line(x0, b.plotTop(), x0, b.plotBottom(), c.withOpacity(0.8), edge);
  }

  private void labels(Painter g, TimelineLayout l, LaneBox b, List<Annotation> annotations, String selectedId) {
    g.save();
    g.clip(l.plotLeft(), b.plotTop(), l.plotWidth(), b.plotHeight());
    for (PlacedLabel p : AnnotationLabelLayout.place(annotations, l, b, g)) {
      Annotation a = p.annotation();
      Rgba c = palette.annotation(a.kind());
      boolean proposed = a.state() == AnnotationState.PROPOSED;
      g.beginGroup("annotation-" + a.id());
      g.fillRect(p.x(), p.y(), p.width(), p.height(), c.withOpacity(proposed ? 0.08 : 0.16));
      // The accent stands on the side nearest the annotation: the right for a label ending at the plot's edge.
      double accent = p.x() < l.xOf(a.span().startNanos()) ? p.right() - 3 : p.x();
      g.fillRect(accent, p.y(), 3, p.height(), c);
      if (proposed || a.id().equals(selectedId)) {
        g.strokeRect(p.x() + 0.5, p.y() + 0.5, p.width() - 1, p.height() - 1, c, a.id().equals(selectedId) ? new LineStyle(2, 0)
            : LineStyle.DASHED);
      }
      g.text(p.shownText(), p.x() + AnnotationLabelLayout.PAD, p.y() + p.height() / 2, TextStyle.LABEL, palette.text(), Align.LEFT);
      g.endGroup();
    }
    g.restore();
  }
}
