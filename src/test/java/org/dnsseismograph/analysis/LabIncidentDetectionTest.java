package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.series.TimeUnits;
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
  private static final Path RUN_LAB = Path.of("lab/run-lab");
  private static final List<String> TOOLS = List.of("nsd", "knotd", "unbound", "unbound-control", "pdns_recursor", "rec_control", "dnsperf", "dig",
      "tcpdump", "capinfos", "python3", "setsid");
  private static final long SECOND = TimeUnits.NANOS_PER_SECOND;
  private static final int ATTEMPTS = 6;

  @TempDir static Path dir;
  private Path outage;
  private Path baseline;

  @BeforeAll
  void runTheLab() throws IOException, InterruptedException {
    assumeTrue("root".equals(System.getProperty("user.name")), "the lab needs root (port 53 and packet capture); run as root to include this test");
    List<String> missing = TOOLS.stream().filter(t -> !onPath(t)).toList();
    assumeTrue(missing.isEmpty(), "the lab's DNS software is missing (" + missing + "); see lab/README.md for the packages");
    outage = lab("outage", "--scenario", "outage", "--duration", "60", "--outage-start", "25");
    baseline = lab("baseline", "--scenario", "baseline");
  }

  private static boolean onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }

  private static Path lab(String name, String... args) throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      Path out = dir.resolve(name + "-" + attempt);
      List<String> cmd = new ArrayList<>(List.of(RUN_LAB.toString(), "--out", out.toString()));
      cmd.addAll(List.of(args));
      Path log = dir.resolve(name + "-" + attempt + ".log");
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(300, TimeUnit.SECONDS)) {
        p.destroy();
        p.waitFor(30, TimeUnit.SECONDS);
        fail("run-lab did not finish within 5 minutes: " + Files.readString(log, StandardCharsets.UTF_8));
      }
      String text = Files.readString(log, StandardCharsets.UTF_8);
      if (p.exitValue() == 0) {
        return out;
      }
      if (text.contains("cannot bind") && attempt < ATTEMPTS) {
        // Another lab holds the addresses (one lab per machine): wait for it to finish.
        Thread.sleep(30_000);
        continue;
      }
      fail("run-lab " + String.join(" ", args) + " failed (exit " + p.exitValue() + "): " + text);
    }
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
