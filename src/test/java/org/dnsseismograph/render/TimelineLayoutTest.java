package org.dnsseismograph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.series.Unit;
import org.junit.jupiter.api.Test;

class TimelineLayoutTest {
  private static final long T = TimeUnits.parseInstant("2010-02-01T20:49:10Z");

  private static Lane lane(String key, double height, double min) {
    LaneSeries s = new LaneSeries("q", EventSeries.empty(MetricId.of("client.queries")), Palette.STANDARD.series(0));
    return new Lane(key, key, LaneKind.LINES, List.of(s), Unit.COUNT, height, min);
  }

  @Test
  void timeAndXMapBothWaysToTheNanosecondInAFiftyMillisecondView() {
    TimeRange view = new TimeRange(T, T + 50 * TimeUnits.NANOS_PER_MILLI);
    TimelineLayout l = TimelineLayout.of(LayoutSpec.screen(1920, 1000, null), LanePlan.of(List.of(lane("a", 100, 40))), view,
        FixedMeasure.SEVEN);
    assertEquals(TimelineLayout.LEFT_MARGIN, l.xOf(view.startNanos()), 0.0);
    assertEquals(l.plotRight(), l.xOf(view.endNanos()), 1e-9);
    assertEquals(1920 - TimelineLayout.LEFT_MARGIN - TimelineLayout.RIGHT_MARGIN, l.columns());
    for (long dt : new long[] {0, 1, 12_345_678, 49_999_999}) {
      long t = T + dt;
      assertEquals(t, l.timeAt(l.xOf(t)), "t0 + " + dt + " ns");
    }
  }

  @Test
  void lanesShareTheHeightInProportionAndKeepTheirMinimum() {
    LanePlan plan = LanePlan.of(List.of(lane("a", 100, 40), lane("b", 300, 40), lane("c", 100, 90)));
    TimelineLayout l = TimelineLayout.of(LayoutSpec.screen(1000, 600, null), plan, new TimeRange(T, T + 1), FixedMeasure.SEVEN);
    List<LaneBox> b = l.lanes();
    assertEquals(3, b.size());
    assertEquals(3, b.get(1).height() / b.get(0).height(), 0.05, "b asked three times a's height");
    assertTrue(b.get(2).height() >= 90);
    for (int i = 1; i < b.size(); i++) {
      assertEquals(b.get(i - 1).bottom() + TimelineLayout.LANE_GAP, b.get(i).top(), 0.0, "lanes stack with a gap, never overlap");
    }
    assertTrue(b.get(2).bottom() <= l.axisTop(), "the axis stays below the lanes");
    assertTrue(l.axisTop() + TimelineLayout.AXIS_ROW <= 600);

    LanePlan squeezed = plan.withHeight("c", 2000);
    TimelineLayout s = TimelineLayout.of(LayoutSpec.screen(1000, 600, null), squeezed, new TimeRange(T, T + 1), FixedMeasure.SEVEN);
    assertTrue(s.lanes().get(0).height() >= 40 && s.lanes().get(1).height() >= 40, "a tall lane never squeezes others below their minimum");
  }

  @Test
  void hitTestingFindsLanesAndTheEdgesBetweenThem() {
    LanePlan plan = LanePlan.of(List.of(lane("a", 100, 40), lane("b", 100, 40)));
    TimelineLayout l = TimelineLayout.of(LayoutSpec.screen(1000, 400, ZoneId.of("Europe/Amsterdam")), plan, new TimeRange(T, T + 1),
        FixedMeasure.SEVEN);
    LaneBox a = l.lanes().get(0);
    assertSame(a, l.laneAt(a.top() + 1));
    assertNull(l.laneAt(a.bottom() + 1), "the gap belongs to no lane");
    assertSame(a, l.lowerEdgeNear(a.bottom() + 2, 4));
    assertEquals(l.ticks().size(), l.localTicks().size(), "a local zone adds a second axis row marking the same instants");
    assertEquals(l.height() - TimelineLayout.AXIS_ROW * 2 - 4, l.axisTop(), 0.0);
  }
}
