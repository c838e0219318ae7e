package org.dnsseismograph.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dnsseismograph.dns.DnsHeaderScanner;
import org.dnsseismograph.dns.DnsMessageView;
import org.dnsseismograph.series.ColumnBuffer;
import org.dnsseismograph.series.Coverage;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.Retention;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.traffic.MatcherConfig;
import org.dnsseismograph.wire.DnsPayload;
import org.dnsseismograph.wire.IpAddress;
import org.dnsseismograph.wire.Transport;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class LiveDnsSeriesTest {
  private static final long T0 = 1_700_000_000_000_000_000L;
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  private final DnsHeaderScanner scanner = new DnsHeaderScanner();
  private final DnsMessageView view = new DnsMessageView();
  private final DnsPayload payload = new DnsPayload();

  private static byte[] query(int id, String name) {
    Message m = Message.newQuery(Record.newRecord(name(name), Type.A, 1));
    m.getHeader().setID(id);
    return m.toWire();
  }

  private static byte[] response(int id, String name, int rcode) {
    Message m = new Message(id);
    m.getHeader().setFlag(Flags.QR);
    m.getHeader().setRcode(rcode);
    m.addRecord(Record.newRecord(name(name), Type.A, 1), Section.QUESTION);
    return m.toWire();
  }

  private static Name name(String text) {
    try {
      return Name.fromString(text + ".");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Offers {@code dns} at {@code t}, from client port {@code port} to the server (or back when a response). */
  private void offer(LiveDnsSeries series, long t, byte[] dns, int port, boolean response, MessageRole role) {
    offerBetween(series, t, dns, IpAddress.parse("192.0.2.1").lo(), IpAddress.parse("192.0.2.53").lo(), port, response, role);
  }

  /** Offers {@code dns} at {@code t}, from {@code client}'s port {@code port} to {@code server}'s 53 (or back when a response). */
  private void offerBetween(LiveDnsSeries series, long t, byte[] dns, long client, long server, int port, boolean response, MessageRole role) {
    payload.timestampNanos = t;
    payload.frameNumber++;
    payload.transport = Transport.UDP;
    payload.srcHi = 0;
    payload.dstHi = 0;
    payload.srcLo = response ? server : client;
    payload.dstLo = response ? client : server;
    payload.srcPort = response ? 53 : port;
    payload.dstPort = response ? port : 53;
    payload.buffer = ByteBuffer.wrap(dns);
    payload.offset = 0;
    payload.length = dns.length;
    payload.originalLength = dns.length;
    series.onMessage(payload, view, scanner.scan(payload.buffer, 0, dns.length, view), role);
  }

  private static Map<String, ResolvableSeries> byName(List<ResolvableSeries> list) {
    Map<String, ResolvableSeries> m = new HashMap<>();
    for (ResolvableSeries s : list) {
      m.put(s.id().name(), s);
    }
    return m;
  }

  private static long events(Map<String, ResolvableSeries> m, String name) {
    ResolvableSeries s = m.get(name);
    return s == null ? -1 : ((EventSeries) s).events();
  }

  private static double wholeMax(ResolvableSeries s) {
    ColumnBuffer b = new ColumnBuffer(1);
    s.reduce(s.extent(), 1, b);
    return b.max(0);
  }

  @Test
  void exactTimesAreDroppedBeyondTheRetentionWhileCountsStay() {
    Retention keepOneMinute = new Retention(60 * S, 7200 * S, 172_800 * S, 2_592_000 * S);
    LiveDnsSeries series = new LiveDnsSeries(MatcherConfig.defaults(), keepOneMinute);
    series.observed(T0, T0 + 200 * S);
    for (int i = 0; i < 20_000; i++) {
      long t = T0 + i * 10 * MS;
      offer(series, t, query(i & 0xFFFF, "q" + i + ".example"), 10_000 + (i % 1000), false, MessageRole.UNKNOWN);
      if (i % 100 == 0) {
        series.publish();
      }
    }
    EventSeries queries = (EventSeries) byName(series.publish()).get("dns.queries");
    assertEquals(20_000, queries.events());
    assertEquals(EventSeries.DETAIL_NANOS, queries.coarsestStepIn(new TimeRange(T0, T0 + 100 * S)), "100 ms bins, no exact times, more than a minute back");
    assertEquals(0, queries.coarsestStepIn(new TimeRange(T0 + 150 * S, T0 + 190 * S)), "exact times in the last minute");
    assertEquals(10_000, queries.countIn(new TimeRange(T0, T0 + 100 * S)), 1e-9);
  }

  @Test
  void unansweredAndLatencyFollowTheMatcher() {
    LiveDnsSeries series = new LiveDnsSeries();
    series.observed(T0, T0 + 10 * S);
    // Ten queries in one second answered after 1..10 ms; two never answered.
    for (int i = 0; i < 10; i++) {
      long t = T0 + i * 50 * MS;
      offer(series, t, query(i, "a" + i + ".example"), 20_000 + i, false, MessageRole.UNKNOWN);
      offer(series, t + (i + 1) * MS, response(i, "a" + i + ".example", Rcode.NOERROR), 20_000 + i, true, MessageRole.UNKNOWN);
    }
    offer(series, T0 + 600 * MS, query(77, "lost.example"), 30_000, false, MessageRole.UNKNOWN);
    offer(series, T0 + 700 * MS, query(78, "lost2.example"), 30_001, false, MessageRole.UNKNOWN);
    series.advanceTo(T0 + 5 * S);
    Map<String, ResolvableSeries> m = byName(series.publish());
    assertEquals(12, events(m, "dns.queries"));
    assertEquals(10, events(m, "dns.responses"));
    assertEquals(2, events(m, "dns.unanswered"), "the clock passed both queries' timeouts");
    // Nearest rank of 10 latencies 1..10 ms: p50 is the 5th, p90 the 9th, p99 and max the 10th; the
    // histogram answers within 2^-10 of the value, the largest rank exactly.
    double precision = Math.scalb(1.0, -10);
    assertEquals(5.0, wholeMax(m.get("dns.latency.p50")), 5.0 * precision);
    assertEquals(9.0, wholeMax(m.get("dns.latency.p90")), 9.0 * precision);
    assertEquals(10.0, wholeMax(m.get("dns.latency.p99")), 1e-9);
    assertEquals(10.0, wholeMax(m.get("dns.latency.max")), 1e-9);
  }

  /**
   * At the live edge the last timeout's unanswered queries, and the latency of the seconds still
   * open, are not known: undecided, neither zero nor unobserved. The stop writes the latencies; the
   * last timeout's unanswered queries, and its seconds without an answer, stay unknown, as at the end
   * of a file.
   */
  @Test
  void theLiveEdgeIsUndecidedForUnansweredQueriesAndOpenLatencySeconds() {
    LiveDnsSeries series = new LiveDnsSeries();
    series.observed(T0, T0 + 10 * S);
    offer(series, T0 + S, query(1, "a.example"), 20_001, false, MessageRole.UNKNOWN);
    offer(series, T0 + S + 4 * MS, response(1, "a.example", Rcode.NOERROR), 20_001, true, MessageRole.UNKNOWN);
    offer(series, T0 + 8 * S, query(2, "b.example"), 20_002, false, MessageRole.UNKNOWN);
    offer(series, T0 + 8 * S + 2 * MS, response(2, "b.example", Rcode.NOERROR), 20_002, true, MessageRole.UNKNOWN);
    series.advanceTo(T0 + 10 * S);
    Map<String, ResolvableSeries> m = byName(series.publish());

    EventSeries unanswered = (EventSeries) m.get("dns.unanswered");
    assertEquals(new TimeRange(T0, T0 + 7 * S), unanswered.coverage().extent(), "known up to a timeout before the edge");
    assertEquals(Coverage.of(new TimeRange(T0 + 7 * S, T0 + 10 * S)), unanswered.undecided());
    ColumnBuffer u = new ColumnBuffer(10);
    unanswered.reduce(new TimeRange(T0, T0 + 10 * S), 10, u);
    assertEquals(0, u.value(6), 0, "a quiet decided second is zero");
    assertTrue(u.isUndecided(7) && u.isUndecided(9));

    // A second is written once the clock is more than the timeout past its end: T0 + 5 s is the
    // last; T0 + 6 s onwards is open, with the answer at T0 + 8 s in it.
    ColumnBuffer p50 = new ColumnBuffer(10);
    m.get("dns.latency.p50").reduce(new TimeRange(T0, T0 + 10 * S), 10, p50);
    assertTrue(p50.hasData(1), "the answered second");
    assertFalse(p50.hasData(3) || p50.isUndecided(3), "a written second without answers has no latency");
    assertTrue(p50.isQuiet(3), "observed with nothing answered, not a gap");
    for (int i = 6; i < 10; i++) {
      assertTrue(p50.isUndecided(i), "open second " + i);
    }

    series.finish();
    m = byName(series.publish());
    m.get("dns.latency.p50").reduce(new TimeRange(T0, T0 + 10 * S), 10, p50);
    assertTrue(p50.hasData(8), "the stop writes the open seconds");
    assertTrue(p50.isUndecided(9) && !p50.isQuiet(9), "in the last timeout, without an answer: its queries' answers may have come after the stop");
    assertTrue(p50.isQuiet(5), "before it, without an answer: nothing answered");
    assertEquals(Coverage.of(new TimeRange(T0 + 7 * S, T0 + 10 * S)), ((EventSeries) m.get("dns.unanswered")).undecided());
  }

  @Test
  void aKnownRoleCountsUnderItsPrefixAndUnderDns() {
    LiveDnsSeries series = new LiveDnsSeries();
    series.observed(T0, T0 + 10 * S);
    offer(series, T0, query(1, "c.example"), 40_000, false, MessageRole.CLIENT);
    offer(series, T0 + MS, query(2, "c.example"), 40_001, false, MessageRole.UPSTREAM);
    offer(series, T0 + 2 * MS, response(2, "c.example", Rcode.SERVFAIL), 40_001, true, MessageRole.UPSTREAM);
    offer(series, T0 + 3 * MS, response(1, "c.example", Rcode.SERVFAIL), 40_000, true, MessageRole.CLIENT);
    offer(series, T0 + 4 * MS, query(3, "p.example"), 40_002, false, MessageRole.UNKNOWN);
    series.finish();
    Map<String, ResolvableSeries> m = byName(series.publish());
    assertEquals(3, events(m, "dns.queries"));
    assertEquals(1, events(m, "client.queries"));
    assertEquals(1, events(m, "upstream.queries"));
    assertEquals(2, events(m, "dns.rcode.SERVFAIL"));
    assertEquals(1, events(m, "client.rcode.SERVFAIL"));
    assertEquals(1, events(m, "upstream.rcode.SERVFAIL"));
    assertEquals(1, events(m, "dns.unanswered"), "the packet query with no response, closed at the end");
    assertEquals(0, events(m, "client.unanswered"));
  }

  /**
   * The resolver's side per authoritative server: the first {@value RoleSeries#MAX_SERVERS} servers
   * get series of their own, the rest count together, so nothing asked goes uncounted and an endless
   * run stays bounded; a query never answered is a timeout of its server. The resolver's queries as
   * dnstap logs them (its upstream role).
   */
  @Test
  void upstreamTrafficCountsPerServerUpToABoundAndTheRestTogether() {
    LiveDnsSeries series = new LiveDnsSeries();
    series.observed(T0, T0 + 60 * S);
    int servers = RoleSeries.MAX_SERVERS + 44;
    long resolver = IpAddress.parse("192.0.2.53").lo();
    for (int i = 0; i < servers; i++) {
      long server = IpAddress.parse("198.51.100.0").lo() + (i << 8) + 1;
      long t = T0 + i * MS;
      offerBetween(series, t, query(i, "u" + i + ".example"), resolver, server, 30_000 + i, false, MessageRole.UPSTREAM);
      if (i % 2 == 0) {
        offerBetween(series, t + MS / 2, response(i, "u" + i + ".example", Rcode.NOERROR), resolver, server, 30_000 + i, true, MessageRole.UPSTREAM);
      }
    }
    series.advanceTo(T0 + 10 * S);
    Map<String, ResolvableSeries> m = byName(series.publish());
    long own = m.keySet().stream().filter(n -> n.startsWith("upstream.server.") && n.endsWith(".queries") && !n.contains("others")).count();
    assertEquals(RoleSeries.MAX_SERVERS, own);
    assertEquals(1, events(m, "upstream.server.198.51.100.1.queries"));
    assertEquals(1, events(m, "upstream.server.198.51.100.1.responses"));
    assertEquals(0, events(m, "upstream.server.198.51.100.1.timeouts"));
    assertEquals(1, events(m, "upstream.server.198.51.101.1.timeouts"), "the second server never answered");
    assertEquals(44, events(m, "upstream.server.others.queries"));
    assertEquals(22, events(m, "upstream.server.others.responses"));
    assertEquals(22, events(m, "upstream.server.others.timeouts"));
    assertEquals(servers / 2, events(m, "upstream.timeouts"));
    assertEquals(servers, events(m, "upstream.queries"));
  }

  @Test
  void malformedMessagesCountByTheirHeaderAndTinyOnesAsSkipped() {
    LiveDnsSeries series = new LiveDnsSeries();
    series.observed(T0, T0 + 10 * S);
    byte[] cut = java.util.Arrays.copyOf(query(5, "broken.example"), 14);
    offer(series, T0, cut, 50_000, false, MessageRole.UNKNOWN);
    offer(series, T0 + MS, new byte[] {1, 2, 3}, 50_001, false, MessageRole.UNKNOWN);
    Map<String, ResolvableSeries> m = byName(series.publish());
    assertEquals(1, events(m, "dns.queries"));
    assertEquals(1, events(m, "packets.skipped"));
  }

  @Test
  void withoutObservationThereIsNoDataAndWithItQuietIsZero() {
    LiveDnsSeries series = new LiveDnsSeries();
    series.observed(T0 + 2 * S, T0 + 4 * S);
    ResolvableSeries queries = byName(series.publish()).get("dns.queries");
    ColumnBuffer b = new ColumnBuffer(3);
    queries.reduce(new TimeRange(T0, T0 + 6 * S), 3, b);
    assertFalse(b.hasData(0));
    assertTrue(b.hasData(1));
    assertEquals(0, b.value(1), 0);
    assertFalse(b.hasData(2));
  }
}
