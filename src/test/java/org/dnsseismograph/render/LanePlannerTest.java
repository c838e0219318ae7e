package org.dnsseismograph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.series.Consolidation;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.LabelConvention;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.SampleSeriesWriter;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.Unit;
import org.dnsseismograph.workspace.ValueAxis;
import org.junit.jupiter.api.Test;

class LanePlannerTest {
  private static final LanePlanner PLANNER = new LanePlanner(Palette.STANDARD);

  private static ResolvableSeries events(String name) {
    return EventSeries.empty(MetricId.of(name));
  }

  private static ResolvableSeries samples(String name, Unit unit) {
    return new SampleSeriesWriter(MetricId.of(name), unit, 1_000_000_000L, LabelConvention.START, Consolidation.AVERAGE).publish();
  }

  private static SeriesSet set(String source, String... names) {
    List<ResolvableSeries> list = new ArrayList<>();
    for (String n : names) {
      list.add(n.contains("latency") || n.endsWith("answer_ratio") ? samples(n, n.contains("latency") ? Unit.MILLISECONDS : Unit.RATIO)
          : events(n));
    }
    return SeriesSet.of(source, list);
  }

  private static List<String> keys(LanePlan p) {
    return p.lanes().stream().map(Lane::key).toList();
  }

  @Test
  void aCaptureWithRolesGetsTheResolverHealthLanesInReadingOrder() {
    SeriesSet s = set("cap", "client.rcode.SERVFAIL", "client.queries", "client.rcode.NOERROR", "client.responses", "client.retries",
        "client.unanswered", "client.latency.max", "client.latency.p50", "client.rcode.BADCOOKIE", "client.rcode.NXDOMAIN",
        "upstream.queries", "upstream.timeouts", "upstream.latency.p50", "upstream.latency.max", "upstream.server.192.0.2.10.queries", "upstream.server.192.0.2.10.responses",
        "upstream.server.192.0.2.9.queries", "upstream.server.192.0.2.9.responses", "upstream.server.2001:db8::1.answer_ratio",
        "upstream.zone.example.com..queries", "upstream.zone.example.com..responses", "upstream.zone...queries", "upstream.zone...responses");
    LanePlan p = PLANNER.plan(List.of(s));
    assertEquals(List.of("cap/client.rate", "cap/client.rcode", "cap/client.failures", "cap/client.latency", "cap/upstream.rate",
        "cap/upstream.latency", "cap/upstream.servers", "cap/upstream.zones", "annotations"), keys(p));
    assertEquals(List.of("queries", "responses"), labels(p.lane("cap/client.rate")));
    assertEquals(List.of("NOERROR", "NXDOMAIN", "SERVFAIL", "BADCOOKIE"), labels(p.lane("cap/client.rcode")));
    assertEquals(LaneKind.STACKED, p.lane("cap/client.rcode").kind());
    assertEquals(List.of("unanswered", "retries"), labels(p.lane("cap/client.failures")));
    assertEquals(List.of("p50", "max"), labels(p.lane("cap/client.latency")));
    assertEquals(Unit.MILLISECONDS, p.lane("cap/client.latency").unit());
    assertEquals("Upstream latency", p.lane("cap/upstream.latency").title(), "the authoritative servers' answers, in one lane");
    assertEquals(List.of("p50", "max"), labels(p.lane("cap/upstream.latency")));
    assertEquals(ValueAxis.LOG, p.lane("cap/upstream.latency").axis());
    Lane servers = p.lane("cap/upstream.servers");
    assertEquals(LaneKind.HEAT, servers.kind());
    assertEquals(List.of("192.0.2.9", "192.0.2.10", "2001:db8::1"), labels(servers), "IPv4 by number, then IPv6");
    assertInstanceOf(RatioSeries.class, servers.series().get(0).series(), "answers over queries when no ratio series exists");
    assertSame(s.get(MetricId.of("upstream.server.2001:db8::1.answer_ratio")), servers.series().get(2).series());
    assertEquals(List.of(". (root)", "example.com."), labels(p.lane("cap/upstream.zones")), "the root zone named so, not by a lone dot");
  }

  @Test
  void aCaptureWithoutRolesUsesTheDnsMetricsAndImportsGetALaneEach() {
    LanePlan p = PLANNER.plan(List.of(set("plain.pcap", "dns.queries", "dns.rcode.NOERROR"),
        set("isp.csv", "resolver.qps", "resolver.cache_hits")));
    assertEquals(List.of("plain.pcap/dns.rate", "plain.pcap/dns.rcode", "isp.csv/resolver.qps", "isp.csv/resolver.cache_hits",
        "annotations"), keys(p));
    assertEquals("isp.csv · resolver.qps", p.lane("isp.csv/resolver.qps").title(), "with several sources, titles say which");
  }

  @Test
  void twoSourcesWithOneNameStillGetDistinctKeys() {
    LanePlan p = PLANNER.plan(List.of(set("cap", "dns.queries"), set("cap", "dns.queries")));
    assertEquals(List.of("cap/dns.rate", "cap#2/dns.rate", "annotations"), keys(p));
  }

  private static List<String> labels(Lane l) {
    return l.series().stream().map(LaneSeries::label).toList();
  }

  @Test
  void theRatioFallbackCoversTheDenominatorsExtent() {
    long s = 1_000_000_000L;
    EventSeries q = EventSeries.of(MetricId.of("upstream.server.a.queries"), new TimeRange(0, 10 * s), 1 * s, 2 * s);
    EventSeries r = EventSeries.of(MetricId.of("upstream.server.a.responses"), new TimeRange(0, 10 * s), 1 * s);
    LanePlan p = PLANNER.plan(List.of(SeriesSet.of("x", List.of(q, r))));
    assertEquals(q.extent(), p.lane("x/upstream.servers").series().get(0).series().extent());
  }
}
