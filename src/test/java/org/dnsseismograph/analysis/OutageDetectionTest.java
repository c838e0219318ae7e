package org.dnsseismograph.analysis;

import static org.dnsseismograph.analysis.SyntheticCapture.S;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.IpAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outage detector on generated captures of a resolver at work ({@link SyntheticCapture}): real
 * frames through the whole pipeline, with the generator's record of every upstream query saying to
 * the nanosecond when each server stopped and started answering again.
 */
class OutageDetectionTest {
  private static final String[] EXAMPLE = {"192.0.2.1", "192.0.2.2", "192.0.2.3"};
  @TempDir Path dir;

  private record Run(HealthReport report, SyntheticCapture.Truth truth, SyntheticScenario scenario) {}

  private Run detect(SyntheticScenario scenario) throws IOException {
    Path file = dir.resolve("capture-" + System.nanoTime() + ".pcap");
    SyntheticCapture.Truth truth = SyntheticCapture.write(file, scenario);
    HealthReport report = CaptureDetect.run(new LoadRequest(List.of(file), DecodeOptions.defaults(), 3 * S), Progress.NONE).report();
    return new Run(report, truth, scenario);
  }

  /** The zone's outage by its definition: the first unanswered query after its last answer, the first answer after it. */
  private static long[] expected(Run run, long fromSeconds, long toSeconds, String... servers) {
    long from = run.scenario.start + fromSeconds * S;
    long to = run.scenario.start + toSeconds * S;
    long lastAnswer = Long.MIN_VALUE;
    for (String s : servers) {
      for (long[] q : run.truth.of(IpAddress.parse(s))) {
        if (q[1] >= 0 && q[0] < from) {
          lastAnswer = Math.max(lastAnswer, q[1]);
        }
      }
    }
    long start = Long.MAX_VALUE;
    long end = Long.MAX_VALUE;
    for (String s : servers) {
      for (long[] q : run.truth.of(IpAddress.parse(s))) {
        if (q[1] < 0 && q[0] > lastAnswer) {
          start = Math.min(start, q[0]);
        }
        if (q[1] >= 0 && q[0] >= to) {
          end = Math.min(end, q[1]);
        }
      }
    }
    return new long[] {start, end};
  }

  private static void assertSpan(long[] expected, Outage o) {
    assertEquals(TimeUnits.format(expected[0]) + " " + expected[0], TimeUnits.format(o.startNanos()) + " " + o.startNanos(), "start");
    assertEquals(expected[1] == Long.MAX_VALUE ? "open" : TimeUnits.format(expected[1]) + " " + expected[1],
        o.ongoing() ? "open" : TimeUnits.format(o.endNanos()) + " " + o.endNanos(), "end");
  }

  private static List<String> servers(Outage o) {
    return o.servers().stream().map(IpAddress::toString).toList();
  }

  @Test
  void allServersOfAZoneGoingDarkTogetherAreOneZoneOutageToTheNanosecond() throws IOException {
    SyntheticScenario sc = new SyntheticScenario().darken(20, 28, EXAMPLE);
    sc.tcpShare = 0.02;
    Run run = detect(sc);

    assertEquals(1, run.report.outages().size(), run.report.outages().toString());
    Outage o = run.report.outages().get(0);
    assertEquals(Outage.Scope.ZONE, o.scope());
    assertEquals("example.net.", o.zone());
    assertEquals(List.of(EXAMPLE), servers(o));
    assertSpan(expected(run, 20, 28, EXAMPLE), o);
    assertTrue(o.confidence() >= 0.9, o.reason());
    assertNotNull(o.evidence().clientSpike(), "the clients' retry storm is a client.queries spike");
    assertTrue(o.evidence().client().retriesDuring() > 2 * o.evidence().client().retriesBefore(), o.evidence().client().toString());
    assertEquals(0, o.evidence().client().servfailBefore(), o.evidence().client().toString());
    assertTrue(o.evidence().client().servfailDuring() > 5, o.evidence().client().toString());
    long unanswered = 0;
    for (String s : EXAMPLE) {
      unanswered += run.truth.of(IpAddress.parse(s)).stream().filter(q -> q[1] < 0).count();
    }
    assertEquals(unanswered, o.unanswered(), "every query the dark servers left unanswered, and no other");
    assertEquals(List.of("10.0.0.53"), run.report.resolvers().stream().map(r -> r.address().toString()).toList());
  }

  @Test
  void oneServerOfThreeDarkIsAServerOutageOfThatServerOnly() throws IOException {
    Run run = detect(new SyntheticScenario().darken(20, 28, "192.0.2.2"));

    assertEquals(1, run.report.outages().size(), run.report.outages().toString());
    Outage o = run.report.outages().get(0);
    assertEquals(Outage.Scope.SERVER, o.scope());
    assertEquals("example.net.", o.zone());
    assertEquals(List.of("192.0.2.2"), servers(o));
    assertSpan(expected(run, 20, 28, "192.0.2.2"), o);
    assertEquals(List.of(EXAMPLE), o.evidence().zoneServers().stream().map(IpAddress::toString).toList());
    assertTrue(o.confidence() < 0.9 && o.confidence() >= 0.5, o.reason());
  }

  @Test
  void anOutageThatNeverEndsIsOpenEnded() throws IOException {
    Run run = detect(new SyntheticScenario().darken(40, 100, EXAMPLE));

    assertEquals(1, run.report.outages().size(), run.report.outages().toString());
    Outage o = run.report.outages().get(0);
    assertTrue(o.ongoing());
    assertSpan(expected(run, 40, 100, EXAMPLE), o);
    assertTrue(o.reason().contains("still dark when the capture ended"), o.reason());
  }

  @Test
  void anOutageUnderwayWhenTheCaptureBeganIsFoundAndSaysSo() throws IOException {
    Run run = detect(new SyntheticScenario().darken(0, 10, EXAMPLE));

    assertEquals(1, run.report.outages().size(), run.report.outages().toString());
    Outage o = run.report.outages().get(0);
    assertTrue(o.startsAtCaptureStart());
    assertSpan(expected(run, 0, 10, EXAMPLE), o);
    assertTrue(o.confidence() < 0.9, o.reason());
  }

  @Test
  void aFlappingZoneIsOneOutagePerDarkSpell() throws IOException {
    SyntheticScenario sc = new SyntheticScenario().darken(10, 13, EXAMPLE).darken(16, 19, EXAMPLE).darken(22, 25, EXAMPLE);
    Run run = detect(sc);

    assertEquals(3, run.report.outages().size(), run.report.outages().toString());
    assertSpan(expected(run, 10, 13, EXAMPLE), run.report.outages().get(0));
    assertSpan(expected(run, 16, 19, EXAMPLE), run.report.outages().get(1));
    assertSpan(expected(run, 22, 25, EXAMPLE), run.report.outages().get(2));
  }

  @Test
  void aFlappingServerIsOneServerOutagePerDarkSpellAndItsZoneStaysUp() throws IOException {
    SyntheticScenario sc = new SyntheticScenario().darken(10, 14, "192.0.2.3").darken(17, 21, "192.0.2.3").darken(24, 28, "192.0.2.3");
    Run run = detect(sc);

    assertEquals(3, run.report.outages().size(), run.report.outages().toString());
    for (int i = 0; i < 3; i++) {
      Outage o = run.report.outages().get(i);
      assertEquals(Outage.Scope.SERVER, o.scope());
      assertEquals(List.of("192.0.2.3"), servers(o));
      assertSpan(expected(run, 10 + 7 * i, 14 + 7 * i, "192.0.2.3"), o);
    }
  }

  @Test
  void aServerAnsweringOneQueryInTwentyIsStillDark() throws IOException {
    SyntheticScenario sc = new SyntheticScenario();
    sc.dark.add(new SyntheticScenario.Dark(IpAddress.parse("192.0.2.1"), 20 * S, 30 * S, 0.05));
    Run run = detect(sc);

    assertEquals(1, run.report.outages().size(), run.report.outages().toString());
    Outage o = run.report.outages().get(0);
    assertEquals(List.of("192.0.2.1"), servers(o));
    assertTrue(o.evidence().answered() > 0, "some answers inside: " + o.evidence());
    assertTrue(Math.abs(o.startNanos() - (sc.start + 20 * S)) < 200 * SyntheticCapture.MS, TimeUnits.format(o.startNanos()));
    assertTrue(Math.abs(o.endNanos() - (sc.start + 30 * S)) < 200 * SyntheticCapture.MS, TimeUnits.format(o.endNanos()));
  }

  @Test
  void isolatedLostAnswersAreNoOutage() throws IOException {
    SyntheticScenario sc = new SyntheticScenario();
    sc.upstreamLoss = 0.02;
    Run run = detect(sc);

    assertEquals(List.of(), run.report.outages());
  }

  @Test
  void aSlowServerWhoseAnswersComeAfterTheTimeoutIsNoOutage() throws IOException {
    SyntheticScenario sc = new SyntheticScenario();
    sc.slow.add(new SyntheticScenario.Slow(IpAddress.parse("192.0.2.2"), 20 * S, 40 * S, 4 * S));
    Run run = detect(sc);

    assertEquals(List.of(), run.report.outages());
  }

  @Test
  void aQuietRunHasNoOutageAndNoQuerySpike() throws IOException {
    Run run = detect(new SyntheticScenario());

    assertEquals(List.of(), run.report.outages());
    assertTrue(run.report.spikes().stream().noneMatch(s -> s.metric().name().equals("client.queries")), run.report.spikes().toString());
  }

  @Test
  void aClientSideCaptureInfersTheZoneFromTheFailingNamesWithLowConfidence() throws IOException {
    SyntheticScenario sc = new SyntheticScenario().darken(20, 28, EXAMPLE);
    sc.clientSideOnly = true;
    Run run = detect(sc);

    assertEquals(1, run.report.outages().size(), run.report.outages().toString());
    Outage o = run.report.outages().get(0);
    assertEquals(Outage.Scope.CLIENT_INFERRED, o.scope());
    assertEquals("example.net.", o.zone());
    assertEquals(List.of(), o.servers());
    assertTrue(o.confidence() <= ClientOnlyInference.MAX_CONFIDENCE, o.reason());
    assertTrue(Math.abs(o.startNanos() - (sc.start + 20 * S)) <= 2 * S, TimeUnits.format(o.startNanos()));
    assertTrue(Math.abs(o.endNanos() - (sc.start + 28 * S)) <= 3 * S, TimeUnits.format(o.endNanos()));
    assertEquals("client-side-only", run.report.resolvers().get(0).basis().code());
  }

  @Test
  void theWindowsLoaderReportsWhatDetectReports() throws IOException {
    Path file = dir.resolve("both.pcap");
    SyntheticCapture.write(file, new SyntheticScenario().darken(20, 28, EXAMPLE));
    LoadRequest request = new LoadRequest(List.of(file), DecodeOptions.defaults(), 3 * S);

    HealthReport detect = CaptureDetect.run(request, Progress.NONE).report();
    HealthReport loaded = new CaptureLoader(request).load(Progress.NONE, s -> {}).health();

    assertEquals(HealthReportJson.toString(detect), HealthReportJson.toString(loaded));
  }
}
