package org.dnsseismograph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dnsseismograph.series.Unit;
import org.dnsseismograph.workspace.LaneSettings;
import org.dnsseismograph.workspace.LaneStyle;
import org.dnsseismograph.workspace.ValueAxis;
import org.junit.jupiter.api.Test;

class LanePlanTest {
  private static Lane lane(String key) {
    return new Lane(key, key, LaneKind.LINES, List.of(), Unit.COUNT, 100, 40);
  }

  private static final LanePlan PLAN = LanePlan.of(List.of(lane("a"), lane("b"), lane("c"), Lane.annotations()));

  private static List<String> order(LanePlan p) {
    return p.lanes().stream().map(Lane::key).toList();
  }

  @Test
  void lanesCanBeHiddenShownMovedAndResized() {
    LanePlan p = PLAN.withVisible("b", false);
    assertEquals(List.of("a", "c", "annotations"), p.visibleLanes().stream().map(Lane::key).toList());
    assertEquals(List.of("a", "b", "c", "annotations"), order(p.withVisible("b", true)));
    assertEquals(List.of("c", "a", "b", "annotations"), order(PLAN.moved("c", 0)));
    assertEquals(List.of("b", "c", "annotations", "a"), order(PLAN.moved("a", 99)));
    assertEquals(250, PLAN.withHeight("a", 250).height("a"), 0.0);
    assertEquals(40, PLAN.withHeight("a", 3).height("a"), 0.0, "never below the lane's minimum");
    assertEquals(LaneKind.STACKED, PLAN.withKind("a", LaneKind.STACKED).lane("a").kind());
    assertThrows(IllegalArgumentException.class, () -> PLAN.withVisible("nope", true));
    assertThrows(IllegalArgumentException.class, () -> LanePlan.of(List.of(lane("a"), lane("a"))));
  }

  @Test
  void aSavedArrangementIsRestoredAndNewLanesKeepTheirPlace() {
    LanePlan arranged = PLAN.moved("c", 0).withVisible("a", false).withHeight("b", 180);
    List<LaneSettings> saved = arranged.settings();
    LanePlan again = PLAN.arrangedAs(saved);
    assertEquals(order(arranged), order(again));
    assertEquals(saved, again.settings());

    LanePlan withNew = LanePlan.of(List.of(lane("a"), lane("b"), lane("new"), lane("c"), Lane.annotations()));
    List<LaneSettings> withGone = new java.util.ArrayList<>(saved);
    withGone.add(0, new LaneSettings("gone", true, 100));
    LanePlan restored = withNew.arrangedAs(withGone);
    assertEquals(List.of("c", "a", "b", "annotations", "new"), order(restored));
    assertFalse(restored.isVisible("a"));
    assertEquals(180, restored.height("b"), 0.0);
  }

  @Test
  void aLanesAxisIsSavedAndRestoredAndASavedLaneWithoutOneKeepsItsOwn() {
    LanePlan log = PLAN.withAxis("b", ValueAxis.LOG);
    assertEquals(ValueAxis.LOG, log.lane("b").axis());
    assertEquals(ValueAxis.LINEAR, log.lane("a").axis());
    List<LaneSettings> saved = log.settings();
    assertEquals(new LaneSettings("b", true, 100, ValueAxis.LOG, LaneStyle.LINES), saved.get(1));
    assertEquals(ValueAxis.LOG, PLAN.arrangedAs(saved).lane("b").axis());
    assertEquals(List.of("a", "b", "c", "annotations"), order(PLAN.arrangedAs(saved)), "a lane restored on its axis is not added twice");

    LanePlan defaults = LanePlan.of(List.of(lane("a").withAxis(ValueAxis.LOG), lane("b")));
    LanePlan restored = defaults.arrangedAs(List.of(new LaneSettings("a", true, 120), new LaneSettings("b", true, 80)));
    assertEquals(ValueAxis.LOG, restored.lane("a").axis(), "a workspace from before axes keeps the lane's default");
    assertEquals(120, restored.height("a"), 0.0);
  }

  @Test
  void aLanesStyleIsSavedAndRestoredButNeverGivenToAHeatLane() {
    LanePlan stacked = PLAN.withKind("c", LaneKind.STACKED);
    List<LaneSettings> saved = stacked.settings();
    assertEquals(LaneStyle.STACKED, saved.get(2).style());
    assertEquals(LaneKind.STACKED, PLAN.arrangedAs(saved).lane("c").kind(), "answers drawn as lines stay lines when reopened, and stacked stay stacked");
    assertEquals(null, saved.get(3).style(), "the annotations lane has no style");

    Lane heat = new Lane("h", "h", LaneKind.HEAT, List.of(), Unit.RATIO, 100, 40);
    LanePlan withHeat = LanePlan.of(List.of(heat));
    assertEquals(LaneKind.HEAT, withHeat.arrangedAs(List.of(new LaneSettings("h", true, 100, null, LaneStyle.STACKED))).lane("h").kind());
  }

  @Test
  void onlyALinesLaneDrawsOnALogAxis() {
    assertTrue(lane("a").withAxis(ValueAxis.LOG).logAxis());
    assertFalse(lane("a").withAxis(ValueAxis.LOG).withKind(LaneKind.STACKED).logAxis(), "stacked areas do not add up on a log axis");
    assertFalse(lane("a").logAxis());
  }
}
