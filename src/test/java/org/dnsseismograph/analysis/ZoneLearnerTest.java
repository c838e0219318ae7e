package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.dns.RcodeNames;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.testsupport.LabTruth;
import org.dnsseismograph.traffic.MatcherConfig;
import org.dnsseismograph.wire.DecodeOptions;
import org.junit.jupiter.api.Test;

/** The zones and servers learned from the demo capture are the lab's (truth.json), found from referrals, glue and authoritative answers only. */
class ZoneLearnerTest {

  static RoleFamilies run(Path capture) throws IOException {
    MetricAggregator aggregator = MetricAggregator.forTable(AggregatorConfig.of(TimeUnits.NANOS_PER_SECOND), java.util.Set.of(), RcodeNames::name,
        CaptureSeries::rcodeNumber);
    DecodeOptions decode = DecodeOptions.defaults();
    RoleFamilies roles = RoleFamilies.register(aggregator, RoleFamilies.classifier(List.of(capture), decode, List.of(), Progress.NONE));
    new CapturePipeline(MatcherConfig.defaults(), aggregator, null).run(List.of(capture), decode, Progress.NONE, null);
    return roles;
  }

  @Test
  void everyZoneOfTheLabIsLearnedWithExactlyItsServers() throws IOException {
    LabTruth truth = LabTruth.read(Path.of("assets/demo/truth.json"));
    RoleFamilies roles = run(CaptureLoaderTest.DEMO);
    ZoneMap zones = roles.upstream().zones();

    for (Map.Entry<String, List<String>> e : truth.zoneServers().entrySet()) {
      int z = zones.find(ZoneNames.normalize(e.getKey()));
      assertTrue(z >= 0, e.getKey() + " learned");
      List<String> servers = new ArrayList<>();
      for (int s : zones.serversOf(z)) {
        servers.add(zones.servers().address(s).toString());
      }
      assertEquals(e.getValue().stream().sorted().toList(), servers.stream().sorted().toList(), e.getKey());
    }
    assertEquals(truth.zoneServers().size(), zones.zoneCount(), "no other zone");
    assertTrue(roles.upstream().sectionReads() < 200, "sections are read while learning only: " + roles.upstream().sectionReads());
  }
}
