package org.dnsseismograph.render;

import static org.dnsseismograph.testsupport.SeriesFixtures.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.dnsseismograph.imports.ExportImporter;
import org.dnsseismograph.imports.ImportOptions;
import org.dnsseismograph.series.SeriesSet;
import java.nio.file.Path;
import org.dnsseismograph.analysis.AlignmentMetrics;
import org.junit.jupiter.api.Test;

class LaneDefaultsTest {

  private static Set<String> shown(List<SeriesSet> sets, List<Boolean> exports) {
    LanePlan plan = new LanePlanner(Palette.STANDARD).plan(sets);
    return LaneDefaults.shownAtFirst(plan.lanes(), LaneDefaults.keyed(sets, exports, AlignmentMetrics::rateSeries));
  }

  @Test
  void aCaptureWithAResolverShowsItsClientAndUpstreamSidesNotTheMixedDnsLanes() {
    SeriesSet cap = source("cap.pcap", "client.queries", "client.responses", "client.rcode.NOERROR", "dns.queries", "dns.responses",
        "upstream.queries", "client.retry_ratio", "packets.skipped");

    assertEquals(Set.of("cap.pcap/client.rate", "cap.pcap/client.rcode", "cap.pcap/upstream.rate", "annotations"),
        shown(List.of(cap), List.of(false)));
  }

  @Test
  void aCaptureWithoutAResolverShowsItsDnsLanes() {
    SeriesSet cap = source("cap.pcap", "dns.queries", "dns.responses", "dns.rcode.NOERROR", "dns.unanswered", "packets.skipped");

    assertEquals(Set.of("cap.pcap/dns.rate", "cap.pcap/dns.rcode", "cap.pcap/dns.failures", "annotations"), shown(List.of(cap), List.of(false)));
  }

  @Test
  void theDemosUnboundStatisticsShowTheirQueryRateSERVFAILsAndDroppedRequests() throws Exception {
    SeriesSet unbound = new ExportImporter().importFile(Path.of("assets", "demo", "unbound-stats.txt"), ImportOptions.defaults()).series();

    Set<String> shown = shown(List.of(unbound), List.of(true));

    assertEquals(Set.of("unbound-stats.txt/total.num.queries", "unbound-stats.txt/num.answer.rcode.SERVFAIL",
        "unbound-stats.txt/total.requestlist.exceeded", "annotations"), shown);
    assertTrue(unbound.ids().size() > 100, "of more than a hundred series");
  }

  @Test
  void anExportWithFewSeriesShowsThemAll() {
    SeriesSet small = source("few.csv", "a", "b", "c");

    assertEquals(Set.of("few.csv/a", "few.csv/b", "few.csv/c", "annotations"), shown(List.of(small), List.of(true)));
  }

  @Test
  void sourcesOfTheSameNameAreKeyedAsThePlannerKeysThem() {
    SeriesSet a = source("x.pcap", "dns.queries");
    SeriesSet b = source("x.pcap", "dns.queries");

    List<LaneDefaults.Keyed> k = LaneDefaults.keyed(List.of(a, b), List.of(false, false), AlignmentMetrics::rateSeries);

    assertEquals(List.of("x.pcap", "x.pcap#2"), k.stream().map(LaneDefaults.Keyed::key).toList());
    assertTrue(new LanePlanner(Palette.STANDARD).plan(List.of(a, b)).lanes().stream().anyMatch(l -> l.key().startsWith("x.pcap#2/")));
  }
}
