package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
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

  /**
   * 300,000 different questions inside one window, as a resolver with 30,000 client queries a
   * second has: none is a retry, and each is one when asked again. A 31-bit fingerprint would take
   * about 300,000^2 / 2^32 = 21 of them for another's retry.
   */
  @Test
  void manyDifferentQuestionsInOneWindowAreNeverTakenForOneAnother() {
    RetryTracker r = new RetryTracker(10 * S, ClientMetricFamily.RETRY_MEMORY);
    SplittableRandom names = new SplittableRandom(53);
    long[] asked = new long[300_000];
    int falseRetries = 0;
    for (int i = 0; i < asked.length; i++) {
      asked[i] = names.nextLong();
      falseRetries += r.ask(0, CLIENT + i % 5000, asked[i], 1, T0 + i * 30_000L) ? 1 : 0;
    }
    assertEquals(0, falseRetries);
    for (int i = 0; i < asked.length; i += 1000) {
      assertTrue(r.ask(0, CLIENT + i % 5000, asked[i], 1, T0 + 9_500_000_000L), "question " + i + " asked again");
    }
    assertEquals(0, r.forgotten());
  }
}
