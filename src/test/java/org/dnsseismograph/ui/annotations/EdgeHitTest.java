package org.dnsseismograph.ui.annotations;

import static org.dnsseismograph.ui.annotations.Incident.MS;
import static org.dnsseismograph.ui.annotations.Incident.S;
import static org.dnsseismograph.ui.annotations.Incident.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.dnsseismograph.render.Lane;
import org.dnsseismograph.render.LaneBox;
import org.dnsseismograph.render.LayoutSpec;
import org.dnsseismograph.render.TimelineLayout;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EdgeHitTest {
  /** 1148 px wide: 1000 columns over 100 s, so 100 ms per pixel from x = 132. */
  private static final TimelineLayout L = TimelineLayout.of(LayoutSpec.screen(1148, 600, null), Incident.plan(),
      new TimeRange(T0, T0 + 100 * S), (text, style) -> 7.0 * text.length());
  private static final Annotation SPAN = Annotation.drawn(AnnotationKind.OUTAGE, new TimeRange(T0 + 20 * S, T0 + 40 * S), "dark");
  private static final Annotation POINT = Annotation.drawn(AnnotationKind.NOTE, new TimeRange(T0 + 60 * S, T0 + 60 * S), "call");

  private static double dataY() {
    LaneBox b = L.lanes().get(0);
    return b.plotTop() + b.plotHeight() / 2;
  }

  private static double annotationsY() {
    LaneBox b = L.lanes().stream().filter(x -> x.lane().key().equals(Lane.ANNOTATIONS_KEY)).findFirst().orElseThrow();
    return b.plotTop() + 5;
  }

  @ParameterizedTest(name = "x {0}: {1}")
  @CsvSource(textBlock = """
      332,   START
      328,   START
      336,   START
      337,   NONE
      532,   END
      535.9, END
      437,   NONE
      732,   POINT
      728.5, POINT
      """)
  void edgesAreGrabbedWithinFourPixelsInTheDataLanes(double x, String edge) {
    EdgeHit hit = EdgeHit.at(L, List.of(SPAN, POINT), null, x, dataY());
    assertEquals(edge, hit == null ? "NONE" : hit.edge().name());
    assertNull(EdgeHit.at(L, List.of(SPAN, POINT), null, x, annotationsY()), "not in the annotations lane, where labels are clicked");
  }

  @Test
  void aRejectedAnnotationIsNotDrawnSoNotGrabbedAndTheSelectedWinsANearTie() {
    assertNull(EdgeHit.at(L, List.of(SPAN.reject()), null, 332, dataY()));
    Annotation other = Annotation.drawn(AnnotationKind.SPIKE, new TimeRange(T0 + 20 * S + 300 * MS, T0 + 30 * S), "burst");
    assertEquals(other.id(), EdgeHit.at(L, List.of(SPAN, other), null, 335, dataY()).annotation().id(), "nearest: 335 is 0 px from 335");
    assertEquals(SPAN.id(), EdgeHit.at(L, List.of(SPAN, other), SPAN.id(), 334.5, dataY()).annotation().id(), "the selected one");
  }

  @Test
  void draggingAnEdgeNeverCrossesTheOtherAndANoteMayShrinkToAPoint() {
    EdgeHit start = new EdgeHit(SPAN, EdgeHit.Edge.START);
    assertEquals(new TimeRange(T0 + 10 * S, T0 + 40 * S), start.dragTo(T0 + 10 * S, 100 * MS));
    assertEquals(new TimeRange(T0 + 40 * S - 100 * MS, T0 + 40 * S), start.dragTo(T0 + 50 * S, 100 * MS));
    EdgeHit end = new EdgeHit(SPAN, EdgeHit.Edge.END);
    assertEquals(new TimeRange(T0 + 20 * S, T0 + 20 * S + 100 * MS), end.dragTo(T0, 100 * MS));
    Annotation noteSpan = Annotation.drawn(AnnotationKind.NOTE, new TimeRange(T0, T0 + S), "n");
    assertEquals(new TimeRange(T0, T0), new EdgeHit(noteSpan, EdgeHit.Edge.END).dragTo(T0 - S, 100 * MS));
    assertEquals(new TimeRange(T0 + 7, T0 + 7), new EdgeHit(POINT, EdgeHit.Edge.POINT).dragTo(T0 + 7, 100 * MS));
  }

  @ParameterizedTest(name = "{0} ns at {1} ns/px -> {2}")
  @CsvSource(textBlock = """
      1795633705123456789, 100000000, 1795633705123000000
      1795633705123556789, 1000000,   1795633705124000000
      1795633705123456789, 999999,    1795633705123457000
      1795633705123456789, 999,       1795633705123456789
      """)
  void timesSnapToTheFinestUnitAPixelResolves(long t, double nanosPerPixel, long snapped) {
    assertEquals(snapped, EdgeHit.snap(t, nanosPerPixel));
  }
}
