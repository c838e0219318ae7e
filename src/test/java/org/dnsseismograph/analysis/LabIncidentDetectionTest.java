package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.testsupport.Lab;
import org.dnsseismograph.testsupport.LabTruth;
import org.dnsseismograph.wire.DecodeOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 3's proof on real resolvers: {@code lab/run-lab} starts real authoritative servers (NSD,
 * Knot), Unbound iterating from a local root, dnsperf and retrying stub clients on loopback; it
 * stops the three servers of example.test for 8 s, 25 s into 60 s of load, then runs the default
 * 30 s without the outage. {@code detect} must find that outage within a second at both ends of the
 * truth it wrote, name exactly the stopped servers and their zone, find the clients' query spike
 * however the traffic falls on the second boundaries, and report no outage for the run without one.
 * Needs root and the lab's Debian packages (lab/README.md); the test is skipped, saying so, without
 * them. One lab runs per machine: when another holds the lab's addresses, the run waits and tries
 * again.
 *
 * <p>Why 60 s of load and not the lab's default 30: the outage and the clients' retries after it
 * take about 14 s, and in a 30 s capture they fill nearly half of the 30 one-second buckets the
 * spike detector's baseline is estimated from, leaving it some 16 quiet seconds; its robust spread
 * from so few is as uncertain as the spike's margin over the threshold (2 to 50 queries/s over
 * eight 30 s runs, by where the load began within its second). In 60 s the incident is a quarter
 * of the capture and the margin was 34 to 49 queries/s at every alignment of two runs, idle and
 * loaded. The run is recorded afresh each time, so its exact counts depend on the machine; the
 * detection on them does not ({@link SpikeDetectorTest} holds a 30 s run's counts fixed).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabIncidentDetectionTest {
  private static final long SECOND = TimeUnits.NANOS_PER_SECOND;

  @TempDir static Path dir;
  private Path outage;
  private Path baseline;

  @BeforeAll
  void runTheLab() throws IOException, InterruptedException {
    String missing = Lab.missing();
    assumeTrue(missing.isEmpty(), missing);
    outage = Lab.run(dir, "outage", "--scenario", "outage", "--duration", "60", "--outage-start", "25");
    baseline = Lab.run(dir, "baseline", "--scenario", "baseline");
  }

  private static HealthReport detect(Path run) throws IOException {
    return detectCapture(run.resolve("capture.pcap"));
  }

  private static HealthReport detectCapture(Path capture) throws IOException {
    return CaptureDetect.run(new LoadRequest(List.of(capture), DecodeOptions.defaults(), 3 * SECOND), Progress.NONE).report();
  }

  /** The capture with every record's timestamp {@code shiftNanos} later; tcpdump writes little-endian microsecond pcap. */
  private static byte[] later(byte[] pcap, long shiftNanos) {
    ByteBuffer b = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(0xa1b2c3d4, b.getInt(0), "a little-endian microsecond pcap");
    long shiftMicros = shiftNanos / 1_000;
    for (int at = 24; at + 16 <= pcap.length; at += 16 + b.getInt(at + 8)) {
      long micros = (b.getInt(at) & 0xFFFF_FFFFL) * 1_000_000 + (b.getInt(at + 4) & 0xFFFF_FFFFL) + shiftMicros;
      b.putInt(at, (int) (micros / 1_000_000));
      b.putInt(at + 4, (int) (micros % 1_000_000));
    }
    return pcap;
  }

  @Test
  void theOutageIsFoundWithinASecondAtBothEndsWithExactlyTheStoppedServersAndZone() throws IOException {
    LabTruth truth = LabTruth.read(outage.resolve("truth.json"));
    HealthReport report = detect(outage);

    IncidentAssertions.assertOutageFound(truth, report);
  }

  @Test
  void theClientsQuerySpikeIsFound() throws IOException {
    LabTruth truth = LabTruth.read(outage.resolve("truth.json"));

    IncidentAssertions.assertClientSpikeFound(truth, detect(outage));
  }

  /**
   * The same traffic a whole number of 100 ms later: the alignments to the second boundaries that
   * another run could have had, since the lab starts its load at whatever moment of the second.
   */
  @ParameterizedTest(name = "{0} ms later")
  @ValueSource(ints = {100, 200, 300, 400, 500, 600, 700, 800, 900})
  void theClientsQuerySpikeIsFoundHoweverTheLoadFallsOnTheSecond(int millis) throws IOException {
    LabTruth t = LabTruth.read(outage.resolve("truth.json"));
    long shift = millis * TimeUnits.NANOS_PER_MILLI;
    LabTruth later = new LabTruth(t.resolvers(), t.zoneServers(), t.outageZone(), t.outageServers(), t.outageStartNanos() + shift,
        t.outageEndNanos() + shift, t.loadStartNanos() + shift, t.loadEndNanos() + shift);
    Path shifted = Files.write(dir.resolve("outage-" + millis + "ms-later.pcap"), later(Files.readAllBytes(outage.resolve("capture.pcap")), shift));

    IncidentAssertions.assertClientSpikeFound(later, detectCapture(shifted));
  }

  @Test
  void theResolverIsFoundAsTheLabSaysIt() throws IOException {
    LabTruth truth = LabTruth.read(outage.resolve("truth.json"));

    assertEquals(truth.resolvers(), detect(outage).resolvers().stream().map(r -> r.address().toString()).sorted().toList());
  }

  @Test
  void theRunWithoutAnOutageHasNone() throws IOException {
    HealthReport report = detect(baseline);

    assertEquals(List.of(), report.outages(), "baseline: " + report.outages());
    assertTrue(report.resolvers().size() == 1);
  }
}
