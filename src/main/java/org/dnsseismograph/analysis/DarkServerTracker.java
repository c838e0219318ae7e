package org.dnsseismograph.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.traffic.Side;
import org.dnsseismograph.traffic.Transaction;

/**
 * Finds, per upstream server, the spans in which it kept receiving queries and stopped answering,
 * to the millisecond: from the first unanswered query after its last answer to its first answer
 * again. Streaming and bounded: transactions close out of query-time order (an unanswered query a
 * timeout after it was sent), so they wait in 1 ms buckets ({@link TimeBuckets}) until the clock is
 * a timeout past their query,
 * then each server's state machine reads them in query-time order. Memory: the transactions of the
 * last timeout, plus about 100 bytes per server and 50 per dark span.
 *
 * <p>The state machine: an unanswered query (timed out or evicted; queries pending when the input
 * ended tell nothing and are ignored) opens a run; answers inside a run are absorbed while they stay
 * few; {@value #CLOSE_STREAK} answers in a row after the last unanswered query close it, and its
 * end is the earliest response among them. A run counts as a dark span when it has at least
 * {@value #MIN_UNANSWERED} unanswered queries, answers to at most a fifth of its queries, lasts at
 * least a second, and fewer late responses (after the timeout, arriving while it runs) than half
 * its unanswered queries: a server whose answers keep coming late is slow, not dark. (A backlog
 * answered at once when a stopped server resumes arrives after the run and does not count.) A run
 * still open at the end is an ongoing span.
 *
 * <p>Captures with gaps ({@link CaptureGaps}): nothing is known of the time between two stretches,
 * so a run still open when the stream reaches the next stretch ends there, ongoing as at the
 * capture's end (its span's {@code stretchEndNanos} says where it was last watched), and every
 * server starts the next stretch afresh, as if the capture began there. A query sent less than a
 * timeout before the end of its stretch was still waiting when the file stopped watching: like one
 * pending at the capture's end it tells nothing and is ignored (the matcher times it out only
 * because the clock jumped over the gap).
 *
 * <p>Confined to the aggregating thread. Built to work beside it, the queue and the state machines
 * run on a worker ({@link BatchHandOff}): the aggregating thread only writes each transaction's
 * three words and the release times in order, and {@link #finish} waits for the worker before it
 * ends the runs; what the tracker found is read after that, as always.
 */
final class DarkServerTracker implements UpstreamDetailFamily.Listener, TrafficObserver {
  static final int MIN_UNANSWERED = 3;
  static final int CLOSE_STREAK = 3;
  static final long MIN_SPAN_NANOS = TimeUnits.NANOS_PER_SECOND;
  static final double MAX_ANSWERED_SHARE = 0.2;
  private static final int UNANSWERED = 0;
  private static final int ANSWERED = 1;
  private static final int LATE = 2;
  /** A record's third word that releases the queue up to its first word (a tag is an int: never this). */
  private static final long RELEASE = Long.MIN_VALUE;

  /** One server's totals and open run. */
  private static final class State {
    long queries;
    long answered;
    long lastAnswer = Long.MIN_VALUE;
    boolean inRun;
    long start;
    long lastUnanswered;
    long unansweredInRun;
    long answeredInRun;
    long lastAnswerBeforeRun;
    long lateInRun;
    int streak;
    long streakFirstAnswer;
    final long[] firstUnanswered = new long[DarkSpan.KEPT];
    /** Queries whose fate is known in the current stretch, and the answered ones. */
    long stretchQueries;
    long stretchAnswered;
    /** The last stretch it had a dark span in, or -1. */
    int spanStretch = -1;
  }

  private final long timeout;
  private final CaptureGaps gaps;
  private final TimeBuckets queue;
  /** The queue and state machines' worker, or null to run them on the aggregating thread. */
  private final BatchHandOff beside;
  private final List<DarkSpan> spans = new ArrayList<>();
  /**
   * A server's queries and answers in a stretch it was dark in (server in the high half of the
   * key, stretch in the low), kept when the stream leaves the stretch: one entry per span at most.
   */
  private final Map<Long, long[]> stretchTotals = new HashMap<>();
  private State[] states = new State[16];
  private long release = Long.MIN_VALUE;
  private long previousMessage = Long.MIN_VALUE;
  /** The stretch the stream has reached. */
  private int stretch;

  DarkServerTracker(long timeoutNanos, CaptureGaps gaps) {
    this(timeoutNanos, gaps, 0);
  }

  /**
   * @param besideBatch records per batch to run the queue and the state machines on a worker (see
   *     the class), or 0 to run them on the aggregating thread
   */
  DarkServerTracker(long timeoutNanos, CaptureGaps gaps, int besideBatch) {
    this.timeout = timeoutNanos;
    this.gaps = gaps;
    this.queue = new TimeBuckets(timeoutNanos + TimeUnits.NANOS_PER_SECOND, this::handle);
    this.beside = besideBatch > 0 ? new BatchHandOff(3, besideBatch, this::work, BatchHandOff.Results.NONE) : null;
  }

  @Override
  public boolean hearsTransactions() {
    return false;
  }

  /** The clock that releases the queue is the upstream side's: its transactions are all it holds. */
  @Override
  public Side side() {
    return Side.UPSTREAM;
  }

  @Override
  public void onUpstream(int server, Transaction t) {
    switch (t.outcome) {
      case ANSWERED -> enqueue(t.queryTimeNanos, t.responseTimeNanos, server << 2 | ANSWERED);
      case TIMED_OUT, EVICTED -> enqueue(t.queryTimeNanos, t.queryTimeNanos, server << 2 | UNANSWERED);
      case LATE_RESPONSE, UNSOLICITED_RESPONSE -> enqueue(t.responseTimeNanos, t.responseTimeNanos, server << 2 | LATE);
      default -> {
        // Pending when the input ended: nobody knows whether an answer would have come.
      }
    }
  }

  /**
   * Moves on with the clock of the upstream messages. Observers hear a message before the matcher
   * does, so only what was certain at the previous one is released: every query more than a
   * timeout older than it has been closed by then. The queue hands out whole 1 ms buckets, so
   * releasing more often than once a bucket would only cost time.
   */
  @Override
  public void onMessage(MessageFacts m) {
    long previous = previousMessage;
    previousMessage = Math.max(previousMessage, m.timeNanos);
    if (previous != Long.MIN_VALUE && previous - timeout >= release + TimeBuckets.WIDTH) {
      release = previous - timeout;
      if (beside != null) {
        beside.add(release, 0, RELEASE);
      } else {
        drain(release);
      }
    }
  }

  private void enqueue(long key, long time, int tag) {
    if (beside != null) {
      beside.add(key, time, tag);
    } else {
      queue.add(key, time, tag);
    }
  }

  /** The worker's side: the records in the order they were written. */
  private void work(BatchHandOff.Batch b) {
    for (int i = 0; i < b.records(); i++) {
      long tag = b.word(i, 2);
      if (tag == RELEASE) {
        drain(b.word(i, 0));
      } else {
        queue.add(b.word(i, 0), b.word(i, 1), (int) tag);
      }
    }
  }

  @Override
  public void finish() {
    if (beside != null) {
      beside.flush();
    }
    drain(Long.MAX_VALUE);
    // Stretches with no upstream traffic after the last one that had some: what was open ends at its gap.
    if (stretch < gaps.count()) {
      crossGap();
    }
    for (int s = 0; s < states.length; s++) {
      State st = states[s];
      if (st != null && st.inRun) {
        close(s, st, st.streak > 0 ? st.streakFirstAnswer : DarkSpan.OPEN);
      }
    }
    keepStretchTotals();
    spans.sort((a, b) -> Long.compare(a.startNanos(), b.startNanos()));
  }

  /** Hands every transaction whose query is older than {@code limit} to its server, in query-time order. */
  private void drain(long limit) {
    queue.drainBefore(limit);
  }

  private void handle(long key, long time, int tag) {
    while (stretch < gaps.count() && key >= gaps.startAfter(stretch)) {
      crossGap();
    }
    int kind = tag & 3;
    if (kind == UNANSWERED && stretch < gaps.count() && key > gaps.endBefore(stretch) - timeout) {
      return;
    }
    State st = state(tag >>> 2);
    if (kind != LATE) {
      st.stretchQueries++;
      st.stretchAnswered += kind == ANSWERED ? 1 : 0;
    }
    if (kind == UNANSWERED) {
      unanswered(st, key);
    } else {
      answered(tag >>> 2, st, time, (tag & 3) == ANSWERED);
    }
  }

  private State state(int server) {
    if (server >= states.length) {
      states = Arrays.copyOf(states, Math.max(server + 1, states.length * 2));
    }
    if (states[server] == null) {
      states[server] = new State();
    }
    return states[server];
  }

  private static void unanswered(State st, long queryTime) {
    st.queries++;
    if (!st.inRun) {
      st.inRun = true;
      st.start = queryTime;
      st.unansweredInRun = 0;
      st.answeredInRun = 0;
      st.lateInRun = 0;
      st.streak = 0;
      st.lastAnswerBeforeRun = st.lastAnswer;
    } else if (st.streak > 0) {
      st.answeredInRun += st.streak;
      st.streak = 0;
    }
    if (st.unansweredInRun < DarkSpan.KEPT) {
      st.firstUnanswered[(int) st.unansweredInRun] = queryTime;
    }
    st.unansweredInRun++;
    st.lastUnanswered = queryTime;
  }

  private void answered(int server, State st, long responseTime, boolean query) {
    if (!query) {
      // A late answer: the server is slow rather than dark. It does not end a run.
      if (st.inRun) {
        st.lateInRun++;
      }
      st.lastAnswer = Math.max(st.lastAnswer, responseTime);
      return;
    }
    st.queries++;
    st.answered++;
    if (st.inRun) {
      st.streakFirstAnswer = st.streak == 0 ? responseTime : Math.min(st.streakFirstAnswer, responseTime);
      st.streak++;
      if (st.streak >= CLOSE_STREAK) {
        close(server, st, st.streakFirstAnswer);
      }
    }
    st.lastAnswer = Math.max(st.lastAnswer, responseTime);
  }

  /**
   * The stream has reached the stretch after a gap: a run still open is dark until the gap (or
   * ended at the answers that began to close it), and every server starts afresh.
   */
  private void crossGap() {
    for (int s = 0; s < states.length; s++) {
      State st = states[s];
      if (st != null) {
        if (st.inRun) {
          close(s, st, st.streak > 0 ? st.streakFirstAnswer : DarkSpan.OPEN);
        }
        st.lastAnswer = Long.MIN_VALUE;
      }
    }
    keepStretchTotals();
    stretch++;
  }

  /** Keeps the current stretch's totals of the servers dark in it, and starts the next stretch's from zero. */
  private void keepStretchTotals() {
    for (int s = 0; s < states.length; s++) {
      State st = states[s];
      if (st != null) {
        if (st.spanStretch == stretch && gaps.count() > 0) {
          stretchTotals.put((long) s << 32 | stretch, new long[] {st.stretchQueries, st.stretchAnswered});
        }
        st.stretchQueries = 0;
        st.stretchAnswered = 0;
      }
    }
  }

  private void close(int server, State st, long end) {
    st.inRun = false;
    long length = (end == DarkSpan.OPEN ? st.lastUnanswered : end) - st.start;
    long all = st.unansweredInRun + st.answeredInRun;
    if (st.unansweredInRun >= MIN_UNANSWERED && st.answeredInRun <= MAX_ANSWERED_SHARE * all && length >= MIN_SPAN_NANOS
        && 2 * st.lateInRun < st.unansweredInRun) {
      long[] first = java.util.Arrays.copyOf(st.firstUnanswered, (int) Math.min(DarkSpan.KEPT, st.unansweredInRun));
      st.spanStretch = stretch;
      spans.add(new DarkSpan(server, st.start, end, st.lastAnswerBeforeRun, st.lastUnanswered, st.unansweredInRun, st.answeredInRun, first, stretch,
          gaps.stretchEnd(stretch)));
    }
  }

  /** The dark spans found, by start (complete after {@link #finish()}). */
  List<DarkSpan> spans() {
    return List.copyOf(spans);
  }

  /** Queries to a server whose fate is known (answered or not), over the whole capture. */
  long queries(int server) {
    return server < states.length && states[server] != null ? states[server].queries : 0;
  }

  /** Queries to a server that were answered, over the whole capture. */
  long answered(int server) {
    return server < states.length && states[server] != null ? states[server].answered : 0;
  }

  /**
   * A server's queries whose fate is known and its answered ones in stretch {@code k} of a capture
   * with gaps: known for the stretches it had a dark span in (after {@link #finish()}), else zeros.
   */
  long[] stretchTotals(int server, int k) {
    return stretchTotals.getOrDefault((long) server << 32 | k, new long[2]);
  }

  /** The gaps the stream was cut at. */
  CaptureGaps gaps() {
    return gaps;
  }
}
