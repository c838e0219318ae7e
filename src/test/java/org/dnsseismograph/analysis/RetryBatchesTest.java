package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryBatchesTest {
  private static final long S = 1_000_000_000L;
  private static final long T0 = 1_265_057_350L * S;
  private static final long CLIENT = 0x0000_FFFF_C000_0200L;

  private record Verdict(long time, boolean retry) {}

  /**
   * 200 clients each ask their own name every 4 s for 100 s, and at second 50 every client asks a
   * second name once: 200 x 25 asks of the first name, of which all but the first of each client
   * come 4 s after the previous one (within the 10 s window), so 200 x 24 = 4,800 retries; the
   * second names are never retries.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 7, 64, BatchHandOff.BATCH})
  void givesEveryVerdictOnceInAskOrderWithTheRetriesCountedFromFirstPrinciples(int batchSize) {
    List<Verdict> heard = new ArrayList<>();
    RetryBatches batches = new RetryBatches(new RetryTracker(10 * S, 1 << 16), (t, r) -> heard.add(new Verdict(t, r)), batchSize);
    List<Long> asked = new ArrayList<>();
    for (int round = 0; round < 25; round++) {
      for (int c = 0; c < 200; c++) {
        long t = T0 + round * 4 * S + c * 1000L;
        batches.ask(0, CLIENT + c, 0x1000 + c, 1, t);
        asked.add(t);
        if (round == 12) {
          batches.ask(0, CLIENT + c, 0x9000 + c, 28, t + 500);
          asked.add(t + 500);
        }
        assertTrue(heard.size() >= asked.size() - 2 * batchSize, "at most two batches behind");
      }
    }
    batches.flush();
    assertEquals(asked, heard.stream().map(Verdict::time).toList());
    assertEquals(200 * 24, heard.stream().filter(Verdict::retry).count());
    batches.flush();
    assertEquals(asked.size(), heard.size(), "a second flush gives nothing again");
  }

  @ParameterizedTest
  @ValueSource(ints = {3, BatchHandOff.BATCH})
  void anInterruptedAskingThreadStillGetsEveryVerdictAndKeepsItsInterrupt(int batchSize) {
    List<Verdict> heard = new ArrayList<>();
    RetryBatches batches = new RetryBatches(new RetryTracker(10 * S, 1 << 16), (t, r) -> heard.add(new Verdict(t, r)), batchSize);
    Thread.currentThread().interrupt();
    try {
      for (int i = 0; i < 10_000; i++) {
        batches.ask(0, CLIENT + i % 100, 0x1000, 1, T0 + i * 1000L);
      }
      batches.flush();
      assertTrue(Thread.interrupted(), "the interrupt is kept for whoever checks it");
    } finally {
      Thread.interrupted();
    }
    assertEquals(10_000, heard.size());
    assertEquals(10_000 - 100, heard.stream().filter(Verdict::retry).count());
  }
}
