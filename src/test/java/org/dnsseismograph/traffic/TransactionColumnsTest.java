package org.dnsseismograph.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.dnsseismograph.wire.IpAddress;
import org.dnsseismograph.wire.Transport;
import org.junit.jupiter.api.Test;

class TransactionColumnsTest {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;
  private static final long T0 = 1_265_057_350L * S;

  private final TransactionFixture t = new TransactionFixture();

  private Transaction tx(long time, Outcome outcome, String qname, String client, String server, int rcode) {
    return t.tx(time, outcome, qname, client, server, rcode);
  }

  private Transaction answered(long time, String qname) {
    return t.answered(time, qname);
  }

  @Test
  void rowsAreSealedInTimeOrderWhateverTheArrivalOrder() {
    TransactionColumns cols = new TransactionColumns(3 * S);
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      times.add(T0 + i * 100_000L);
    }
    Collections.shuffle(times, new Random(3));
    for (long time : times) {
      cols.append(answered(time, "n" + time % 7 + ".example"));
    }
    cols.finish();

    TransactionSnapshot snap = cols.snapshot();
    assertEquals(5000, snap.size());
    for (int r = 0; r < 5000; r++) {
      assertEquals(T0 + r * 100_000L, snap.timeNanos(r));
    }
    assertEquals(0, cols.leftOut());
  }

  @Test
  void rowsWaitUntilTheClockIsAWindowPastTheirMillisecondBucket() {
    // Buckets are 2^20 ns; T0 is a whole second, so its bucket ends at the next multiple of 2^20.
    long bucketEnd = ((T0 >> 20) + 1) << 20;
    TransactionColumns cols = new TransactionColumns(3 * S);
    cols.append(answered(T0, "a.example"));
    cols.advanceClock(bucketEnd - 1 + 3 * S - 1);
    assertEquals(0, cols.sealedRows());
    cols.advanceClock(bucketEnd - 1 + 3 * S);
    assertEquals(1, cols.sealedRows());
    assertEquals(0, cols.snapshot().size(), "not yet published");
    cols.publish();
    assertEquals(1, cols.snapshot().size());
  }

  @Test
  void aRowOlderThanWhatIsAlreadySealedIsLeftOutAndCounted() {
    TransactionColumns cols = new TransactionColumns(S);
    cols.append(answered(T0 + 10 * S, "a.example"));
    cols.advanceClock(T0 + 12 * S);
    cols.append(answered(T0 + 9 * S, "late.example"));
    cols.append(answered(T0 + 10 * S, "same-time.example"));
    cols.finish();

    assertEquals(1, cols.leftOut());
    assertEquals(2, cols.snapshot().size());
  }

  @Test
  void aFullStageSealsItsOldestEarly() {
    TransactionColumns cols = new TransactionColumns(10 * S, 3, TransactionColumns.MAX_ROWS);
    for (int i = 0; i < 5; i++) {
      cols.append(answered(T0 + i * MS, "a.example"));
    }
    assertEquals(2, cols.sealedRows());
    assertEquals(3, cols.stagedRows());
  }

  @Test
  void aRowFarAheadSealsTheOlderOnesFirstAndLongGapsCostNothing() {
    TransactionColumns cols = new TransactionColumns(S);
    cols.append(answered(T0, "a.example"));
    cols.append(answered(T0 + 10 * 365 * 86_400 * S, "decade.example"));
    assertEquals(1, cols.sealedRows());
    cols.append(answered(T0 + 20 * 365 * 86_400 * S, "two-decades.example"));
    cols.finish();

    TransactionSnapshot snap = cols.snapshot();
    assertEquals(List.of("a.example", "decade.example", "two-decades.example"), List.of(snap.qname(0), snap.qname(1), snap.qname(2)));
  }

  @Test
  void aRowBehindTheStageButNotBehindTheSealedRowsIsStillKept() {
    TransactionColumns cols = new TransactionColumns(S);
    cols.append(answered(T0 + 10 * S, "first.example"));
    cols.append(answered(T0 + 8 * S, "earlier.example"));
    cols.finish();

    TransactionSnapshot snap = cols.snapshot();
    assertEquals(0, cols.leftOut());
    assertEquals(List.of(T0 + 8 * S, T0 + 10 * S), List.of(snap.timeNanos(0), snap.timeNanos(1)));
  }

  @Test
  void theRowLimitLeavesOutTheRest() {
    TransactionColumns cols = new TransactionColumns(S, 100, 2);
    for (int i = 0; i < 5; i++) {
      cols.append(answered(T0 + i * MS, "a.example"));
    }
    cols.finish();
    assertEquals(2, cols.snapshot().size());
    assertEquals(3, cols.leftOut());
  }

  @Test
  void timeRangesAreHalfOpenIndexRanges() {
    TransactionColumns cols = new TransactionColumns(S);
    for (long ms : new long[] {0, 10, 10, 10, 20, 30}) {
      cols.append(answered(T0 + ms * MS, "a.example"));
    }
    cols.finish();
    TransactionSnapshot snap = cols.snapshot();

    assertEquals(new RowRange(1, 4), snap.rows(T0 + 10 * MS, T0 + 20 * MS));
    assertEquals(new RowRange(0, 6), snap.rows(T0, T0 + 31 * MS));
    assertEquals(new RowRange(5, 5), snap.rows(T0 + 21 * MS, T0 + 30 * MS));
    assertEquals(new RowRange(6, 6), snap.rows(T0 + S, T0 + 2 * S));
    assertEquals(new RowRange(0, 0), snap.rows(0, T0));
  }

  @Test
  void everyFieldComesBackFromTheColumns() {
    TransactionColumns cols = new TransactionColumns(S);
    Transaction x = tx(T0, Outcome.ANSWERED, "www.example.com", "2001:db8::1", "192.0.2.53", 3);
    x.tc = true;
    x.transport = Transport.TCP;
    x.qtype = 28;
    x.clientPort = 65535;
    x.id = 0xFFFF;
    x.latencyNanos = 12_345_678;
    cols.append(x);
    cols.append(tx(T0 + MS, Outcome.TIMED_OUT, "", "192.0.2.10", "192.0.2.53", 0));
    cols.finish();
    TransactionSnapshot snap = cols.snapshot();

    assertEquals(Outcome.ANSWERED, snap.outcome(0));
    assertEquals("www.example.com", snap.qname(0));
    assertEquals(IpAddress.parse("2001:db8::1"), snap.client(0));
    assertEquals(IpAddress.parse("192.0.2.53"), snap.server(0));
    assertEquals(65535, snap.clientPort(0));
    assertEquals(53, snap.serverPort(0));
    assertEquals(0xFFFF, snap.id(0));
    assertEquals(28, snap.qtype(0));
    assertEquals(3, snap.rcode(0));
    assertEquals(12_345_000, snap.latencyNanos(0), "microsecond precision");
    assertEquals(Transport.TCP, snap.transport(0));
    assertTrue(snap.tc(0) && snap.aa(0) && snap.rd(0));
    assertEquals(Outcome.TIMED_OUT, snap.outcome(1));
    assertEquals(-1, snap.rcode(1));
    assertEquals(-1, snap.latencyNanos(1));
    assertEquals("", snap.qname(1));
  }

  @Test
  void topQuestionsOfAWindowAreCountedFromItsRowsOnly() {
    TransactionColumns cols = new TransactionColumns(3 * S);
    String[][] rows = {
      {"0", "a.example", "10.0.0.1", "192.0.2.1", "0"},
      {"1", "b.example", "10.0.0.2", "192.0.2.1", "2"},
      {"2", "b.example", "10.0.0.2", "192.0.2.2", "2"},
      {"3", "c.example", "10.0.0.1", "192.0.2.2", "3"},
      {"4", "b.example", "10.0.0.3", "192.0.2.2", "0"},
      {"5", "a.example", "10.0.0.3", "192.0.2.1", "0"},
      {"9", "z.example", "10.0.0.9", "192.0.2.9", "5"},
    };
    for (String[] r : rows) {
      long time = T0 + Long.parseLong(r[0]) * S;
      if (time > T0 + 5 * S + 5 * MS) {
        // The matcher closes the unanswered query of 2.005 s once the clock passes 5.005 s, before
        // the dispatcher moves the columns' clock (as MessageDispatcher does).
        cols.append(tx(T0 + 2 * S + 5 * MS, Outcome.TIMED_OUT, "b.example", "10.0.0.2", "192.0.2.2", 0));
      }
      cols.append(tx(time, Outcome.ANSWERED, r[1], r[2], r[3], Integer.parseInt(r[4])));
      cols.advanceClock(time);
    }
    cols.finish();
    assertEquals(0, cols.leftOut());
    TransactionSnapshot snap = cols.snapshot();
    long from = T0 + S;
    long to = T0 + 6 * S;

    // Seconds 1..5: b b c b a, plus the unanswered b at 2.005 s. Ties go to the key interned first.
    assertEquals(List.of(new Ranked<>("b.example", 4L), new Ranked<>("a.example", 1L)), snap.topQnames(from, to, 2));
    assertEquals(List.of(new Ranked<>(IpAddress.parse("10.0.0.2"), 3L), new Ranked<>(IpAddress.parse("10.0.0.3"), 2L),
        new Ranked<>(IpAddress.parse("10.0.0.1"), 1L)), snap.topClients(from, to, 3));
    assertEquals(List.of(new Ranked<>(IpAddress.parse("192.0.2.2"), 4L), new Ranked<>(IpAddress.parse("192.0.2.1"), 2L)), snap.topServers(from, to, 5));
    assertEquals(List.of(new Ranked<>(0, 2L), new Ranked<>(2, 2L), new Ranked<>(3, 1L)), snap.rcodeMix(from, to), "the unanswered query has no rcode");
    assertEquals(Map.of(Outcome.ANSWERED, 5L, Outcome.TIMED_OUT, 1L), snap.outcomes(from, to));
    assertTrue(snap.topQnames(T0 + 20 * S, T0 + 30 * S, 3).isEmpty());
  }

  @Test
  void aSnapshotStaysTheSameWhileTheWriterGoesOn() {
    TransactionColumns cols = new TransactionColumns(S);
    cols.append(answered(T0, "first.example"));
    cols.finish();
    TransactionSnapshot before = cols.snapshot();
    for (int i = 1; i < 50_000; i++) {
      cols.append(answered(T0 + i * MS, "n" + i + ".example"));
      cols.advanceClock(T0 + i * MS);
    }
    cols.finish();

    assertEquals(1, before.size());
    assertEquals("first.example", before.qname(0));
    assertEquals(List.of(new Ranked<>("first.example", 1L)), before.topQnames(T0, T0 + 100 * S, 10));
    assertEquals(50_000, cols.snapshot().size());
  }

  @Test
  void readersOnAnotherThreadSeeConsistentSnapshotsWhileTheWriterAppends() throws Exception {
    TransactionColumns cols = new TransactionColumns(S);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    int total = 300_000;
    Thread reader = new Thread(() -> {
      try {
        int lastSize = 0;
        while (lastSize < total) {
          TransactionSnapshot snap = cols.snapshot();
          assertTrue(snap.size() >= lastSize, "snapshots never shrink");
          lastSize = snap.size();
          if (lastSize > 0) {
            long sum = snap.topQnames(T0, T0 + 1000 * S, 100).stream().mapToLong(Ranked::count).sum();
            assertEquals(lastSize, sum, "every row has one of 100 names");
            assertEquals(T0 + (lastSize - 1) * 1000L, snap.timeNanos(lastSize - 1));
          }
        }
      } catch (Throwable e) {
        failure.set(e);
      }
    });
    reader.start();
    for (int i = 0; i < total; i++) {
      cols.append(answered(T0 + i * 1000L, "n" + i % 100 + ".example"));
      cols.advanceClock(T0 + i * 1000L);
    }
    cols.finish();
    reader.join(60_000);
    assertFalse(reader.isAlive());
    assertNull(failure.get());
  }
}
