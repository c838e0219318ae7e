package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dnsseismograph.common.CancelledException;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.common.RecordingProgress;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.testsupport.FrameCopies;
import org.dnsseismograph.testsupport.LabTruth;
import org.dnsseismograph.wire.DecodeOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Detection on captures longer than the 100 ms grid holds: which step is chosen for a span, and the
 * demo incident found again on the coarser grid when the demo capture is read with a copy of
 * itself ten days later (two files, as rotated captures are), with progress and cancel working
 * through the second pass.
 */
class CaptureDetectTest {
  private static final long MS = TimeUnits.NANOS_PER_MILLI;
  private static final long S = TimeUnits.NANOS_PER_SECOND;
  /** 2026-11-25T00:00:00Z: a whole hour, so a whole bucket of every step. */
  private static final long T = 1_795_564_800L * S;
  /** 2^23 buckets of 100 ms: 9.71 days. */
  private static final long FINE = CaptureDetect.MAX_BUCKETS * 100 * MS;
  /** 2^23 buckets of 1 s: 97.1 days. */
  private static final long ONE_SECOND_GRID = CaptureDetect.MAX_BUCKETS * S;
  private static final long SHIFT = 10 * 86_400 * S;

  @TempDir static Path dir;
  private static LabTruth truth;
  private static Path later;
  private static final RecordingProgress progress = new RecordingProgress();
  private static HealthReport report;

  static Stream<Arguments> spans() {
    return Stream.of(
        Arguments.of("one instant", T, T, 100 * MS),
        Arguments.of("2^23 buckets of 100 ms from a whole bucket", T, T + FINE - 1, 100 * MS),
        Arguments.of("one nanosecond more: 2^23 + 1 buckets", T, T + FINE, S),
        Arguments.of("2^23 buckets from a start late in its bucket", T + 99 * MS, T + FINE - 1, 100 * MS),
        Arguments.of("under 9.7 days that straddle 2^23 + 1 buckets", T + 99 * MS, T + FINE + 98 * MS, S),
        Arguments.of("2^23 buckets of 1 s", T, T + ONE_SECOND_GRID - 1, S),
        Arguments.of("one nanosecond more than 97.1 days", T, T + ONE_SECOND_GRID, 10 * S),
        // capinfos: 2019-05-27 14:40:08.021140 to 2019-06-18 14:58:36.477286 (22 days)
        Arguments.of("pktvisor-ecs.pcap", 1_558_968_008_021_140_000L, 1_560_869_916_477_286_000L, S),
        // capinfos: 2016-05-18 08:15:50.492846 to 2019-06-18 14:58:36.475993 (1126 days > 2^23 x 10 s = 971 days)
        Arguments.of("zeek-dns-edns-ecs.pcap", 1_463_559_350_492_846_000L, 1_560_869_916_475_993_000L, 60 * S),
        Arguments.of("2^23 buckets of 10 min", T, T + CaptureDetect.MAX_BUCKETS * 600 * S - 1, 600 * S),
        Arguments.of("every epoch nanosecond", Long.MIN_VALUE, Long.MAX_VALUE, 3600 * S));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("spans")
  void theStepIsTheFinestWhoseBucketsHoldTheSpan(String what, long first, long last, long step) {
    assertEquals(TimeUnits.formatDuration(step), TimeUnits.formatDuration(CaptureDetect.stepFor(first, last)));
  }

  @BeforeAll
  static void detectTheDemoAndItsCopyTenDaysLater() throws IOException {
    truth = LabTruth.read(Path.of("assets/demo/truth.json"));
    later = FrameCopies.copy(CaptureLoaderTest.DEMO, dir.resolve("later.pcap"), 0, Long.MAX_VALUE, SHIFT);
    report = CaptureDetect.run(request(), progress).report();
  }

  private static LoadRequest request() {
    return new LoadRequest(List.of(CaptureLoaderTest.DEMO, later), DecodeOptions.defaults(), 3 * S);
  }

  @Test
  void theGapBetweenTheCopiesIsNoBaselineSoEachCopyHasTheDemosSpikesAndNoneSpansItsOrdinaryTraffic() throws IOException {
    HealthReport alone = CaptureDetect.run(new LoadRequest(List.of(CaptureLoaderTest.DEMO), DecodeOptions.defaults(), 3 * S), Progress.NONE).report();
    List<Spike> first = report.spikes().stream().filter(s -> s.startNanos() < T + SHIFT).toList();
    List<Spike> second = report.spikes().stream().filter(s -> s.startNanos() >= T + SHIFT).toList();
    assertEquals(alone.spikes().size(), first.size(), first.toString());
    assertEquals(alone.spikes().size(), second.size(), second.toString());
    for (int i = 0; i < first.size(); i++) {
      Spike a = first.get(i);
      Spike b = second.get(i);
      assertEquals(new Spike(a.metric(), a.startNanos() + SHIFT, a.endNanos() + SHIFT, a.peakNanos() + SHIFT, a.peakRate(), a.baselineRate(), a.factor(),
          a.scaleNanos(), a.significance()), b);
      // The same spike of the demo alone (found on the finer 100 ms grid): same metric, overlapping, and "from none" only where it was.
      Spike match = alone.spikes().stream().filter(s -> s.metric().equals(a.metric()) && s.overlaps(a.startNanos() - S, a.endNanos() + S)).findFirst()
          .orElseThrow(() -> new AssertionError("no spike of the demo alone matches " + a));
      assertEquals(Double.isInfinite(match.factor()), Double.isInfinite(a.factor()), a + " against " + match);
      assertTrue(a.durationNanos() < 70 * S, "spans the copy's ordinary traffic: " + a);
    }
  }

  @Test
  void theWindowsLoaderKnowsTheGapAsWellAndFindsWhatDetectFinds() throws IOException {
    HealthReport loaded = new CaptureLoader(request()).load(Progress.NONE, s -> { }).health();
    assertEquals(report.spikes(), loaded.spikes());
    assertEquals(report.outages().size(), loaded.outages().size());
    for (int k = 0; k < report.outages().size(); k++) {
      assertEquals(report.outages().get(k).reason(), loaded.outages().get(k).reason());
    }
  }

  @Test
  void theClientsAfterTheGapAreComparedWithCapturedTimeOnly() {
    ClientImpact before = report.outages().get(0).evidence().client();
    ClientImpact after = report.outages().get(1).evidence().client();
    assertEquals(before, after);
  }

  @Test
  void tenDaysAndTwoMinutesAreDetectedOnTheOneSecondGrid() {
    assertEquals(S, report.gridStepNanos());
  }

  @Test
  void theOutageIsFoundInBothCopiesWithinASecondWithExactlyTheStoppedServersAndZone() {
    assertEquals(2, report.outages().size(), report.outages().toString());
    for (int k = 0; k < 2; k++) {
      Outage o = report.outages().get(k);
      assertEquals(Outage.Scope.ZONE, o.scope(), o.reason());
      assertEquals(truth.outageZone(), o.zone());
      assertEquals(truth.outageServers().stream().sorted().toList(), o.servers().stream().map(Object::toString).toList());
      assertTrue(Math.abs(o.startNanos() - (truth.outageStartNanos() + k * SHIFT)) <= S, "start " + TimeUnits.format(o.startNanos()));
      assertTrue(Math.abs(o.endNanos() - (truth.outageEndNanos() + k * SHIFT)) <= S, "end " + TimeUnits.format(o.endNanos()));
      assertTrue(o.confidence() >= 0.8, o.reason());
    }
  }

  @Test
  void theOutageIsTimedAsOnTheFineGridToTheNanosecondSinceItIsNotReadFromTheGrid() throws IOException {
    HealthReport fine = CaptureDetect.run(new LoadRequest(List.of(CaptureLoaderTest.DEMO), DecodeOptions.defaults(), 3 * S), Progress.NONE).report();
    assertEquals(100 * MS, fine.gridStepNanos());
    assertEquals(1, fine.outages().size(), fine.outages().toString());
    Outage expected = fine.outages().get(0);

    for (int k = 0; k < 2; k++) {
      Outage o = report.outages().get(k);
      assertEquals(expected.startNanos() + k * SHIFT, o.startNanos(), "start of copy " + k);
      assertEquals(expected.endNanos() + k * SHIFT, o.endNanos(), "end of copy " + k);
      assertEquals(expected.unanswered(), o.unanswered(), "unanswered in copy " + k);
    }
  }

  @Test
  void bothResolversAreFound() {
    assertEquals(truth.resolvers().stream().sorted().toList(), report.resolvers().stream().map(r -> r.address().toString()).sorted().toList());
  }

  @Test
  void progressCountsTheGivenUpPassOnAndNeverGoesBack() throws IOException {
    long size = Files.size(CaptureLoaderTest.DEMO) + Files.size(later);
    RecordingProgress.Update last = progress.last();
    assertEquals(last.total(), last.done(), "the last update is the end of the last pass");
    assertTrue(last.total() > size, "the total holds the first pass's bytes too: " + last.total() + " vs the files' " + size);
    List<RecordingProgress.Update> updates = progress.updates();
    for (int i = 1; i < updates.size(); i++) {
      assertTrue(updates.get(i).done() >= updates.get(i - 1).done(), "done went back at update " + i);
    }
  }

  @Test
  void cancelStopsTheSecondPass() throws IOException {
    long size = Files.size(CaptureLoaderTest.DEMO) + Files.size(later);
    RecordingProgress cancelInSecondPass = new RecordingProgress((done, total) -> total > size);

    assertThrows(CancelledException.class, () -> CaptureDetect.run(request(), cancelInSecondPass));
    long seen = cancelInSecondPass.updates().stream().mapToLong(RecordingProgress.Update::total).max().orElse(0);
    assertTrue(seen > size, "the second pass had begun");
  }
}
