package org.dnsseismograph.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dnsseismograph.traffic.RecordingSink.Seen;
import org.dnsseismograph.wire.IpAddress;
import org.dnsseismograph.wire.Transport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The matcher against a plain model of its contract (an {@link ArrayList} of pending queries in
 * arrival order, a {@link HashMap} of closed keys), message by message over random traffic: a few
 * clients, ids and names so that keys repeat, responses with and without a question, clocks that
 * sometimes step back, capacities small enough to evict, both by size and by the arrival ring's
 * bound. Every transaction must be the model's, field by field, in the same order. The one
 * freedom the contract leaves (the memory of closed keys is bounded, so a forgotten key's response
 * is unsolicited) is allowed and nothing else.
 */
class QueryResponseMatcherOracleTest {
  private static final long T0 = 1_700_000_000_000_000_000L;
  private static final String[] CLIENTS = {"192.0.2.10", "192.0.2.11", "2001:db8::53"};
  private static final String[] SERVERS = {"198.51.100.1", "2001:db8:1::1"};
  /** Lengths 11, 32 (the inline part exactly), 33 and 60 (one overflow block). */
  private static final String[] NAMES = {"www.example", "abcdefghijklmnopqrstuvwxyz012345", "abcdefghijklmnopqrstuvwxyz0123456",
      "a-rather-long-label-for-the-test.sub.example.com.example.org"};

  /** The key of a pending query, as the contract defines it, and its question. */
  private record Key(Transport transport, String client, int clientPort, String server, int serverPort, int id) {}

  private record Question(String qname, int qtype) {}

  private record Full(Key key, Question question) {}

  /** One pending query of the model. */
  private record Pending(Full full, long time, long frame, int opcode, boolean rd, long arrival) {}

  private enum Closed { ANSWERED, UNANSWERED }

  @ParameterizedTest(name = "capacity {0}, timeout {1} ns, seed {2}")
  @CsvSource({"1, 50, 1", "2, 80, 2", "3, 400, 3", "8, 200, 4", "8, 5000, 5", "64, 300, 6", "64, 100000, 7", "1024, 2000, 8"})
  void everyTransactionIsTheModelsInTheSameOrder(int capacity, long timeout, long seed) {
    Model model = new Model(capacity, timeout);
    RecordingSink sink = new RecordingSink();
    QueryResponseMatcher matcher = new QueryResponseMatcher(new MatcherConfig(timeout, capacity), sink);
    Random random = new Random(seed);
    long clock = T0;
    for (long frame = 1; frame <= 40_000; frame++) {
      clock += random.nextInt(4) == 0 ? random.nextInt((int) Math.max(1, timeout / 2)) : random.nextInt(3);
      // Sometimes a frame out of capture order, up to a timeout and a half back.
      long t = random.nextInt(20) == 0 ? clock - random.nextInt((int) Math.max(1, timeout * 3 / 2)) : clock;
      CraftedMessage m = message(random, model, t, frame);
      int before = sink.seen.size();
      List<Seen> expected = model.offer(m);
      matcher.onMessage(m.payload, m.view);
      List<Seen> got = new ArrayList<>(sink.seen.subList(before, sink.seen.size()));
      model.reconcile(expected, got, frame);
      assertEquals(model.pending.size(), matcher.pendingCount(), "pending after frame " + frame);
    }
    int before = sink.seen.size();
    List<Seen> expected = model.finish();
    matcher.finish();
    assertEquals(expected, sink.seen.subList(before, sink.seen.size()), "at the end");
    MatcherStats stats = matcher.stats();
    assertEquals(model.answered, stats.answered());
    assertEquals(model.timedOut, stats.timedOut());
    assertEquals(model.evicted, stats.evicted());
    assertEquals(model.retransmitted, stats.retransmitted());
    assertEquals(model.duplicates, stats.duplicateResponses());
    assertEquals(model.late, stats.lateResponses());
    assertEquals(model.unsolicited, stats.unsolicitedResponses());
    assertTrue(model.answered > 1000 && model.timedOut > 100, "the traffic exercised answers and timeouts: " + stats);
  }

  /** A query or response with a random key, half of the responses to a query still pending. */
  private static CraftedMessage message(Random random, Model model, long t, long frame) {
    Key key;
    Question question;
    if (random.nextBoolean() && !model.pending.isEmpty() && random.nextInt(3) > 0) {
      Pending p = model.pending.get(random.nextInt(model.pending.size()));
      key = p.full().key();
      question = p.full().question();
    } else {
      key = new Key(random.nextInt(8) == 0 ? Transport.TCP : Transport.UDP, CLIENTS[random.nextInt(CLIENTS.length)], 1000 + random.nextInt(2),
          SERVERS[random.nextInt(SERVERS.length)], 53, random.nextInt(4));
      question = new Question(NAMES[random.nextInt(NAMES.length)], random.nextBoolean() ? 1 : 28);
    }
    boolean isResponse = random.nextInt(5) < 2;
    CraftedMessage m = isResponse
        ? CraftedMessage.response(t, key.server(), key.serverPort(), key.client(), key.clientPort(), key.id(), question.qname(), question.qtype(),
            random.nextInt(4))
        : CraftedMessage.query(t, key.client(), key.clientPort(), key.server(), key.serverPort(), key.id(), question.qname(), question.qtype());
    m.frame(frame).opcode(random.nextInt(8) == 0 ? 4 : 0).rd(random.nextBoolean()).answers(random.nextInt(3), random.nextInt(2));
    if (key.transport() == Transport.TCP) {
      m.tcp();
    }
    if (isResponse && random.nextInt(10) == 0) {
      m.noQuestion();
    }
    return m;
  }

  /** The contract, written as plainly as possible. */
  private static final class Model {
    final int capacity;
    final long timeout;
    final long ringBound;
    final List<Pending> pending = new ArrayList<>();
    final Map<Full, Closed> closed = new HashMap<>();
    long clock = Long.MIN_VALUE;
    long arrivals;
    long answered;
    long timedOut;
    long evicted;
    long retransmitted;
    long duplicates;
    long late;
    long unsolicited;

    Model(int capacity, long timeout) {
      this.capacity = capacity;
      this.timeout = timeout;
      this.ringBound = Long.highestOneBit(Math.max(16L, 8L * capacity) * 2 - 1);
    }

    long deadline() {
      return clock - timeout;
    }

    List<Seen> offer(CraftedMessage m) {
      List<Seen> out = new ArrayList<>();
      if (m.payload.timestampNanos > clock) {
        // Expiry runs when the clock moves, oldest arrival first, up to the first one not due.
        clock = m.payload.timestampNanos;
        while (!pending.isEmpty() && pending.get(0).time() < deadline()) {
          out.add(close(pending.get(0), Outcome.TIMED_OUT));
        }
      }
      if (m.view.qr) {
        response(m, out);
      } else {
        query(m, out);
      }
      return out;
    }

    private void query(CraftedMessage m, List<Seen> out) {
      Full full = new Full(key(m, false), question(m));
      Pending same = pending.stream().filter(p -> p.full().equals(full)).findFirst().orElse(null);
      if (same != null) {
        if (same.time() >= deadline()) {
          retransmitted++;
          return;
        }
        out.add(close(same, Outcome.TIMED_OUT));
      }
      while (pending.size() >= capacity || (!pending.isEmpty() && arrivals - pending.get(0).arrival() >= ringBound)) {
        out.add(close(pending.get(0), Outcome.EVICTED));
      }
      pending.add(new Pending(full, m.payload.timestampNanos, m.payload.frameNumber, m.view.opcode, m.view.rd, arrivals++));
    }

    private void response(CraftedMessage m, List<Seen> out) {
      Key key = key(m, true);
      Question question = m.view.hasQuestion ? question(m) : null;
      Pending match = pending.stream().filter(p -> p.full().key().equals(key) && (question == null || p.full().question().equals(question))).findFirst()
          .orElse(null);
      if (match != null && match.time() >= deadline()) {
        pending.remove(match);
        closed.put(match.full(), Closed.ANSWERED);
        answered++;
        out.add(seen(Outcome.ANSWERED, match, m));
        return;
      }
      if (match != null) {
        out.add(close(match, Outcome.TIMED_OUT));
        late++;
        out.add(seen(Outcome.LATE_RESPONSE, null, m));
        return;
      }
      Closed state = question == null ? null : closed.get(new Full(key, question));
      if (state == Closed.ANSWERED) {
        duplicates++;
      } else if (state == Closed.UNANSWERED) {
        late++;
        out.add(seen(Outcome.LATE_RESPONSE, null, m));
      } else {
        unsolicited++;
        out.add(seen(Outcome.UNSOLICITED_RESPONSE, null, m));
      }
    }

    /**
     * Checks the matcher's transactions for one message against the model's. Where the model
     * remembered a closed key that the matcher's bounded memory may have forgotten, an
     * unsolicited response is accepted instead, and the model's counts follow.
     */
    void reconcile(List<Seen> expected, List<Seen> got, long frame) {
      if (!expected.equals(got) && forgotten(expected, got)) {
        return;
      }
      assertEquals(expected, got, "frame " + frame);
    }

    private boolean forgotten(List<Seen> expected, List<Seen> got) {
      int n = got.size();
      if (n == 0 || got.get(n - 1).outcome() != Outcome.UNSOLICITED_RESPONSE) {
        return false;
      }
      Seen unsolicitedOne = got.get(n - 1);
      boolean wasDuplicate = expected.size() == n - 1 && expected.equals(got.subList(0, n - 1));
      boolean wasLate = expected.size() == n && expected.get(n - 1).outcome() == Outcome.LATE_RESPONSE && expected.subList(0, n - 1).equals(got.subList(0, n - 1))
          && withOutcome(expected.get(n - 1), Outcome.UNSOLICITED_RESPONSE).equals(unsolicitedOne);
      if (wasDuplicate) {
        duplicates--;
        unsolicited++;
      } else if (wasLate) {
        late--;
        unsolicited++;
      }
      return wasDuplicate || wasLate;
    }

    List<Seen> finish() {
      List<Seen> out = new ArrayList<>();
      while (!pending.isEmpty()) {
        Pending p = pending.get(0);
        out.add(close(p, p.time() < deadline() ? Outcome.TIMED_OUT : Outcome.END_OF_INPUT));
      }
      return out;
    }

    private Seen close(Pending p, Outcome outcome) {
      pending.remove(p);
      closed.put(p.full(), Closed.UNANSWERED);
      if (outcome == Outcome.TIMED_OUT) {
        timedOut++;
      } else if (outcome == Outcome.EVICTED) {
        evicted++;
      }
      return seen(outcome, p, null);
    }

    private static Key key(CraftedMessage m, boolean response) {
      String src = new IpAddress(m.payload.srcHi, m.payload.srcLo).toString();
      String dst = new IpAddress(m.payload.dstHi, m.payload.dstLo).toString();
      return response ? new Key(m.payload.transport, dst, m.payload.dstPort, src, m.payload.srcPort, m.view.id)
          : new Key(m.payload.transport, src, m.payload.srcPort, dst, m.payload.dstPort, m.view.id);
    }

    private static Question question(CraftedMessage m) {
      return new Question(m.view.qnameString(), m.view.qtype);
    }

    /** The transaction of a query {@code q} and/or a response {@code r}, as the contract fills it. */
    private static Seen seen(Outcome outcome, Pending q, CraftedMessage r) {
      Key k = q != null ? q.full().key() : key(r, true);
      String qname = q != null ? q.full().question().qname() : r.view.hasQuestion ? question(r).qname() : "";
      int qtype = q != null ? q.full().question().qtype() : r.view.hasQuestion ? r.view.qtype : 0;
      long qnameHash = q != null || r.view.hasQuestion ? CraftedMessage.nameHash(qname.getBytes(java.nio.charset.StandardCharsets.US_ASCII), qname.length()) : 0;
      long queryTime = q != null ? q.time() : Transaction.NO_TIME;
      long responseTime = r != null ? r.payload.timestampNanos : Transaction.NO_TIME;
      long latency = q != null && r != null ? Math.max(0, responseTime - queryTime) : Transaction.NONE;
      return new Seen(outcome, queryTime, responseTime, latency, q != null ? q.frame() : 0, r != null ? r.payload.frameNumber : 0, k.transport(), k.client(),
          k.clientPort(), k.server(), k.serverPort(), k.id(), qname, qnameHash, qtype, q != null ? q.opcode() : r.view.opcode, q != null ? q.rd() : r.view.rd,
          r != null ? r.view.rcode : Transaction.NONE, r != null && r.view.tc, r != null && r.view.aa, r != null ? r.view.anCount : 0,
          r != null ? r.view.nsCount : 0);
    }

    private static Seen withOutcome(Seen s, Outcome outcome) {
      return new Seen(outcome, s.queryTime(), s.responseTime(), s.latency(), s.queryFrame(), s.responseFrame(), s.transport(), s.client(), s.clientPort(),
          s.server(), s.serverPort(), s.id(), s.qname(), s.qnameHash(), s.qtype(), s.opcode(), s.rd(), s.rcode(), s.tc(), s.aa(), s.anCount(), s.nsCount());
    }
  }
}
