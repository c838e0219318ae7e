package org.dnsseismograph.render;

import java.util.ArrayList;
import java.util.List;

/**
 * The shown lanes of a plan stacked in a viewport from {@code top} down {@code viewport} logical
 * pixels, for {@link TimelineLayout}: their boxes (shifted up by the scroll), the px per unit of
 * the plan's heights, the stack's whole height with its gaps, and the scroll (NaN: a picture, which
 * never scrolls). Each lane gets max(its minimum, its height × scale), the scale chosen so they
 * fill the viewport, but never below {@code minScale}. Immutable.
 */
record LaneStack(List<LaneBox> boxes, double top, double viewport, double scale, double content, double scroll) {
  static LaneStack of(LanePlan plan, double top, double viewport, double minScale, double scrollTop) {
    List<Lane> shown = plan.visibleLanes();
    double space = Math.max(0, viewport - TimelineLayout.LANE_GAP * Math.max(0, shown.size() - 1));
    double[] w = new double[shown.size()];
    double[] min = new double[shown.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = plan.height(shown.get(i).key());
      min[i] = shown.get(i).minHeight();
    }
    double scale = Math.max(minScale, fillingScale(w, min, space));
    double[] h = new double[w.length];
    double content = TimelineLayout.LANE_GAP * Math.max(0, w.length - 1);
    for (int i = 0; i < w.length; i++) {
      h[i] = Math.floor(Math.max(min[i], w[i] * scale));
      content += h[i];
    }
    double scroll = Double.isNaN(scrollTop) ? Double.NaN : Math.rint(Math.max(0, Math.min(Math.max(0, content - viewport), scrollTop)));
    List<LaneBox> out = new ArrayList<>();
    double y = top - (Double.isNaN(scroll) ? 0 : scroll);
    for (int i = 0; i < h.length; i++) {
      out.add(new LaneBox(shown.get(i), y, h[i]));
      y += h[i] + TimelineLayout.LANE_GAP;
    }
    return new LaneStack(List.copyOf(out), top, viewport, scale, content, scroll);
  }

  /**
   * The scale s at which max(min_i, w_i × s) add up to {@code space} (0 when even the minimums
   * do not fit): lanes below their minimum at the current s keep it and drop out of the sharing,
   * until none does; each round fixes at least one more lane, so it ends within n rounds.
   */
  private static double fillingScale(double[] w, double[] min, double space) {
    boolean[] fixed = new boolean[w.length];
    while (true) {
      double fixedSum = 0;
      double weights = 0;
      for (int i = 0; i < w.length; i++) {
        if (fixed[i]) {
          fixedSum += min[i];
        } else {
          weights += w[i];
        }
      }
      double s = weights > 0 ? Math.max(0, space - fixedSum) / weights : 0;
      boolean changed = false;
      for (int i = 0; i < w.length; i++) {
        if (!fixed[i] && w[i] * s < min[i]) {
          fixed[i] = true;
          changed = true;
        }
      }
      if (!changed) {
        return s;
      }
    }
  }
}
