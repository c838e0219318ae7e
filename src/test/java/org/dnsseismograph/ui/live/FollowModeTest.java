package org.dnsseismograph.ui.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dnsseismograph.series.TimeRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FollowModeTest {
  private static final long S = 1_000_000_000L;

  @Test
  void followingShowsTheDefaultWidthEndingAtThePresent() {
    FollowMode m = new FollowMode();
    assertTrue(m.isOn());
    assertEquals(new TimeRange(1000 * S - 60 * S, 1000 * S), m.windowAt(1000 * S));
  }

  @Test
  void theWindowItShowedDoesNotStopIt() {
    FollowMode m = new FollowMode();
    TimeRange w = m.windowAt(1000 * S);
    m.showed(w);
    assertTrue(m.check(w));
    m.showed(m.windowAt(1001 * S));
    assertTrue(m.check(new TimeRange(941 * S, 1001 * S)));
  }

  /** Zoomed (narrower or wider) or panned back (earlier): following stops at once and offers no window. */
  @ParameterizedTest
  @CsvSource(textBlock = """
      950, 1000
      900, 1000
      930, 990
      """)
  void anyOtherWindowStopsFollowing(long start, long end) {
    FollowMode m = new FollowMode();
    m.showed(m.windowAt(1000 * S));
    assertFalse(m.check(new TimeRange(start * S, end * S)));
    assertFalse(m.isOn());
    assertNull(m.windowAt(1001 * S));
  }

  @Test
  void resumingKeepsTheWidthTheAnalystChose() {
    FollowMode m = new FollowMode();
    m.showed(m.windowAt(1000 * S));
    TimeRange zoomed = new TimeRange(990 * S, 995 * S);
    m.check(zoomed);
    m.resume(zoomed);
    assertTrue(m.isOn());
    assertEquals(new TimeRange(1005 * S, 1010 * S), m.windowAt(1010 * S));
  }

  @Test
  void resumingFromATooNarrowWindowKeepsTheLastWidth() {
    FollowMode m = new FollowMode();
    m.pause();
    m.resume(new TimeRange(0, 1000));
    assertEquals(FollowMode.DEFAULT_WIDTH_NANOS, m.widthNanos());
  }
}
