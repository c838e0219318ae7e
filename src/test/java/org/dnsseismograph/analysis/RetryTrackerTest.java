package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RetryTrackerTest {
  private static final long S = 1_000_000_000L;
  private static final long T0 = 1_265_057_350L * S;
  private static final long CLIENT = 0x0000_FFFF_C000_020AL;
  private static final long NAME = 0x1234_5678_9ABC_DEF0L;

  @Test
  void theSameQuestionAgainWithinTheWindowIsARetryInclusiveOfItsEndToTheMicrosecond() {
    RetryTracker r = new RetryTracker(10 * S, 1 << 16);
    assertFalse(r.ask(0, CLIENT, NAME, 1, T0), "first ask");
    assertTrue(r.ask(0, CLIENT, NAME, 1, T0 + S));
    assertTrue(r.ask(0, CLIENT, NAME, 1, T0 + 11 * S), "10 s after the previous ask, not the first");
    assertFalse(r.ask(0, CLIENT, NAME, 1, T0 + 21 * S + 1000), "a microsecond over 10 s later");
  }

  @Test
  void anotherClientTypeOrNameIsNoRetry() {
    RetryTracker r = new RetryTracker(10 * S, 1 << 16);
    r.ask(0, CLIENT, NAME, 1, T0);
    assertFalse(r.ask(0, CLIENT + 1, NAME, 1, T0 + 1));
    assertFalse(r.ask(0, CLIENT, NAME, 28, T0 + 2));
    assertFalse(r.ask(0, CLIENT, NAME + 1, 1, T0 + 3));
  }

  @Test
  void aQuestionIsRememberedAcrossGenerationsUntilItsWindowHasPassed() {
    RetryTracker r = new RetryTracker(10 * S, 1 << 16);
    r.ask(0, CLIENT, NAME, 1, T0);
    for (long t = T0 + S; t < T0 + 10 * S; t += S) {
      r.ask(0, CLIENT + t, NAME, 1, t);
    }
    // Generations turned over at T0 + 10 s; the question of T0 is still in the older one.
    assertTrue(r.ask(0, CLIENT, NAME, 1, T0 + 10 * S));
    assertEquals(0, r.forgotten());
  }

  @Test
  void aFullMemorySwapsEarlyAndCountsWhatItForgot() {
    RetryTracker r = new RetryTracker(10 * S, 1024);
    for (int i = 0; i < 5000; i++) {
      r.ask(0, CLIENT + i, NAME, 1, T0 + i * 1000L);
    }
    assertTrue(r.forgotten() > 0);
    assertTrue(r.ask(0, CLIENT + 4999, NAME, 1, T0 + 6_000_000L), "recent questions survive");
  }
}
