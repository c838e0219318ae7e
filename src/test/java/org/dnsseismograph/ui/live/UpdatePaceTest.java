package org.dnsseismograph.ui.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UpdatePaceTest {
  private static final long MS = 1_000_000L;

  /** Pulses every {@code interval} ms from {@code start} for {@code n} pulses; counts the updates made. */
  private static int run(UpdatePace p, long start, long interval, int n) {
    int updates = 0;
    for (int i = 0; i < n; i++) {
      long now = (start + i * interval) * MS;
      if (p.pulse(now)) {
        p.updated(now);
        updates++;
      }
    }
    return updates;
  }

  @Test
  void quickFramesAreUpdatedAtThirtyPerSecond() {
    UpdatePace p = new UpdatePace();
    int updates = run(p, 0, 16, 600);
    assertEquals(UpdatePace.MIN_GAP_NANOS, p.gapNanos());
    // 9.6 s of 60 Hz pulses, an update every second pulse (33.3 ms gap, pulses 16 ms apart: every third at worst).
    assertTrue(updates >= 9600 / 48 && updates <= 9600 / 32 + 1, "updates " + updates);
  }

  @Test
  void slowFramesSpaceTheUpdatesOutSoMostFramesStayFree() {
    UpdatePace p = new UpdatePace();
    int updates = run(p, 0, 300, 100);
    assertEquals(600, Math.round(p.gapNanos() / 1e6), "twice the 300 ms the frames take");
    assertTrue(updates <= 100 / 2 + 1, "at most every other 300 ms frame updates: " + updates);
  }

  @Test
  void theGapNeverExceedsOneSecond() {
    UpdatePace p = new UpdatePace();
    run(p, 0, 5000, 4);
    assertEquals(UpdatePace.MAX_GAP_NANOS, p.gapNanos());
    assertTrue(p.pulse(100_000 * MS));
    assertEquals(UpdatePace.MIN_GAP_NANOS, new UpdatePace().gapNanos(), "before any frame");
  }
}
