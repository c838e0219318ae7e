package org.dnsseismograph.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PulseGateTest {
  private static final long MS = 1_000_000L;

  /** A clock that moves only when the worker runs or sleeps. */
  private long now = 1_000 * MS;
  private long slept;
  /** The pause after which the window's next pulse arrives. */
  private long pulseAfter = Long.MAX_VALUE;
  private final PulseGate gate = new PulseGate(() -> now, this::sleep);

  private void sleep(long nanos) {
    now += nanos;
    slept += nanos;
    if (slept >= pulseAfter) {
      gate.pulse();
    }
  }

  @Test
  void aWorkerDoesNotPauseWhileThePulsesAreOnTime() {
    for (int i = 0; i < 100; i++) {
      now += 10 * MS;
      gate.pulse();
      gate.yieldIfBehind();
    }
    assertEquals(0, slept);
  }

  @Test
  void aWorkerPausesWhileTheWindowIsBehindButKeepsTwoThirdsOfItsTime() {
    gate.pulse();
    long start = now;
    for (int i = 0; i < 1000; i++) {
      now += 5 * MS;
      gate.yieldIfBehind();
    }
    long wall = now - start;
    assertTrue(slept > wall / 4, "paused " + slept / MS + " ms of " + wall / MS);
    assertTrue(slept <= wall / 3 + PulseGate.MAX_PAUSE_NANOS, "paused " + slept / MS + " ms of " + wall / MS);
  }

  @Test
  void onePauseEndsAtTheLongestPauseEvenWithAllowanceSavedUp() {
    gate.pulse();
    gate.yieldIfBehind();
    now += 10_000 * MS;
    gate.yieldIfBehind();
    assertEquals(PulseGate.MAX_PAUSE_NANOS, slept);
  }

  @Test
  void aPauseEndsAtTheNextPulse() {
    gate.pulse();
    gate.yieldIfBehind();
    now += 1_000 * MS;
    pulseAfter = 6 * MS;
    gate.yieldIfBehind();
    assertEquals(6 * MS, slept);
  }
}
