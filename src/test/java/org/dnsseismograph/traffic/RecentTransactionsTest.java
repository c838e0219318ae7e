package org.dnsseismograph.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.wire.IpAddress;
import org.junit.jupiter.api.Test;

/** A live source's recent transactions: the time kept, the row bound, late rows, and what is said of what is gone. */
class RecentTransactionsTest {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;
  /** A whole UTC second, so the generations' edges fall on whole seconds from it. */
  private static final long T0 = 1_764_000_000L * S;

  private final TransactionFixture t = new TransactionFixture();

  private Transaction answered(long time, String qname) {
    return t.answered(time, qname);
  }

  /** Every row held, in order of the parts and of their rows. */
  private static List<Long> times(RecentTraffic r) {
    List<Long> out = new ArrayList<>();
    for (TransactionSnapshot p : r.parts()) {
      for (int i = 0; i < p.size(); i++) {
        out.add(p.timeNanos(i));
      }
    }
    return out;
  }

  /** Feeds {@code perSecond} transactions a second, evenly spaced, for {@code seconds}, the clock following them. */
  private static void feed(RecentTransactions recent, RecentTransactionsTest test, int seconds, int perSecond) {
    long step = S / perSecond;
    for (long k = 0; k < (long) seconds * perSecond; k++) {
      long time = T0 + k * step;
      recent.advanceClock(time);
      recent.append(test.answered(time, "n" + k % 5 + ".example"));
    }
  }

  @Test
  void keepsTheLastSecondsAndSaysFromWhen() {
    // 10 s kept: generations of 1 s; at 30 s the ones ending at 20 s or before are gone.
    RecentTransactions recent = new RecentTransactions(3 * S, 10 * S, 1_000_000);
    feed(recent, this, 30, 100);
    recent.advanceClock(T0 + 30_505 * MS);
    recent.publish();
    RecentTraffic r = recent.snapshot();
    assertEquals(T0 + 20 * S, r.keptFromNanos());
    // Sealed: rows more than the 3 s reorder window behind the clock, i.e. 20.00 s to 27.50 s, 100 a second.
    List<Long> held = times(r);
    assertEquals(751, held.size());
    assertEquals(T0 + 20 * S, held.get(0));
    assertEquals(T0 + 27_500 * MS, held.get(held.size() - 1));
    for (int i = 1; i < held.size(); i++) {
      assertTrue(held.get(i) > held.get(i - 1), "in time order across the parts");
    }
    assertEquals(0, r.leftOut());

    recent.finish();
    assertEquals(1000, recent.snapshot().size(), "at the end every staged row is sealed: [20 s, 30 s)");
    assertTrue(recent.snapshot().parts().size() <= RecentTransactions.GENERATIONS);
  }

  @Test
  void aRowLateByLessThanTheWindowLandsInTheGenerationOfItsTimeAndOneFromTimeDroppedIsCounted() {
    RecentTransactions recent = new RecentTransactions(3 * S, 10 * S, 1_000_000);
    recent.advanceClock(T0 + 2100 * MS);
    recent.append(answered(T0 + 2100 * MS, "b.example"));
    // An unanswered query closes a timeout after it was sent: it arrives after younger rows.
    recent.append(answered(T0 + 1900 * MS, "a.example"));
    recent.append(answered(T0 + 5 * S, "c.example"));
    recent.finish();
    RecentTraffic r = recent.snapshot();
    assertEquals(List.of(T0 + 1900 * MS, T0 + 2100 * MS, T0 + 5 * S), times(r));
    assertEquals(3, r.parts().size(), "one generation a second: 1, 2 and 5");
    assertEquals("a.example", r.parts().get(0).qname(0));

    RecentTransactions later = new RecentTransactions(3 * S, 10 * S, 1_000_000);
    feed(later, this, 30, 10);
    later.advanceClock(T0 + 30 * S);
    later.append(answered(T0 + 15 * S, "gone.example"));
    later.publish();
    assertEquals(1, later.snapshot().leftOut(), "its second was dropped already");
  }

  @Test
  void aBoundOnRowsDropsTheOldestGenerationsFirstAndKeepsTheNewestStretchWhole() {
    // 100 s kept (generations of 10 s) but room for 1,000 rows: at 200 a second only the last few seconds fit.
    RecentTransactions recent = new RecentTransactions(3 * S, 100 * S, 1000);
    feed(recent, this, 20, 200);
    recent.finish();
    RecentTraffic r = recent.snapshot();
    // Generations of at most 250 rows end after 225 (the rest is for late rows); one more than 750 rows would leave
    // no room for a new one, so between 3 x 225 and 4 x 225 of the newest rows are held.
    List<Long> held = times(r);
    assertTrue(held.size() > 675 && held.size() <= 900, held.size() + " rows held");
    assertEquals(0, r.leftOut(), "nothing was refused: the oldest rows went instead");
    long step = S / 200;
    assertTrue(r.keptFromNanos() <= held.get(0) && r.keptFromNanos() > held.get(0) - step,
        "held from just after the last row dropped: " + r.keptFromNanos() + " against the first held " + held.get(0));
    for (int i = 0; i < held.size(); i++) {
      assertEquals(T0 + 20 * S - (held.size() - i) * step, held.get(i), "every row of the newest stretch, row " + i);
    }
  }

  @Test
  void aLateRowStillFindsRoomInAGenerationThatEndedEarly() {
    RecentTransactions recent = new RecentTransactions(3 * S, 100 * S, 40);
    // Generations of 10 rows end after 9; rows 10 ms apart.
    for (int k = 0; k < 12; k++) {
      recent.advanceClock(T0 + k * 10 * MS);
      recent.append(answered(T0 + k * 10 * MS, "n.example"));
    }
    // An unanswered query from before the cut closes now: its generation kept room for it.
    recent.append(answered(T0 + 45 * MS, "late.example"));
    recent.finish();
    RecentTraffic r = recent.snapshot();
    assertEquals(13, r.size());
    assertEquals(0, r.leftOut());
    assertEquals(2, r.parts().size());
    assertEquals(10, r.parts().get(0).size(), "the first generation: its nine rows and the late one");
    assertEquals("late.example", r.parts().get(0).qname(5));
  }

  @Test
  void itsGenerationsShareTheirDictionariesSoAWindowOverThemIsCountedByIdUntilTheDictionariesFill() {
    RecentTransactions recent = new RecentTransactions(3 * S, 10 * S, 1_000_000);
    feed(recent, this, 5, 100);
    recent.finish();
    List<TransactionSnapshot> parts = recent.snapshot().parts();
    assertEquals(5, parts.size(), "one generation a second");
    List<RowRange> all = parts.stream().map(p -> new RowRange(0, p.size())).toList();
    Map<String, Long> names = new TreeMap<>();
    TransactionSnapshot.tally(parts, all, Set.of(), Progress.NONE).qnames(Integer.MAX_VALUE, (k, c) -> names.put(k, c));
    // 500 transactions of n0..n4.example in turn.
    assertEquals(Map.of("n0.example", 100L, "n1.example", 100L, "n2.example", 100L, "n3.example", 100L, "n4.example", 100L), names);

    // Room for 40 rows, and a new name every row: after 40 names the next generations number their own.
    RecentTransactions busy = new RecentTransactions(3 * S, 100 * S, 40);
    for (int k = 0; k < 60; k++) {
      busy.advanceClock(T0 + k * 10 * MS);
      busy.append(answered(T0 + k * 10 * MS, "x" + k + ".example"));
    }
    busy.finish();
    List<TransactionSnapshot> held = busy.snapshot().parts();
    assertTrue(!held.get(0).sharesDictionariesWith(held.get(held.size() - 1)), "the newest generation has dictionaries of its own");
    assertThrows(IllegalArgumentException.class, () -> TransactionSnapshot.tally(List.of(held.get(0), held.get(held.size() - 1)),
        List.of(new RowRange(0, 1), new RowRange(0, 1)), Set.of(), Progress.NONE));
  }

  @Test
  void resolversAreNotedOnceEach() {
    RecentTransactions recent = new RecentTransactions(3 * S, 10 * S, 1000);
    IpAddress a = IpAddress.parse("127.0.0.150");
    IpAddress b = IpAddress.parse("2001:db8::53");
    recent.addResolver(a.hi(), a.lo());
    recent.addResolver(b.hi(), b.lo());
    recent.addResolver(a.hi(), a.lo());
    recent.publish();
    assertEquals(List.of(a, b), recent.snapshot().resolvers());
  }
}
