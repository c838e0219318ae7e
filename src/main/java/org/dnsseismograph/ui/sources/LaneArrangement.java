package org.dnsseismograph.ui.sources;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dnsseismograph.render.Lane;
import org.dnsseismograph.render.LanePlan;
import org.dnsseismograph.workspace.LaneSettings;

/**
 * Keeps the analyst's arrangement when the lanes are planned anew (a snapshot arrived, an offset
 * changed, a source was added or closed): lanes the timeline already had keep their place,
 * visibility, height and drawing style; new lanes go right after the lane that precedes them in the
 * fresh plan (so a new source's lanes come before the annotations lane), shown or hidden as {@link
 * LaneDefaults} says. Lanes that are gone are dropped. Stateless.
 */
public final class LaneArrangement {
  private LaneArrangement() {}

  /**
   * {@code fresh} arranged as {@code current} was.
   *
   * @param current the plan the timeline shows now, or null for none
   * @param shownAtFirst keys of new lanes to show; other new lanes start hidden
   */
  public static LanePlan carryOver(LanePlan fresh, LanePlan current, Set<String> shownAtFirst) {
    List<String> order = new ArrayList<>();
    if (current != null) {
      for (Lane l : current.lanes()) {
        if (has(fresh, l.key())) {
          order.add(l.key());
        }
      }
    }
    String previous = null;
    for (Lane l : fresh.lanes()) {
      if (!order.contains(l.key())) {
        order.add(previous == null ? 0 : order.indexOf(previous) + 1, l.key());
      }
      previous = l.key();
    }
    List<Lane> lanes = new ArrayList<>();
    for (String key : order) {
      Lane l = fresh.lane(key);
      boolean known = current != null && has(current, key);
      // what the analyst chose for the lane (its drawing, its axis) outlives a new plan of the same lanes
      lanes.add(known ? l.withKind(current.lane(key).kind()).withAxis(current.lane(key).axis()) : l);
    }
    LanePlan out = LanePlan.of(lanes);
    for (Lane l : lanes) {
      boolean known = current != null && has(current, l.key());
      if (known) {
        out = out.withVisible(l.key(), current.isVisible(l.key())).withHeight(l.key(), current.height(l.key()));
      } else if (!shownAtFirst.contains(l.key())) {
        out = out.withVisible(l.key(), false);
      }
    }
    return out;
  }

  /** {@code plan} arranged as a workspace saved it (order, visibility, height of the lanes it names). */
  public static LanePlan asSaved(LanePlan plan, List<LaneSettings> saved) {
    return saved.isEmpty() ? plan : plan.arrangedAs(saved);
  }

  private static boolean has(LanePlan p, String key) {
    for (Lane l : p.lanes()) {
      if (l.key().equals(key)) {
        return true;
      }
    }
    return false;
  }
}
