package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.testsupport.LabTruth;

/** What {@code detect} must say about an incident the lab recorded, against its truth.json. */
final class IncidentAssertions {
  private static final long SECOND = TimeUnits.NANOS_PER_SECOND;

  private IncidentAssertions() {}

  /** Exactly one outage: the truth's zone and servers, start and end within a second. */
  static void assertOutageFound(LabTruth truth, HealthReport report) {
    assertEquals(1, report.outages().size(), "one outage: " + report.outages());
    Outage o = report.outages().get(0);
    assertEquals(Outage.Scope.ZONE, o.scope(), o.reason());
    assertEquals(truth.outageZone(), o.zone());
    assertEquals(truth.outageServers().stream().sorted().toList(), o.servers().stream().map(Object::toString).toList());
    assertWithinASecond("start", truth.outageStartNanos(), o.startNanos());
    assertWithinASecond("end", truth.outageEndNanos(), o.endNanos());
    assertTrue(o.confidence() >= 0.8, o.reason());
  }

  /** A client.queries spike during the outage (or the few seconds after it, while clients still retry). */
  static void assertClientSpikeFound(LabTruth truth, HealthReport report) {
    assertTrue(report.spikes().stream().anyMatch(s -> s.metric().name().equals("client.queries")
        && s.overlaps(truth.outageStartNanos(), truth.outageEndNanos() + ClientImpacts.AFTERMATH_NANOS)), "spikes: " + report.spikes());
    assertTrue(report.outages().get(0).evidence().clientSpike() != null, "the outage's evidence names the spike");
  }

  private static void assertWithinASecond(String what, long truth, long found) {
    assertTrue(Math.abs(found - truth) <= SECOND, what + ": found " + TimeUnits.format(found) + ", truth " + TimeUnits.format(truth));
  }
}
