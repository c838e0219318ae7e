package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.traffic.Outcome;
import org.dnsseismograph.traffic.Transaction;
import org.dnsseismograph.wire.ScanSummary.FileSpan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tracker over two rotated files with a gap between them, fed as the pipeline feeds it (every
 * message moves the clock, then the transactions it closed; a query unanswered a timeout later
 * times out at the next message). One server gets a query every 100 ms: the first file's answers
 * stop halfway and never come back before it ends; the second file, 900 s later, begins with the
 * server still dark and its answers come back 10 s in. Expected values are counted from that plan.
 */
class DarkServerTrackerTest {
  private static final long S = TimeUnits.NANOS_PER_SECOND;
  private static final long MS = TimeUnits.NANOS_PER_MILLI;
  private static final long T0 = 1_795_564_800L * S;
  private static final long TIMEOUT = S;
  private static final long STEP = 100 * MS;
  private static final long LATENCY = 10 * MS;
  /** The first file: queries at T0 + k x 100 ms, k < 1000, answered for k < 500. */
  private static final FileSpan FIRST = new FileSpan(T0, T0 + 999 * STEP);
  /** The second: queries at T0 + 1000 s + k x 100 ms, k < 1000, answered for k >= 100. */
  private static final FileSpan SECOND = new FileSpan(T0 + 1000 * S, T0 + 1000 * S + 999 * STEP + LATENCY);

  /** One message of the plan: a query, or the response to the query at {@code query}. */
  private record Message(long time, long query, boolean response) {}

  /** Records per batch handed to a worker; 0 runs the tracker on the feeding thread. */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, BatchHandOff.BATCH})
  void aRunOpenAtTheEndOfAFileEndsThereAndTheNextFileStartsAfresh(int besideBatch) {
    DarkServerTracker tracker = feed(CaptureGaps.of(List.of(FIRST, SECOND), TIMEOUT), besideBatch);
    List<DarkSpan> spans = tracker.spans();
    assertEquals(2, spans.size(), spans.toString());

    DarkSpan first = spans.get(0);
    assertEquals(T0 + 500 * STEP, first.startNanos());
    assertEquals(DarkSpan.OPEN, first.endNanos());
    assertEquals(FIRST.lastNanos(), first.stretchEndNanos());
    assertEquals(FIRST.lastNanos(), first.darkUntilNanos());
    // The last ten queries (sent less than a timeout before the file's last frame) were still waiting: unknown, not unanswered.
    assertEquals(490, first.unanswered());
    assertEquals(T0 + 989 * STEP, first.lastUnansweredNanos());
    assertEquals(T0 + 499 * STEP + LATENCY, first.lastAnswerBeforeNanos());
    assertEquals(0, first.stretch());

    DarkSpan second = spans.get(1);
    assertEquals(SECOND.firstNanos(), second.startNanos());
    assertEquals(SECOND.firstNanos() + 100 * STEP + LATENCY, second.endNanos(), "the first of the three answers that close it");
    assertEquals(100, second.unanswered());
    assertEquals(Long.MIN_VALUE, second.lastAnswerBeforeNanos(), "no answer since its file began");
    assertEquals(1, second.stretch());
    assertEquals(DarkSpan.OPEN, second.stretchEndNanos());

    assertArrayEquals(new long[] {990, 500}, tracker.stretchTotals(0, 0), "queries of known fate and answers in the first file");
    assertArrayEquals(new long[] {1000, 900}, tracker.stretchTotals(0, 1), "in the second");
    assertEquals(1990, tracker.queries(0));
    assertEquals(1400, tracker.answered(0));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, BatchHandOff.BATCH})
  void withoutTheGapTheSameTrafficIsOneSpanOverIt(int besideBatch) {
    List<DarkSpan> spans = feed(CaptureGaps.NONE, besideBatch).spans();
    assertEquals(1, spans.size(), spans.toString());
    assertEquals(T0 + 500 * STEP, spans.get(0).startNanos());
    assertEquals(SECOND.firstNanos() + 100 * STEP + LATENCY, spans.get(0).endNanos());
    assertEquals(600, spans.get(0).unanswered(), "the first file's last ten timed out when the clock jumped the gap");
  }

  private static DarkServerTracker feed(CaptureGaps gaps, int besideBatch) {
    DarkServerTracker tracker = new DarkServerTracker(TIMEOUT, gaps, besideBatch);
    Deque<Long> pending = new ArrayDeque<>();
    MessageFacts facts = new MessageFacts();
    Transaction t = new Transaction();
    for (Message m : plan()) {
      facts.timeNanos = m.time();
      tracker.onMessage(facts);
      while (!pending.isEmpty() && m.time() > pending.peekFirst() + TIMEOUT) {
        close(tracker, t, Outcome.TIMED_OUT, pending.pollFirst(), Transaction.NO_TIME);
      }
      if (m.response()) {
        pending.remove(m.query());
        close(tracker, t, Outcome.ANSWERED, m.query(), m.time());
      } else {
        pending.addLast(m.query());
      }
    }
    tracker.finish();
    return tracker;
  }

  private static void close(DarkServerTracker tracker, Transaction t, Outcome outcome, long query, long response) {
    t.outcome = outcome;
    t.queryTimeNanos = query;
    t.responseTimeNanos = response;
    tracker.onUpstream(0, t);
  }

  private static List<Message> plan() {
    List<Message> out = new java.util.ArrayList<>();
    for (int file = 0; file < 2; file++) {
      long base = file == 0 ? FIRST.firstNanos() : SECOND.firstNanos();
      for (int k = 0; k < 1000; k++) {
        long q = base + k * STEP;
        out.add(new Message(q, q, false));
        if (file == 0 ? k < 500 : k >= 100) {
          out.add(new Message(q + LATENCY, q, true));
        }
      }
    }
    return out;
  }
}
