package org.dnsseismograph.ui.sources;

import static org.dnsseismograph.testsupport.SeriesFixtures.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.dnsseismograph.render.Lane;
import org.dnsseismograph.render.LaneKind;
import org.dnsseismograph.render.LanePlan;
import org.dnsseismograph.render.LanePlanner;
import org.dnsseismograph.render.Palette;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.workspace.LaneSettings;
import org.dnsseismograph.workspace.ValueAxis;
import org.junit.jupiter.api.Test;

class LaneArrangementTest {
  private static LanePlan plan(SeriesSet... sets) {
    return new LanePlanner(Palette.STANDARD).plan(List.of(sets));
  }

  private static List<String> keys(LanePlan p) {
    return p.lanes().stream().map(Lane::key).toList();
  }

  private static final SeriesSet CAPTURE = source("cap.pcap", "dns.queries", "dns.responses", "dns.rcode.NOERROR", "dns.rcode.SERVFAIL");

  @Test
  void lanesTheTimelineHadKeepTheirPlaceVisibilityHeightAndStyle() {
    LanePlan current = plan(CAPTURE).moved("cap.pcap/dns.rcode", 0).withVisible("cap.pcap/dns.rate", false)
        .withHeight("cap.pcap/dns.rcode", 333).withKind("cap.pcap/dns.rcode", LaneKind.LINES).withAxis("cap.pcap/dns.rate", ValueAxis.LOG);

    LanePlan again = LaneArrangement.carryOver(plan(CAPTURE), current, Set.of());

    assertEquals(keys(current), keys(again));
    assertFalse(again.isVisible("cap.pcap/dns.rate"));
    assertEquals(333, again.height("cap.pcap/dns.rcode"));
    assertEquals(LaneKind.LINES, again.lane("cap.pcap/dns.rcode").kind());
    assertEquals(ValueAxis.LOG, again.lane("cap.pcap/dns.rate").axis());
  }

  @Test
  void aNewSourcesLanesComeAfterTheLanesBeforeThemAndBeforeTheAnnotationsHiddenUnlessShownAtFirst() {
    LanePlan current = LaneArrangement.carryOver(plan(CAPTURE), null, Set.of("cap.pcap/dns.rate", "cap.pcap/dns.rcode", "annotations"));
    SeriesSet export = source("stats.txt", "total.num.queries", "mem.cache.rrset");

    LanePlan both = LaneArrangement.carryOver(plan(CAPTURE, export), current, Set.of("stats.txt/total.num.queries"));

    assertEquals(List.of("cap.pcap/dns.rate", "cap.pcap/dns.rcode", "stats.txt/total.num.queries", "stats.txt/mem.cache.rrset", "annotations"),
        keys(both));
    assertTrue(both.isVisible("stats.txt/total.num.queries"));
    assertFalse(both.isVisible("stats.txt/mem.cache.rrset"), "not among the lanes shown at first");
    assertTrue(both.isVisible("annotations"));
  }

  @Test
  void lanesOfAClosedSourceAreDropped() {
    SeriesSet export = source("stats.txt", "total.num.queries");
    LanePlan current = LaneArrangement.carryOver(plan(CAPTURE, export), null, Set.of());

    LanePlan after = LaneArrangement.carryOver(plan(CAPTURE), current, Set.of());

    assertEquals(keys(plan(CAPTURE)), keys(after));
  }

  @Test
  void aSavedArrangementOrdersShowsAndSizesTheLanesItNames() {
    LanePlan p = LaneArrangement.carryOver(plan(CAPTURE), null, Set.of("cap.pcap/dns.rate", "cap.pcap/dns.rcode", "annotations"));

    LanePlan saved = LaneArrangement.asSaved(p, List.of(new LaneSettings("annotations", true, 50), new LaneSettings("cap.pcap/dns.rcode", false, 90)));

    assertEquals(List.of("annotations", "cap.pcap/dns.rcode", "cap.pcap/dns.rate"), keys(saved));
    assertFalse(saved.isVisible("cap.pcap/dns.rcode"));
    assertEquals(90, saved.height("cap.pcap/dns.rcode"));
    assertTrue(saved.isVisible("cap.pcap/dns.rate"));
    assertEquals(p, LaneArrangement.asSaved(p, List.of()), "nothing saved: the plan as it is");
  }
}
