package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.wire.IpAddress;
import org.junit.jupiter.api.Test;

/**
 * The text report's line of what the clients saw: a rate nothing observed (time no file covers, or
 * unanswered queries still undecided when the capture stopped) reads "unknown", not "NaN", as the
 * JSON gives it as null.
 */
class HealthReportTextTest {
  private static final long S = TimeUnits.NANOS_PER_SECOND;
  private static final long T = 1_795_564_800L * S;

  @Test
  void aRateNeverObservedReadsUnknown() throws IOException {
    ClientImpact client = new ClientImpact(154.25, 302.75, 381, 0, 140.7, 26.2, 169.8, 0.1, Double.NaN);
    OutageEvidence evidence = new OutageEvidence(List.of("example.test."), List.of(), List.of(), 100, 0, 0.99, Long.MIN_VALUE, Long.MIN_VALUE,
        client, null, List.of(), List.of());
    Outage outage = new Outage(T, T + 20 * S, Outage.Scope.ZONE, "example.test.", List.of(IpAddress.parse("127.0.0.21")), 100, 0.9,
        "All servers stopped answering.", false, evidence, Outage.OPEN);
    StringBuilder text = new StringBuilder();
    HealthReportText.write(new HealthReport(List.of(), List.of(outage), List.of(), T - 60 * S, T + 60 * S, CountGrid.STEP), text);

    assertTrue(text.toString().contains("    clients before -> during: 154.3 -> 302.8 queries/s (peak 381/s), SERVFAIL 0.0 -> 140.7/s,"
        + " retries 26.2 -> 169.8/s, unanswered 0.1 -> unknown\n"), text.toString());
  }
}
