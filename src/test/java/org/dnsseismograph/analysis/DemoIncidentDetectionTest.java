package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.testsupport.LabTruth;
import org.dnsseismograph.wire.DecodeOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo incident in assets/demo (recorded by lab/make-demo: Unbound and PowerDNS Recursor side
 * by side, example.test's three servers dark for 20 s in a 120 s load): {@code detect} finds the
 * outage within a second at both ends, with exactly the stopped servers and zone, the clients'
 * spike, and both resolvers.
 */
class DemoIncidentDetectionTest {
  private static LabTruth truth;
  private static HealthReport report;

  @BeforeAll
  static void detect() throws IOException {
    truth = LabTruth.read(Path.of("assets/demo/truth.json"));
    report = CaptureDetect.run(new LoadRequest(List.of(CaptureLoaderTest.DEMO), DecodeOptions.defaults(), 3 * TimeUnits.NANOS_PER_SECOND),
        Progress.NONE).report();
  }

  @Test
  void theOutageIsFoundWithinASecondAtBothEndsWithExactlyTheStoppedServersAndZone() {
    IncidentAssertions.assertOutageFound(truth, report);
  }

  @Test
  void theClientsQuerySpikeIsFound() {
    IncidentAssertions.assertClientSpikeFound(truth, report);
  }

  @Test
  void bothResolversAreFound() {
    assertEquals(truth.resolvers().stream().sorted().toList(), report.resolvers().stream().map(r -> r.address().toString()).sorted().toList());
  }
}
