package org.dnsseismograph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.Unit;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationKind;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class AnnotationLabelLayoutTest {
  private static final long S = 1_000_000_000L;
  private static final long T0 = 1_265_054_400L * S;

  private static TimelineLayout layout(double laneHeight) {
    Lane data = new Lane("d", "d", LaneKind.LINES, List.of(), Unit.COUNT, 100, 40);
    Lane notes = new Lane(Lane.ANNOTATIONS_KEY, "Annotations", LaneKind.ANNOTATIONS, List.of(), Unit.NUMBER, laneHeight, laneHeight);
    return TimelineLayout.of(LayoutSpec.screen(1148, 100 + laneHeight + 60, null), LanePlan.of(List.of(data, notes)),
        new TimeRange(T0, T0 + 1000 * S), FixedMeasure.SEVEN);
  }

  private static Annotation note(long second, String label) {
    return Annotation.drawn(AnnotationKind.NOTE, new TimeRange(T0 + second * S, T0 + second * S), label);
  }

  @Test
  void labelsStartAtTheirAnnotationAndTakeTheFirstFreeRow() {
    TimelineLayout l = layout(TimelineLayout.HEADER + 3 * 16);
    LaneBox box = l.lanes().get(1);
    List<PlacedLabel> placed = AnnotationLabelLayout.place(List.of(note(100, "aaaa"), note(101, "bbbb"), note(500, "cccc")), l, box,
        FixedMeasure.SEVEN);
    assertEquals(3, placed.size());
    assertEquals(l.xOf(T0 + 100 * S), placed.get(0).x(), 0.0);
    assertEquals(0, placed.get(0).row());
    assertEquals(1, placed.get(1).row(), "one second later is 1 px away: the next row");
    assertEquals(0, placed.get(2).row(), "far to the right the first row is free again");
    assertEquals("note: aaaa", placed.get(0).shownText());
  }

  @Test
  void whenEveryRowIsTakenTheOldestLabelIsCutToMakeRoom() {
    TimelineLayout l = layout(TimelineLayout.HEADER + 16);
    LaneBox box = l.lanes().get(1);
    String longText = "resolver restarted after the storm had passed";
    List<PlacedLabel> placed = AnnotationLabelLayout.place(List.of(note(100, longText), note(200, "second")), l, box, FixedMeasure.SEVEN);
    assertEquals(2, placed.size());
    PlacedLabel cut = placed.get(0);
    assertTrue(cut.isElided());
    assertTrue(cut.shownText().endsWith("…"));
    assertTrue(cut.right() + AnnotationLabelLayout.GAP <= placed.get(1).x(), "cut short of the next label");
    assertEquals("note: " + longText, cut.fullText());
  }

  /** A live view follows the present: its newest annotation starts a few pixels from the right edge. */
  @Test
  void aLabelThatWouldRunPastTheRightEdgeEndsThereInFull() {
    TimelineLayout l = layout(TimelineLayout.HEADER + 3 * 16);
    LaneBox box = l.lanes().get(1);
    List<PlacedLabel> placed = AnnotationLabelLayout.place(List.of(note(999, "resolver restarted")), l, box, FixedMeasure.SEVEN);
    assertEquals(1, placed.size());
    PlacedLabel p = placed.get(0);
    assertFalse(p.isElided(), p.shownText());
    assertEquals("note: resolver restarted", p.shownText());
    assertEquals(l.plotRight(), p.right(), 1e-9);
    assertTrue(p.x() < l.xOf(T0 + 999 * S), "it begins left of its annotation: " + p);
    assertEquals(0, p.row());
  }

  @Test
  void aLabelMovedLeftFromTheEdgeTakesAnotherRowRatherThanCoverOne() {
    TimelineLayout l = layout(TimelineLayout.HEADER + 3 * 16);
    LaneBox box = l.lanes().get(1);
    List<PlacedLabel> placed = AnnotationLabelLayout.place(List.of(note(990, "the one before"), note(999, "resolver restarted")), l, box,
        FixedMeasure.SEVEN);
    assertEquals(2, placed.size());
    assertEquals(1, placed.get(1).row(), "the first row is taken where it would begin");
    assertEquals(l.plotRight(), placed.get(1).right(), 1e-9);
  }

  @Test
  void rejectedAnnotationsAndThoseOutOfViewGetNoLabel() {
    TimelineLayout l = layout(TimelineLayout.HEADER + 3 * 16);
    Annotation rejected = Annotation.proposed(AnnotationKind.SPIKE, new TimeRange(T0 + S, T0 + 2 * S), "x", "", "", List.of(), "d")
        .reject();
    assertTrue(AnnotationLabelLayout.place(List.of(rejected, note(-5, "before"), note(2000, "after")), l, l.lanes().get(1),
        FixedMeasure.SEVEN).isEmpty());
  }

  @RepeatedTest(20)
  void noTwoLabelsEverOverlapNorLeaveThePlot() {
    Random r = new Random();
    TimelineLayout l = layout(TimelineLayout.HEADER + (1 + r.nextInt(4)) * 16);
    LaneBox box = l.lanes().get(1);
    List<Annotation> list = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      long a = r.nextInt(1100) - 50;
      list.add(Annotation.drawn(AnnotationKind.SPIKE, new TimeRange(T0 + a * S, T0 + (a + 1 + r.nextInt(30)) * S),
          "label " + "x".repeat(r.nextInt(40))));
    }
    List<PlacedLabel> placed = AnnotationLabelLayout.place(list, l, box, FixedMeasure.SEVEN);
    assertFalse(placed.isEmpty());
    for (PlacedLabel p : placed) {
      assertTrue(p.x() >= l.plotLeft() && p.right() <= l.plotRight() + 1e-9, "inside the plot: " + p);
      assertTrue(p.y() >= box.plotTop() && p.y() + p.height() <= box.plotBottom() + 1e-9, "inside the lane: " + p);
      assertTrue(!p.isElided() || p.shownText().length() >= 4, "a cut label still says something: " + p.shownText());
      for (PlacedLabel q : placed) {
        if (p != q && p.row() == q.row()) {
          assertTrue(p.right() <= q.x() || q.right() <= p.x(), p + " overlaps " + q);
        }
      }
    }
  }
}
