package org.dnsseismograph.analysis;

import static org.dnsseismograph.analysis.Pipeline.MS;
import static org.dnsseismograph.analysis.Pipeline.S;
import static org.dnsseismograph.analysis.Pipeline.T0;
import static org.dnsseismograph.analysis.Pipeline.column;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.dnsseismograph.dns.ScanResult;
import org.dnsseismograph.series.SeriesTable;
import org.dnsseismograph.series.SeriesTableCsv;
import org.dnsseismograph.series.SeriesTableJson;
import org.dnsseismograph.traffic.CraftedMessage;
import org.dnsseismograph.traffic.MatcherConfig;
import org.dnsseismograph.traffic.Outcome;
import org.dnsseismograph.traffic.TransactionColumns;
import org.dnsseismograph.wire.Skipped;
import org.junit.jupiter.api.Test;

class MessageDispatcherTest {

  /** A query's first 4 header bytes and the rest cut short: the scanner calls it malformed. */
  private static CraftedMessage malformed(long t, int flagsHigh, int flagsLow) {
    CraftedMessage m = CraftedMessage.query(t, "192.0.2.10", 4000, "198.51.100.1", 53, 7, "x.example", 1);
    return m.rawBytes(new byte[] {0, 7, (byte) flagsHigh, (byte) flagsLow, 0, 1, 0});
  }

  @Test
  void malformedMessagesCountFromTheirHeaderButAreNotMatched() {
    Pipeline p = Pipeline.step(S);
    p.query(T0, 1);
    p.offer(malformed(T0 + MS, 0x01, 0x00), ScanResult.TRUNCATED_QUESTION);
    p.offer(malformed(T0 + 2 * MS, 0x86, 0x02), ScanResult.TRUNCATED_RECORD);
    p.offer(malformed(T0 + 3 * MS, 0x86, 0x03), ScanResult.TRUNCATED_RECORD);
    p.finish();

    SeriesTable t = p.table("dns.queries", "dns.responses", "dns.rcode.SERVFAIL", "dns.rcode.NXDOMAIN", "dns.truncated", "dns.unanswered");
    assertArrayEquals(new double[] {2}, column(t, "dns.queries"), "QR=0 in a malformed message is a query");
    assertArrayEquals(new double[] {2}, column(t, "dns.responses"));
    assertArrayEquals(new double[] {1}, column(t, "dns.rcode.SERVFAIL"));
    assertArrayEquals(new double[] {1}, column(t, "dns.rcode.NXDOMAIN"));
    assertArrayEquals(new double[] {2}, column(t, "dns.truncated"), "flags byte 0x86 has TC");
    assertArrayEquals(new double[] {1}, column(t, "dns.unanswered"), "only the well-formed query was matched, and never answered");
    DispatchStats stats = p.dispatcher.stats();
    assertEquals(4, stats.messages());
    assertEquals(2, stats.queries());
    assertEquals(2, stats.responses());
    assertEquals(3, stats.malformedTotal());
    Skipped first = stats.malformed().get(0);
    assertEquals(ScanResult.TRUNCATED_RECORD, first.reason());
    assertEquals(2, first.count());
    assertEquals(1, stats.matcher().queries());
    assertEquals(0, stats.matcher().responses());
  }

  @Test
  void messagesTooShortForFlagsAreSkippedPackets() {
    Pipeline p = Pipeline.step(S);
    p.offer(malformed(T0, 0, 0).rawBytes(new byte[] {0, 7, 1}), ScanResult.TOO_SHORT);
    p.finish();

    SeriesTable t = p.table("dns.queries", "dns.responses", "packets.skipped");
    assertArrayEquals(new double[] {0}, column(t, "dns.queries"));
    assertArrayEquals(new double[] {1}, column(t, "packets.skipped"));
    assertEquals(1, p.dispatcher.stats().headerless());
    assertEquals(List.of(new Skipped(ScanResult.TOO_SHORT, 1, 1)), p.dispatcher.stats().malformed());
  }

  @Test
  void malformedMessagesStillMoveTheClock() {
    Pipeline p = Pipeline.step(S).query(T0, 1);
    p.offer(malformed(T0 + 3 * S + 1, 0, 0), ScanResult.BAD_LABEL_TYPE);

    assertEquals(1, p.dispatcher.stats().matcher().timedOut());
  }

  @Test
  void transactionsAlsoReachTheColumnsInTimeOrder() {
    Pipeline p = new Pipeline(AggregatorConfig.of(S), MatcherConfig.defaults(), true);
    p.query(T0, 1).query(T0 + MS, 2).response(T0 + 500 * MS, 2, 0).query(T0 + 600 * MS, 3).response(T0 + 610 * MS, 3, 3).response(T0 + S, 9, 0);
    p.query(T0 + 3500 * MS, 4);
    p.finish();

    // Query 1 closed last but one (at 3.5 s), yet is filed first, under its own time.
    var snap = p.columns.snapshot();
    assertEquals(5, snap.size());
    assertEquals(List.of(Outcome.TIMED_OUT, Outcome.ANSWERED, Outcome.ANSWERED, Outcome.UNSOLICITED_RESPONSE, Outcome.END_OF_INPUT),
        List.of(snap.outcome(0), snap.outcome(1), snap.outcome(2), snap.outcome(3), snap.outcome(4)));
    assertEquals(List.of(T0, T0 + MS, T0 + 600 * MS, T0 + S, T0 + 3500 * MS),
        List.of(snap.timeNanos(0), snap.timeNanos(1), snap.timeNanos(2), snap.timeNanos(3), snap.timeNanos(4)));
    assertEquals(0, p.dispatcher.stats().columnsLeftOut());
  }

  @Test
  void aHorizonOrWindowShorterThanTheTimeoutIsRefused() {
    MetricAggregator agg = new MetricAggregator(AggregatorConfig.of(S).withLatencyHorizon(S), Rcodes::name, Rcodes::number);
    assertThrows(IllegalArgumentException.class, () -> new MessageDispatcher(MatcherConfig.defaults(), agg, null));

    MetricAggregator ok = new MetricAggregator(AggregatorConfig.of(S), Rcodes::name, Rcodes::number);
    assertThrows(IllegalArgumentException.class, () -> new MessageDispatcher(MatcherConfig.defaults(), ok, new TransactionColumns(S)));
  }

  @Test
  void csvAndJsonOfAnAggregatedCaptureMatchRowsComputedByHand() throws Exception {
    Pipeline p = Pipeline.step(S);
    p.query(T0 + 100 * MS, 1).response(T0 + 104 * MS, 1, 0);
    p.query(T0 + 200 * MS, 2).response(T0 + 1200 * MS, 2, 2);
    p.query(T0 + 2 * S + 300 * MS, 3);
    p.finish();
    SeriesTable t = p.table("dns.queries", "dns.responses", "dns.rcode.SERVFAIL", "dns.unanswered", "dns.latency.max");

    // Bucket 0: queries 1,2; response 1 (NOERROR); latencies 4 and 1000 ms. Bucket 1: response 2
    // (SERVFAIL), no query sent, so no latency. Bucket 2: query 3, unanswered at the end.
    assertEquals("""
        time,dns.queries,dns.responses,dns.rcode.SERVFAIL,dns.unanswered,dns.latency.max
        2010-02-01T20:49:10.000Z,2,1,0,0,1000
        2010-02-01T20:49:11.000Z,0,1,1,0,
        2010-02-01T20:49:12.000Z,1,0,0,1,
        """, SeriesTableCsv.toString(t));
    JsonNode json = new ObjectMapper().readTree(SeriesTableJson.toString(t));
    assertEquals(3, json.get("rows").size());
    assertEquals(1000.0, json.get("rows").get(0).get("dns.latency.max").asDouble());
    assertEquals(true, json.get("rows").get(1).get("dns.latency.max").isNull());
    assertEquals(1, json.get("rows").get(2).get("dns.unanswered").asInt());
  }
}
