package org.dnsseismograph.ui.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceStateTest {

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource(textBlock = """
      LOADING,   READY,     true
      LOADING,   FAILED,    true
      LOADING,   CANCELLED, true
      LOADING,   LOADING,   false
      READY,     LOADING,   true
      READY,     FAILED,    false
      READY,     CANCELLED, false
      FAILED,    LOADING,   true
      FAILED,    READY,     false
      CANCELLED, LOADING,   true
      CANCELLED, READY,     false
      """)
  void aSourceMovesOnlyAlongItsLifecycle(SourceState from, SourceState to, boolean allowed) {
    assertEquals(allowed, from.canBecome(to));
    if (allowed) {
      assertEquals(to, from.transition(to));
    } else {
      assertThrows(IllegalStateException.class, () -> from.transition(to));
    }
  }
}
