package org.dnsseismograph.traffic;

import static org.dnsseismograph.traffic.CraftedMessage.query;
import static org.dnsseismograph.traffic.CraftedMessage.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.dnsseismograph.dns.DnsMessageView;
import org.dnsseismograph.wire.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryResponseMatcherTest {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;
  private static final long T0 = 1_265_057_350L * S;
  private static final int A = 1;
  private static final int AAAA = 28;

  private final RecordingSink sink = new RecordingSink();
  private QueryResponseMatcher matcher = new QueryResponseMatcher(MatcherConfig.defaults(), sink);

  private void offer(CraftedMessage m) {
    matcher.onMessage(m.payload, m.view);
  }

  private static CraftedMessage q(long t, int id, String name) {
    return query(t, "192.0.2.10", 40000 + id, "198.51.100.1", 53, id, name, A);
  }

  private static CraftedMessage r(long t, int id, String name) {
    return response(t, "198.51.100.1", 53, "192.0.2.10", 40000 + id, id, name, A, 0);
  }

  @Test
  void answeredQueryCarriesBothSidesAndLatency() {
    offer(query(T0, "192.0.2.10", 40001, "2001:db8::53", 53, 0x1234, "www.example.com", AAAA).frame(7).opcode(0).rd(true));
    offer(response(T0 + 12_500_000, "2001:db8::53", 53, "192.0.2.10", 40001, 0x1234, "www.example.com", AAAA, 3).frame(9).authoritative().answers(0, 1));

    assertEquals(1, sink.seen.size());
    RecordingSink.Seen t = sink.last();
    assertEquals(Outcome.ANSWERED, t.outcome());
    assertEquals(T0, t.queryTime());
    assertEquals(T0 + 12_500_000, t.responseTime());
    assertEquals(12_500_000, t.latency());
    assertEquals(7, t.queryFrame());
    assertEquals(9, t.responseFrame());
    assertEquals("192.0.2.10", t.client());
    assertEquals(40001, t.clientPort());
    assertEquals("2001:db8::53", t.server());
    assertEquals(53, t.serverPort());
    assertEquals(0x1234, t.id());
    assertEquals("www.example.com", t.qname());
    assertEquals(AAAA, t.qtype());
    assertEquals(3, t.rcode());
    assertTrue(t.aa());
    assertTrue(t.rd());
    assertEquals(1, t.nsCount());
    assertEquals(Transport.UDP, t.transport());
    assertEquals(0, matcher.pendingCount());
  }

  @Test
  void responseExactlyAtTheTimeoutStillAnswers() {
    offer(q(T0, 1, "a.example"));
    offer(r(T0 + 3 * S, 1, "a.example"));

    assertEquals(List.of(Outcome.ANSWERED), sink.outcomes());
    assertEquals(3 * S, sink.last().latency());
  }

  @Test
  void responseOneNanosecondAfterTheTimeoutIsLate() {
    offer(q(T0, 1, "a.example"));
    offer(r(T0 + 3 * S + 1, 1, "a.example"));

    assertEquals(List.of(Outcome.TIMED_OUT, Outcome.LATE_RESPONSE), sink.outcomes());
    assertEquals(T0, sink.seen.get(0).queryTime());
    assertEquals(Transaction.NO_TIME, sink.seen.get(1).queryTime());
    assertEquals(1, matcher.stats().lateResponses());
  }

  @Test
  void unansweredQueryClosesOnlyWhenTheClockPassesItsDeadline() {
    offer(q(T0, 1, "a.example"));
    offer(q(T0 + 3 * S, 2, "b.example"));
    assertTrue(sink.seen.isEmpty(), "the clock is exactly at the deadline");

    matcher.advanceTo(T0 + 3 * S + 1);
    assertEquals(List.of(Outcome.TIMED_OUT), sink.outcomes());
    assertEquals(T0, sink.last().queryTime());
    assertEquals(Transaction.NO_TIME, sink.last().responseTime());
    assertEquals(Transaction.NONE, sink.last().latency());
    assertEquals(Transaction.NONE, sink.last().rcode());
  }

  @Test
  void timeoutIsConfigurable() {
    matcher = new QueryResponseMatcher(MatcherConfig.defaults().withTimeout(250 * MS), sink);
    offer(q(T0, 1, "a.example"));
    offer(r(T0 + 250 * MS + 1, 1, "a.example"));

    assertEquals(List.of(Outcome.TIMED_OUT, Outcome.LATE_RESPONSE), sink.outcomes());
  }

  @Test
  void clockNeverGoesBack() {
    offer(q(T0 + 5 * S, 1, "a.example"));
    matcher.advanceTo(T0);
    assertEquals(T0 + 5 * S, matcher.clockNanos());
  }

  @ParameterizedTest(name = "response differing in {0} is not an answer")
  @CsvSource(textBlock = """
      client address, 192.0.2.11,   40001, 198.51.100.1, 53, 1, a.example, 1, UDP
      client port,    192.0.2.10,   40002, 198.51.100.1, 53, 1, a.example, 1, UDP
      server address, 192.0.2.10,   40001, 198.51.100.2, 53, 1, a.example, 1, UDP
      server port,    192.0.2.10,   40001, 198.51.100.1, 5353, 1, a.example, 1, UDP
      id,             192.0.2.10,   40001, 198.51.100.1, 53, 2, a.example, 1, UDP
      qname,          192.0.2.10,   40001, 198.51.100.1, 53, 1, b.example, 1, UDP
      qname length,   192.0.2.10,   40001, 198.51.100.1, 53, 1, a.exampl, 1, UDP
      qtype,          192.0.2.10,   40001, 198.51.100.1, 53, 1, a.example, 28, UDP
      transport,      192.0.2.10,   40001, 198.51.100.1, 53, 1, a.example, 1, TCP
      """)
  void everyPartOfTheKeyMustMatch(String part, String client, int clientPort, String server, int serverPort, int id, String qname, int qtype,
      Transport transport) {
    offer(q(T0, 1, "a.example"));
    CraftedMessage resp = response(T0 + MS, server, serverPort, client, clientPort, id, qname, qtype, 0);
    if (transport == Transport.TCP) {
      resp.tcp();
    }
    offer(resp);

    assertEquals(List.of(Outcome.UNSOLICITED_RESPONSE), sink.outcomes(), part);
    assertEquals(1, matcher.pendingCount(), part);
    offer(r(T0 + 2 * MS, 1, "a.example"));
    assertEquals(Outcome.ANSWERED, sink.last().outcome(), part);
  }

  @Test
  void qnamesWithTheSameHashAreStillComparedByteByByte() {
    // the matcher's name hash reads the first 32 octets and the length: these two share it
    String common = "a".repeat(40);
    CraftedMessage query = q(T0, 1, common + ".one.example");
    CraftedMessage forged = r(T0 + MS, 1, common + ".two.example");
    assertEquals(nameHash(query), nameHash(forged));
    offer(query);
    offer(forged);

    assertEquals(List.of(Outcome.UNSOLICITED_RESPONSE), sink.outcomes());
    assertEquals(1, matcher.pendingCount());
  }

  @Test
  void fullTableEvictsTheOldestPendingQueryFirst() {
    matcher = new QueryResponseMatcher(MatcherConfig.defaults().withCapacity(3), sink);
    offer(q(T0, 1, "one.example"));
    offer(q(T0 + MS, 2, "two.example"));
    offer(q(T0 + 2 * MS, 3, "three.example"));
    offer(r(T0 + 3 * MS, 2, "two.example"));
    offer(q(T0 + 4 * MS, 4, "four.example"));
    assertEquals(List.of(Outcome.ANSWERED), sink.outcomes(), "answering made room");

    offer(q(T0 + 5 * MS, 5, "five.example"));
    offer(q(T0 + 6 * MS, 6, "six.example"));

    assertEquals(List.of(Outcome.ANSWERED, Outcome.EVICTED, Outcome.EVICTED), sink.outcomes());
    assertEquals("one.example", sink.seen.get(1).qname());
    assertEquals("three.example", sink.seen.get(2).qname());
    assertEquals(3, matcher.pendingCount());
    assertEquals(2, matcher.stats().evicted());
    assertEquals(3, matcher.stats().peakPending());
    offer(r(T0 + 7 * MS, 1, "one.example"));
    assertEquals(Outcome.LATE_RESPONSE, sink.last().outcome(), "an evicted query's response is late");
  }

  @Test
  void arrivalsSpanningMoreThanEightTimesTheCapacityEvictTheOldestToo() {
    // Capacity 2: the arrival ring holds 16. One query stays pending while 15 others come and go.
    matcher = new QueryResponseMatcher(MatcherConfig.defaults().withCapacity(2), sink);
    offer(q(T0, 100, "old.example"));
    for (int i = 1; i <= 15; i++) {
      offer(q(T0 + i * MS, i, "n.example"));
      offer(r(T0 + i * MS + 1, i, "n.example"));
    }
    assertEquals(0, matcher.stats().evicted());

    offer(q(T0 + 16 * MS, 16, "n.example"));
    assertEquals(1, matcher.stats().evicted());
    assertEquals("old.example", sink.seen.stream().filter(t -> t.outcome() == Outcome.EVICTED).findFirst().orElseThrow().qname());
  }

  @Test
  void pendingNeverExceedsTheCapacityAndEvictionFollowsArrival() {
    int capacity = 1000;
    matcher = new QueryResponseMatcher(MatcherConfig.defaults().withCapacity(capacity), sink);
    for (int i = 0; i < 5000; i++) {
      offer(query(T0 + i * 1000L, "192.0.2.10", 1024 + i, "198.51.100.1", 53, i & 0xFFFF, "n" + i + ".example", A));
      assertTrue(matcher.pendingCount() <= capacity);
    }

    assertEquals(4000, sink.seen.size());
    for (int i = 0; i < 4000; i++) {
      assertEquals(Outcome.EVICTED, sink.seen.get(i).outcome());
      assertEquals("n" + i + ".example", sink.seen.get(i).qname());
    }
    matcher.finish();
    assertEquals(5000, sink.seen.size());
    assertEquals(1000, matcher.stats().unansweredAtEnd());
  }

  @Test
  void manyInterleavedQueriesAllFindTheirResponsesInAnyOrder() {
    matcher = new QueryResponseMatcher(MatcherConfig.defaults().withCapacity(50_000), sink);
    int n = 20_000;
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      offer(query(T0 + i, "10.0." + (i >> 8 & 0xFF) + "." + (i & 0xFF), 1024 + i % 60000, "198.51.100.1", 53, i * 7 & 0xFFFF, "q" + i + ".example", A));
      order.add(i);
    }
    Collections.shuffle(order, new Random(42));
    for (int i : order) {
      offer(response(T0 + n + i, "198.51.100.1", 53, "10.0." + (i >> 8 & 0xFF) + "." + (i & 0xFF), 1024 + i % 60000, i * 7 & 0xFFFF, "q" + i + ".example", A, 0));
      assertEquals("q" + i + ".example", sink.last().qname());
    }

    assertEquals(n, matcher.stats().answered());
    assertTrue(sink.seen.stream().allMatch(t -> t.outcome() == Outcome.ANSWERED));
    assertEquals(0, matcher.pendingCount());
  }

  @Test
  void retransmittedQueryKeepsTheFirstTransmissionTime() {
    offer(q(T0, 1, "a.example"));
    offer(q(T0 + S, 1, "a.example"));
    offer(r(T0 + 1500 * MS, 1, "a.example"));

    assertEquals(List.of(Outcome.ANSWERED), sink.outcomes());
    assertEquals(1500 * MS, sink.last().latency());
    assertEquals(1, matcher.stats().retransmitted());
    assertEquals(2, matcher.stats().queries());
  }

  @Test
  void retransmissionAfterTheTimeoutStartsAFreshQuery() {
    offer(q(T0, 1, "a.example"));
    offer(q(T0 + 4 * S, 1, "a.example"));
    offer(r(T0 + 4 * S + 20 * MS, 1, "a.example"));

    assertEquals(List.of(Outcome.TIMED_OUT, Outcome.ANSWERED), sink.outcomes());
    assertEquals(20 * MS, sink.last().latency());
    assertEquals(0, matcher.stats().retransmitted());
  }

  @Test
  void duplicateResponseIsCountedButNotEmitted() {
    offer(q(T0, 1, "a.example"));
    offer(r(T0 + MS, 1, "a.example"));
    offer(r(T0 + 2 * MS, 1, "a.example"));

    assertEquals(List.of(Outcome.ANSWERED), sink.outcomes());
    assertEquals(1, matcher.stats().duplicateResponses());
    assertEquals(2, matcher.stats().responses());
  }

  @Test
  void responseWithoutAQueryIsUnsolicited() {
    offer(r(T0, 9, "mid.example").answers(2, 0));

    RecordingSink.Seen t = sink.last();
    assertEquals(Outcome.UNSOLICITED_RESPONSE, t.outcome());
    assertEquals(TransactionKind.RESPONSE_ONLY, t.outcome().kind());
    assertEquals(Transaction.NO_TIME, t.queryTime());
    assertEquals(T0, t.responseTime());
    assertEquals("192.0.2.10", t.client());
    assertEquals("198.51.100.1", t.server());
    assertEquals("mid.example", t.qname());
    assertEquals(2, t.anCount());
    assertEquals(1, matcher.stats().unsolicitedResponses());
  }

  @Test
  void responseWithoutAQuestionMatchesByAddressesPortsAndId() {
    offer(q(T0, 1, "a.example"));
    offer(r(T0 + 4 * MS, 1, "ignored").noQuestion());

    assertEquals(List.of(Outcome.ANSWERED), sink.outcomes());
    assertEquals("a.example", sink.last().qname(), "the question is the query's");
  }

  @Test
  void finishClosesEverythingStillPending() {
    offer(q(T0, 1, "a.example"));
    offer(q(T0 + MS, 2, "b.example"));
    matcher.finish();

    assertEquals(List.of(Outcome.END_OF_INPUT, Outcome.END_OF_INPUT), sink.outcomes());
    assertEquals(List.of("a.example", "b.example"), sink.seen.stream().map(RecordingSink.Seen::qname).toList());
    assertEquals(2, matcher.stats().unansweredAtEnd());
    assertEquals(2, matcher.stats().unanswered());
  }

  @Test
  void queryArrivingOutOfOrderBehindAYoungerOneStillTimesOutByItsOwnTime() {
    offer(q(T0 + 5 * S, 1, "young.example"));
    offer(q(T0 + S, 2, "old.example"));
    assertTrue(sink.seen.isEmpty());

    offer(r(T0 + 5 * S + MS, 2, "old.example"));
    assertEquals(List.of(Outcome.TIMED_OUT, Outcome.LATE_RESPONSE), sink.outcomes());
    assertEquals("old.example", sink.seen.get(0).qname());
    matcher.finish();
    assertEquals(Outcome.END_OF_INPUT, sink.last().outcome());
    assertEquals("young.example", sink.last().qname());
  }

  @Test
  void outOfOrderResponseBeforeItsQueryHasZeroLatency() {
    offer(q(T0 + 10 * MS, 1, "a.example"));
    offer(r(T0 + 5 * MS, 1, "a.example"));

    assertEquals(0, sink.last().latency());
    assertEquals(Outcome.ANSWERED, sink.last().outcome());
  }

  @Test
  void longNamesSpanningSeveralBlocksMatchAndComeBackIntact() {
    String longName = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);
    String sameButLast = longName.substring(0, longName.length() - 1) + "e";
    offer(q(T0, 1, longName));
    offer(r(T0 + MS, 1, sameButLast));
    offer(r(T0 + 2 * MS, 1, longName));

    assertEquals(List.of(Outcome.UNSOLICITED_RESPONSE, Outcome.ANSWERED), sink.outcomes());
    assertEquals(longName, sink.last().qname());
  }

  @Test
  void nameStorageRunningOutEvictsTheOldestEvenWithSlotsFree() {
    matcher = new QueryResponseMatcher(MatcherConfig.defaults().withCapacity(4), sink);
    // the longest name there is, 255 octets: two of them need more blocks than four slots are given
    String huge = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);
    offer(q(T0, 1, huge));
    offer(q(T0 + MS, 2, huge));

    assertEquals(List.of(Outcome.EVICTED), sink.outcomes());
    assertEquals(1, sink.last().id());
    assertEquals(1, matcher.pendingCount());
  }

  @Test
  void udpAndTcpQueriesWithTheSameKeyAreSeparate() {
    offer(q(T0, 1, "a.example"));
    offer(q(T0 + MS, 1, "a.example").tcp());
    offer(r(T0 + 2 * MS, 1, "a.example").tcp());

    assertEquals(Transport.TCP, sink.last().transport());
    assertEquals(1 * MS, sink.last().latency());
    assertEquals(1, matcher.pendingCount());
    assertEquals(0, matcher.stats().retransmitted());
  }

  @Test
  void queryFlagsTravelWithThePendingQuery() {
    offer(q(T0, 1, "a.example").rd(false).opcode(4));
    offer(r(T0 + MS, 1, "a.example").opcode(4));

    assertFalse(sink.last().rd());
    assertEquals(4, sink.last().opcode());
  }

  @Test
  void aNameLeftInItsPendingSlotIsReadDuringTheCallAndRefusedAfterIt() {
    // The name is copied out of the pending slot only when read; the slot is freed after the call.
    List<String> during = new ArrayList<>();
    List<Transaction> kept = new ArrayList<>();
    String longName = "x".repeat(40) + ".example";
    QueryResponseMatcher m = new QueryResponseMatcher(MatcherConfig.defaults(), t -> {
      kept.add(t);
      if (t.kind() == TransactionKind.ANSWERED) {
        during.add(t.qnameString());
      }
    });
    CraftedMessage[] messages = {q(T0, 1, "a.example"), q(T0 + MS, 2, longName), r(T0 + 2 * MS, 2, longName), r(T0 + 3 * MS, 1, "a.example"),
        q(T0 + 4 * MS, 3, "b.example"), q(T0 + 5 * MS, 4, "c.example")};
    for (CraftedMessage c : messages) {
      m.onMessage(c.payload, c.view);
    }
    m.advanceTo(T0 + 4 * MS + 3 * S + 1);

    assertEquals(List.of(longName, "a.example"), during);
    // b.example timed out and nobody read its name during the call: its slot may hold another query by now.
    Transaction timedOut = kept.get(kept.size() - 1);
    assertEquals(Outcome.TIMED_OUT, timedOut.outcome);
    assertThrows(IllegalStateException.class, timedOut::qnameString);
    // A name read during its call stays readable after it, until the next transaction.
    CraftedMessage again = r(T0 + 6 * MS, 4, "c.example");
    m.onMessage(again.payload, again.view);
    assertEquals("c.example", kept.get(kept.size() - 1).qnameString());
  }

  @ParameterizedTest
  @CsvSource({"www.example.com, WWW.Example.COM", "WWW.EXAMPLE.COM, www.example.com", "wWw.ExAmPlE.cOm, WwW.eXaMpLe.CoM",
      "www.example.com, www.example.com", "Abcdefghijklmnopqrstuvwxyz0123456789.Example.NET, aBCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.eXAMPLE.net"})
  void aResponseMatchesItsQueryWhateverTheCaseOfEitherName(String asked, String answered) {
    // Responses are compared as sent first and lower-cased only when that differs; the closed key
    // is remembered, and a response alone named, lower-cased either way.
    offer(q(T0, 1, asked));
    offer(r(T0 + MS, 1, answered));
    offer(r(T0 + 2 * MS, 1, answered.toUpperCase(java.util.Locale.ROOT)));
    offer(r(T0 + 3 * MS, 2, answered));

    assertEquals(List.of(Outcome.ANSWERED, Outcome.UNSOLICITED_RESPONSE), sink.outcomes());
    assertEquals(1, matcher.stats().duplicateResponses());
    assertEquals(asked.toLowerCase(java.util.Locale.ROOT), sink.seen.get(0).qname());
    assertEquals(answered.toLowerCase(java.util.Locale.ROOT), sink.last().qname());
  }

  private static long nameHash(CraftedMessage m) {
    DnsMessageView v = m.view;
    return PendingQueries.nameHash(v.qnameWord(0), v.qnameWord(1), v.qnameWord(2), v.qnameWord(3), v.qnameOctets());
  }
}
