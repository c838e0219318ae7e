package org.dnsseismograph.traffic;

import java.util.Objects;
import org.dnsseismograph.dns.DnsMessageView;
import org.dnsseismograph.wire.DnsPayload;

/**
 * Matches DNS queries to their responses in capture order and emits one {@link Transaction} per
 * query or unmatched response to a {@link TransactionSink}.
 *
 * <p><b>Key.</b> Transport, client address and port, server address and port, DNS id, qname and
 * qtype (RFC 5452 §9.1's identity of an answer). For a query the client is the source, for a
 * response the destination. A response without a question (some FORMERR and NOTIMP responses have
 * none) matches the oldest pending query with the same transport, addresses, ports and id.
 *
 * <p><b>Time.</b> The clock is the latest capture time offered ({@link #advanceTo}); it never goes
 * back. A query is unanswered once the clock is more than the timeout past it: a response exactly
 * {@code timeout} after its query still answers it, one nanosecond later it is late. Latency is
 * {@code responseTime - queryTime}, at least 0 (out-of-order frames).
 *
 * <p><b>Outcomes</b>, each counted in {@link #stats()}:
 *
 * <ul>
 *   <li>a response that finds its pending query: {@link Outcome#ANSWERED}, at response time;
 *   <li>a query unanswered within the timeout: {@link Outcome#TIMED_OUT}, emitted when the clock
 *       passes its deadline (so up to one timeout after the query, in query-time terms late);
 *   <li>the table full: the oldest pending query by arrival (capture order) is closed as {@link
 *       Outcome#EVICTED} to make room;
 *   <li>{@link #finish()}: every query still pending is closed as {@link Outcome#END_OF_INPUT};
 *   <li>a retransmitted query (same key, question included, while the first is pending) is
 *       counted and otherwise ignored: the first stays pending, so latency is measured from the
 *       first transmission, as the client waited;
 *   <li>a response with no pending query is a duplicate when its query was already answered
 *       (counted, no transaction), {@link Outcome#LATE_RESPONSE} when its query was closed
 *       unanswered, else {@link Outcome#UNSOLICITED_RESPONSE} (capture started mid-way, one
 *       direction missing). Which keys were closed is remembered in a bounded, direct-mapped
 *       {@link RecentKeys} of twice the pending table's size; when it forgot, the response is
 *       unsolicited.
 * </ul>
 *
 * <p><b>Cost.</b> No allocation per message once the table has grown to the traffic's need; at
 * most {@link MatcherConfig#capacity()} queries pending, about 220 bytes each. The table also
 * counts as full when 8 x capacity queries have arrived since the oldest one still pending (the
 * bound of its arrival ring); the oldest is then evicted the same way.
 *
 * <p>Not thread-safe: one thread offers messages and receives transactions. Offer only messages
 * the scanner read as well-formed: malformed ones have no trustworthy question to match.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc5452#section-9.1">RFC 5452 §9.1</a>
 */
public final class QueryResponseMatcher {
  private final MatcherConfig config;
  private final long timeout;
  private final TransactionSink sink;
  private final PendingQueries pending;
  private final RecentKeys recent;
  private final Transaction tx = new Transaction();
  private long clock = Long.MIN_VALUE;
  /** Pending queries older than this have timed out. */
  private long deadline = Long.MIN_VALUE;

  private long queries;
  private long responses;
  private long answered;
  private long timedOut;
  private long evicted;
  private long unansweredAtEnd;
  private long retransmitted;
  private long duplicates;
  private long late;
  private long unsolicited;
  private int peakPending;

  public QueryResponseMatcher(MatcherConfig config, TransactionSink sink) {
    this.config = Objects.requireNonNull(config, "config");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.timeout = config.timeoutNanos();
    this.pending = new PendingQueries(config.capacity());
    this.recent = new RecentKeys(2 * pending.slotCount());
  }

  public MatcherConfig config() {
    return config;
  }

  /**
   * Offers one well-formed DNS message: a query when {@code view.qr} is false, else a response.
   * Advances the clock to its capture time first.
   */
  public void onMessage(DnsPayload payload, DnsMessageView view) {
    advanceTo(payload.timestampNanos);
    if (view.qr) {
      onResponse(payload, view);
    } else {
      onQuery(payload, view);
    }
  }

  /**
   * Moves the clock forward to {@code timeNanos} (never back) and closes every query that timed
   * out by then. Call it on idle ticks of a live capture so that timeouts still fire.
   */
  public void advanceTo(long timeNanos) {
    if (timeNanos <= clock) {
      return;
    }
    clock = timeNanos;
    deadline = timeNanos < Long.MIN_VALUE + timeout ? Long.MIN_VALUE : timeNanos - timeout;
    // Most messages expire nothing: the oldest query's time, remembered, says so without a lookup.
    if (deadline > pending.oldestTimeBound()) {
      expire();
    }
  }

  /** Closes the queries due, oldest arrival first, up to the first one not due. */
  private void expire() {
    int s;
    while ((s = pending.oldest()) >= 0 && pending.time(s) < deadline) {
      closeUnanswered(s, Outcome.TIMED_OUT);
    }
    pending.noteOldest();
  }

  /** Ends the input: every query still pending is closed (timed out if it had, else at end of input). */
  public void finish() {
    int s;
    while ((s = pending.oldest()) >= 0) {
      closeUnanswered(s, pending.time(s) < deadline ? Outcome.TIMED_OUT : Outcome.END_OF_INPUT);
    }
  }

  /** The latest capture time seen, or {@link Long#MIN_VALUE} before any. */
  public long clockNanos() {
    return clock;
  }

  /** Queries pending now. */
  public int pendingCount() {
    return pending.size();
  }

  public MatcherStats stats() {
    return new MatcherStats(queries, responses, answered, timedOut, evicted, unansweredAtEnd, retransmitted, duplicates, late, unsolicited, peakPending);
  }

  private void onQuery(DnsPayload p, DnsMessageView v) {
    queries++;
    loadKey(p.srcHi, p.srcLo, p.srcPort, p.dstHi, p.dstLo, p.dstPort, p, v);
    pending.setQuestion(v);
    int s = pending.find(true);
    if (s >= 0) {
      if (pending.time(s) >= deadline) {
        retransmitted++;
        return;
      }
      closeUnanswered(s, Outcome.TIMED_OUT);
    }
    int nameLength = pending.nameLength();
    while (!pending.ensureRoom(nameLength)) {
      closeUnanswered(pending.oldest(), Outcome.EVICTED);
    }
    pending.insert(p.timestampNanos, p.frameNumber);
    if (pending.size() > peakPending) {
      peakPending = pending.size();
      recent.grow(2 * pending.slotCount());
    }
  }

  private void onResponse(DnsPayload p, DnsMessageView v) {
    responses++;
    loadKey(p.dstHi, p.dstLo, p.dstPort, p.srcHi, p.srcLo, p.srcPort, p, v);
    pending.setQuestionAsSent(v);
    int s = pending.find(v.hasQuestion);
    if (s >= 0) {
      if (pending.time(s) >= deadline) {
        answer(s, p, v);
        return;
      }
      // Timed out but not yet swept (it arrived out of capture order behind a younger head).
      closeUnanswered(s, Outcome.TIMED_OUT);
      responseOnly(p, v, Outcome.LATE_RESPONSE);
      return;
    }
    byte seen = v.hasQuestion ? recent.lookup(pending.registerFullHash()) : RecentKeys.UNKNOWN;
    if (seen == RecentKeys.ANSWERED) {
      duplicates++;
      return;
    }
    responseOnly(p, v, seen == RecentKeys.UNANSWERED ? Outcome.LATE_RESPONSE : Outcome.UNSOLICITED_RESPONSE);
  }

  private void loadKey(long cHi, long cLo, int cPort, long sHi, long sLo, int sPort, DnsPayload p, DnsMessageView v) {
    pending.kChi = cHi;
    pending.kClo = cLo;
    pending.kShi = sHi;
    pending.kSlo = sLo;
    int misc = (v.rd ? 1 : 0) | (v.opcode << 1);
    pending.kKey = MatchKey.word(cPort, sPort, v.id, p.transport.ordinal(), misc);
  }

  private void answer(int s, DnsPayload p, DnsMessageView v) {
    Transaction t = tx;
    if (t.outcome != Outcome.ANSWERED) {
      // a reference store costs a GC write barrier; most transactions are answered in a row
      t.outcome = Outcome.ANSWERED;
    }
    pending.fillQuery(s, t);
    t.setResponse(p.timestampNanos, p.frameNumber, v);
    t.latencyNanos = Math.max(0, p.timestampNanos - t.queryTimeNanos);
    // The slot's key hashes as the registers' did, and its question is the response's (or the
    // response had none): the full key from the registers' hash and the slot's question hash.
    recent.remember(pending.foundFullHash(s), RecentKeys.ANSWERED);
    answered++;
    handOn(t, s);
  }

  /** Gives the sink a transaction whose name may still lie in pending slot {@code s}, then frees the slot. */
  private void handOn(Transaction t, int s) {
    sink.onTransaction(t);
    t.handedOn();
    pending.remove(s);
  }

  private void closeUnanswered(int s, Outcome outcome) {
    Transaction t = tx;
    t.outcome = outcome;
    pending.fillQuery(s, t);
    t.clearResponse();
    recent.remember(pending.fullHash(s), RecentKeys.UNANSWERED);
    switch (outcome) {
      case TIMED_OUT -> timedOut++;
      case EVICTED -> evicted++;
      default -> unansweredAtEnd++;
    }
    handOn(t, s);
  }

  private void responseOnly(DnsPayload p, DnsMessageView v, Outcome outcome) {
    if (outcome == Outcome.LATE_RESPONSE) {
      late++;
    } else {
      unsolicited++;
    }
    Transaction t = tx;
    t.outcome = outcome;
    t.queryTimeNanos = Transaction.NO_TIME;
    t.queryFrame = 0;
    t.latencyNanos = Transaction.NONE;
    t.transport = p.transport;
    t.clientHi = p.dstHi;
    t.clientLo = p.dstLo;
    t.clientPort = p.dstPort;
    t.serverHi = p.srcHi;
    t.serverLo = p.srcLo;
    t.serverPort = p.srcPort;
    t.id = v.id;
    pending.fillName(t);
    t.qtype = pending.kQtype;
    t.opcode = v.opcode;
    t.rd = v.rd;
    t.setResponse(p.timestampNanos, p.frameNumber, v);
    sink.onTransaction(t);
  }
}
