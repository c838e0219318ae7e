package org.dnsseismograph.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnnotationStateTest {

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource(textBlock = """
      PROPOSED, PROPOSED, false
      PROPOSED, ACCEPTED, true
      PROPOSED, EDITED,   true
      PROPOSED, REJECTED, true
      ACCEPTED, PROPOSED, false
      ACCEPTED, ACCEPTED, false
      ACCEPTED, EDITED,   true
      ACCEPTED, REJECTED, true
      EDITED,   PROPOSED, false
      EDITED,   ACCEPTED, false
      EDITED,   EDITED,   true
      EDITED,   REJECTED, true
      REJECTED, PROPOSED, false
      REJECTED, ACCEPTED, true
      REJECTED, EDITED,   false
      REJECTED, REJECTED, false
      """)
  void theLifecycleAllowsExactlyTheReviewMoves(AnnotationState from, AnnotationState to, boolean allowed) {
    assertEquals(allowed, from.canBecome(to));
    if (allowed) {
      assertEquals(to, AnnotationState.transition(from, to));
    } else {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> AnnotationState.transition(from, to));
      assertEquals("an annotation cannot go from " + from + " to " + to, e.getMessage());
    }
  }
}
