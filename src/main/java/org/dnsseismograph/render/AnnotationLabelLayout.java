package org.dnsseismograph.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationState;

/**
 * Places annotation labels in the rows of the annotations lane so that no two ever overlap. Each
 * label starts at its annotation's start (or the plot's left edge) in the first row free there;
 * one that would run past the plot's right edge ends at that edge instead, when a row is free there.
 * When every row is taken, the label that has held its row longest is cut short with "…" to make
 * room; when even that leaves less than {@link #MIN_WIDTH}, the new label is not shown (its span is
 * still drawn, and the window shows every label as a tooltip). Labels wider than the plot are cut
 * at its right edge. Stateless and thread-safe.
 */
public final class AnnotationLabelLayout {
  /** Narrowest label worth drawing: a few letters and the ellipsis. */
  public static final double MIN_WIDTH = 48;
  /** Space kept between labels in a row. */
  public static final double GAP = 4;
  /** Padding inside a label box, each side. */
  public static final double PAD = 5;
  private static final String ELLIPSIS = "…";

  private AnnotationLabelLayout() {}

  /** The text a label shows in full: kind, "proposed" while it is, and the label. */
  public static String text(Annotation a) {
    String kind = a.kind().word();
    return (a.state() == AnnotationState.PROPOSED ? "proposed " + kind : kind) + ": " + a.label();
  }

  /** Labels of the drawn {@code annotations} that fall in view, placed in {@code box}'s plot. */
  public static List<PlacedLabel> place(List<Annotation> annotations, TimelineLayout l, LaneBox box, TextMeasure m) {
    double rowH = TextStyle.LABEL.lineHeight() + 2;
    int rows = (int) Math.max(1, Math.floor(box.plotHeight() / rowH));
    List<Annotation> shown = annotations.stream().filter(a -> a.state().isDrawn())
        .filter(a -> l.xOf(a.span().endNanos()) >= l.plotLeft() && l.xOf(a.span().startNanos()) <= l.plotRight())
        .sorted(Comparator.comparingLong((Annotation a) -> a.span().startNanos()).thenComparing(Annotation::id)).toList();
    PlacedLabel[] last = new PlacedLabel[rows];
    List<PlacedLabel> out = new ArrayList<>();
    for (Annotation a : shown) {
      String full = text(a);
      double w = m.textWidth(full, TextStyle.LABEL) + 2 * PAD;
      double start = Math.max(l.plotLeft(), l.xOf(a.span().startNanos()));
      // Near the right edge a label ends at the edge instead of being cut or dropped: in a live
      // view that follows the present, the newest annotation sits there.
      double x = start + w > l.plotRight() ? Math.max(l.plotLeft(), l.plotRight() - w) : start;
      int row = freeRow(last, x);
      if (row < 0 && x < start) {
        x = start;
        row = freeRow(last, x);
      }
      if (row < 0) {
        row = oldestRow(last);
        double room = x - GAP - last[row].x();
        if (room < MIN_WIDTH) {
          continue;
        }
        PlacedLabel cut = fit(last[row], room, m);
        out.set(out.indexOf(last[row]), cut);
        last[row] = cut;
      }
      PlacedLabel p = new PlacedLabel(a, full, full, row, x, box.plotTop() + 1 + row * rowH, w, rowH - 2);
      double room = l.plotRight() - x;
      if (w > room) {
        if (room < MIN_WIDTH) {
          continue;
        }
        p = fit(p, room, m);
      }
      last[row] = p;
      out.add(p);
    }
    return out;
  }

  private static int freeRow(PlacedLabel[] last, double x) {
    for (int r = 0; r < last.length; r++) {
      if (last[r] == null || last[r].right() + GAP <= x) {
        return r;
      }
    }
    return -1;
  }

  private static int oldestRow(PlacedLabel[] last) {
    int best = 0;
    for (int r = 1; r < last.length; r++) {
      if (last[r].x() < last[best].x()) {
        best = r;
      }
    }
    return best;
  }

  /** {@code p} cut to at most {@code width}: the longest prefix of its text that fits, with "…". */
  static PlacedLabel fit(PlacedLabel p, double width, TextMeasure m) {
    String full = p.fullText();
    int lo = 0;
    int hi = full.length();
    while (lo < hi) {
      int mid = (lo + hi + 1) / 2;
      if (m.textWidth(full.substring(0, mid).strip() + ELLIPSIS, TextStyle.LABEL) + 2 * PAD <= width) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    String shown = full.substring(0, lo).strip() + ELLIPSIS;
    double w = Math.min(width, m.textWidth(shown, TextStyle.LABEL) + 2 * PAD);
    return new PlacedLabel(p.annotation(), full, shown, p.row(), p.x(), p.y(), w, p.height());
  }
}
