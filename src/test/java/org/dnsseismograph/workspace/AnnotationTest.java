package org.dnsseismograph.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dnsseismograph.series.TimeRange;
import org.junit.jupiter.api.Test;

class AnnotationTest {
  private static final long S = 1_000_000_000L;
  private static final TimeRange SPAN = new TimeRange(100 * S, 103 * S);

  private static Annotation proposal() {
    return Annotation.proposed(AnnotationKind.OUTAGE, SPAN, "ns1-3 dark", "no answers", "example.", List.of("192.0.2.1"), "OutageDetector");
  }

  @Test
  void aDetectorsProposalStartsProposedAndTheAnalystsDrawingStartsAccepted() {
    assertEquals(AnnotationState.PROPOSED, proposal().state());
    assertEquals("OutageDetector", proposal().proposedBy());
    Annotation drawn = Annotation.drawn(AnnotationKind.NOTE, new TimeRange(5 * S, 5 * S), "restart");
    assertEquals(AnnotationState.ACCEPTED, drawn.state());
    assertEquals("", drawn.proposedBy());
    assertTrue(drawn.isPoint());
  }

  @Test
  void everyEditKeepsTheIdAndMovesToEdited() {
    Annotation p = proposal();
    List<Annotation> edits = List.of(p.withSpan(new TimeRange(99 * S, 104 * S)), p.withLabel("ns1-4 dark"), p.withText("more"),
        p.withTargets("example.", List.of("192.0.2.1", "192.0.2.4")), p.withKind(AnnotationKind.SPIKE));
    for (Annotation e : edits) {
      assertEquals(p.id(), e.id());
      assertEquals(AnnotationState.EDITED, e.state());
    }
    assertEquals(new TimeRange(99 * S, 104 * S), edits.get(0).span());
    assertEquals(List.of("192.0.2.1", "192.0.2.4"), edits.get(3).servers());
  }

  @Test
  void aRejectedAnnotationCannotBeEditedButCanBeAcceptedAgain() {
    Annotation rejected = proposal().reject();
    assertThrows(IllegalStateException.class, () -> rejected.withLabel("x"));
    assertEquals(AnnotationState.ACCEPTED, rejected.accept().state());
  }

  @Test
  void anOutageOrSpikeNeedsASpanAndEveryAnnotationALabel() {
    TimeRange point = new TimeRange(5 * S, 5 * S);
    assertThrows(IllegalArgumentException.class, () -> Annotation.drawn(AnnotationKind.OUTAGE, point, "x"));
    assertThrows(IllegalArgumentException.class, () -> Annotation.drawn(AnnotationKind.SPIKE, point, "x"));
    assertThrows(IllegalArgumentException.class, () -> Annotation.drawn(AnnotationKind.NOTE, point, "  "));
  }
}
