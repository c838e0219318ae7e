package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.series.ColumnBuffer;
import org.dnsseismograph.series.Coverage;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SampleSeries;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.testsupport.LabTruth;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.NotACaptureException;
import org.dnsseismograph.wire.ScanSummary;
import org.dnsseismograph.wire.ScanSummary.FileSpan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rotated captures with a gap cut inside an outage: the demo capture cut by Wireshark's {@code
 * editcap} 10 s into its outage, and the rest of it shifted three days later (a second file that
 * begins with the servers still dark). Nothing was captured in between, so the outage is not
 * carried over the gap: the first file's part is reported as the first file alone reports it,
 * still dark when that file stopped, and the second file's part as the second file alone reports
 * it. Needs {@code /usr/bin/editcap} (package wireshark-common, which tshark depends on).
 */
class CaptureGapsTest {
  private static final long S = TimeUnits.NANOS_PER_SECOND;
  private static final long TIMEOUT = 3 * S;
  private static final Pattern OUTSIDE = Pattern.compile("; ([0-9.]+) % answered outside it in all the capture's files \\(([0-9.]+) % in its own"
      + " stretch of them, ([0-9.]+) % in the 1 other across a gap\\)");
  private static final Pattern ALONE = Pattern.compile("; ([0-9.]+) % answered outside it;");

  @TempDir static Path dir;
  private static LabTruth truth;
  private static Path first;
  private static Path second;
  private static CaptureDetect.Result both;
  private static HealthReport firstAlone;
  private static HealthReport secondAlone;

  @BeforeAll
  static void cutTheDemoInsideItsOutageAndShiftTheRestThreeDays() throws IOException, InterruptedException {
    truth = LabTruth.read(Path.of("assets/demo/truth.json"));
    List<Path> files = GappedDemo.write(dir);
    first = files.get(0);
    second = files.get(1);
    both = CaptureDetect.run(request(first, second), Progress.NONE);
    firstAlone = CaptureDetect.run(request(first), Progress.NONE).report();
    secondAlone = CaptureDetect.run(request(second), Progress.NONE).report();
  }

  private static LoadRequest request(Path... files) {
    return new LoadRequest(List.of(files), DecodeOptions.defaults(), TIMEOUT);
  }

  static Stream<Arguments> spans() {
    long t = 1_795_564_800L * S;
    return Stream.of(
        Arguments.of("one file", List.of(new FileSpan(t, t + 60 * S)), List.of()),
        Arguments.of("back to back", List.of(new FileSpan(t, t + 60 * S), new FileSpan(t + 60 * S, t + 120 * S)), List.of()),
        Arguments.of("a timeout apart", List.of(new FileSpan(t, t + 60 * S), new FileSpan(t + 63 * S, t + 120 * S)), List.of()),
        Arguments.of("a nanosecond more", List.of(new FileSpan(t, t + 60 * S), new FileSpan(t + 63 * S + 1, t + 120 * S)),
            List.of(t + 60 * S, t + 63 * S + 1)),
        Arguments.of("overlapping, given out of order", List.of(new FileSpan(t + 30 * S, t + 120 * S), new FileSpan(t, t + 60 * S)), List.of()),
        Arguments.of("a long file around a short one, a gap after both",
            List.of(new FileSpan(t, t + 100 * S), new FileSpan(t + 10 * S, t + 20 * S), new FileSpan(t + 200 * S, t + 300 * S)),
            List.of(t + 100 * S, t + 200 * S)),
        Arguments.of("two gaps", List.of(new FileSpan(t + 86_400 * S, t + 86_460 * S), new FileSpan(t, t + 60 * S),
            new FileSpan(t + 3_600 * S, t + 3_660 * S)), List.of(t + 60 * S, t + 3_600 * S, t + 3_660 * S, t + 86_400 * S)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("spans")
  void aGapIsTimeLongerThanATimeoutThatNoFileCovers(String what, List<FileSpan> spans, List<Long> endsAndStarts) {
    CaptureGaps gaps = CaptureGaps.of(spans, TIMEOUT);
    assertEquals(endsAndStarts.size() / 2, gaps.count());
    for (int k = 0; k < gaps.count(); k++) {
      assertEquals(endsAndStarts.get(2 * k), gaps.endBefore(k), "end before gap " + k);
      assertEquals(endsAndStarts.get(2 * k + 1), gaps.startAfter(k), "start after gap " + k);
      assertEquals(k, gaps.stretchOf(gaps.endBefore(k)), "the last frame before gap " + k);
      assertEquals(k + 1, gaps.stretchOf(gaps.startAfter(k)), "the first frame after gap " + k);
      assertEquals(gaps.endBefore(k), gaps.stretchEnd(k));
      assertEquals(gaps.startAfter(k), gaps.stretchStart(k + 1));
    }
    assertEquals(Outage.OPEN, gaps.stretchEnd(gaps.count()), "the last stretch ends with the capture");
    assertEquals(Long.MIN_VALUE, gaps.stretchStart(0), "the first begins with it");
  }

  @Test
  void theFilesFrameTimesReadBeforehandAreTheSpansTheScanFinds() throws IOException {
    ScanSummary scan = both.scan();
    assertEquals(2, scan.fileSpans().size());
    CaptureGaps read = CaptureGaps.read(List.of(first, second), TIMEOUT, Progress.NONE);
    assertEquals(1, read.count());
    assertEquals(scan.fileSpans().get(0).lastNanos(), read.endBefore(0));
    assertEquals(scan.fileSpans().get(1).firstNanos(), read.startAfter(0));
    // editcap cut at the second: the first file ends before it, the second begins at it (three days on).
    long cut = (truth.outageStartNanos() / S + 10) * S;
    assertTrue(read.endBefore(0) < cut && read.startAfter(0) >= cut + GappedDemo.SHIFT_SECONDS * S, TimeUnits.format(read.endBefore(0)));
    assertEquals(0, CaptureGaps.read(List.of(first), TIMEOUT, Progress.NONE).count(), "one file is not read and has no gap");
  }

  @Test
  void unansweredQueriesAreUndecidedInTheLastTimeoutBeforeTheGapAsBeforeTheEnd() throws IOException {
    LoadResult r = new CaptureLoader(request(first, second)).load(Progress.NONE, s -> {});
    SeriesSet series = r.snapshot().series();
    long beforeGap = r.scan().fileSpans().get(0).lastNanos() + 1;
    long end = ((EventSeries) series.get(MetricId.of("dns.queries"))).coverage().extent().endNanos();
    Coverage expected = Coverage.of(new TimeRange(beforeGap - TIMEOUT, beforeGap)).with(new TimeRange(end - TIMEOUT, end));
    assertEquals(expected, ((EventSeries) series.get(MetricId.of("client.unanswered"))).undecided());

    SampleSeries ratio = (SampleSeries) series.get(MetricId.of("upstream.zone.example.test.answer_ratio"));
    long step = ratio.stepNanos();
    Coverage bucketed = Coverage.of(new TimeRange(Math.floorDiv(beforeGap - TIMEOUT, step) * step, beforeGap))
        .with(new TimeRange(Math.floorDiv(end - TIMEOUT, step) * step, end));
    assertEquals(bucketed, ratio.undecided(), "the buckets reaching into either timeout");

    ColumnBuffer out = new ColumnBuffer();
    series.get(MetricId.of("client.unanswered")).reduce(new TimeRange(beforeGap - 10 * S, beforeGap + 10 * S), 20, out);
    assertTrue(out.isUndecided(out.columnAt(beforeGap - 1)), "the last moment before the gap");
    assertFalse(out.hasData(out.columnAt(beforeGap + 5 * S)) || out.isUndecided(out.columnAt(beforeGap + 5 * S)), "the gap: unobserved");
  }

  @Test
  void aFileThatIsNoCaptureFailsTheReadAsItFailsTheScan() throws IOException {
    Path text = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "not a capture\n");
    assertThrows(NotACaptureException.class, () -> CaptureGaps.read(List.of(first, text), TIMEOUT, Progress.NONE));
  }

  @Test
  void theOutageIsNotCarriedOverTheGapButReportedOnEachSide() {
    List<Outage> outages = both.report().outages();
    assertEquals(2, outages.size(), outages.toString());
    long stopped = both.scan().fileSpans().get(0).lastNanos();
    long resumed = both.scan().fileSpans().get(1).firstNanos();
    assertTrue(outages.get(0).startNanos() < stopped && outages.get(1).startNanos() >= resumed);
    for (Outage o : outages) {
      assertEquals(Outage.Scope.ZONE, o.scope(), o.reason());
      assertEquals(truth.outageZone(), o.zone());
      assertEquals(truth.outageServers().stream().sorted().toList(), o.servers().stream().map(Object::toString).toList());
    }
    assertTrue(Math.abs(outages.get(0).startNanos() - truth.outageStartNanos()) <= S, TimeUnits.format(outages.get(0).startNanos()));
    assertTrue(Math.abs(outages.get(1).endNanos() - (truth.outageEndNanos() + GappedDemo.SHIFT_SECONDS * S)) <= S, TimeUnits.format(outages.get(1).endNanos()));
  }

  @Test
  void theFirstFilesPartIsStillDarkWhenThatFileStoppedAsInThatFileAlone() throws IOException {
    Outage o = both.report().outages().get(0);
    Outage alone = firstAlone.outages().get(0);
    long stopped = both.scan().fileSpans().get(0).lastNanos();
    assertTrue(o.ongoing() && o.ongoingAtGap(), "ended at " + TimeUnits.format(o.endNanos()));
    assertEquals(stopped, o.watchedUntilNanos());
    assertTrue(alone.ongoing() && !alone.ongoingAtGap());
    assertEquals(alone.startNanos(), o.startNanos());
    assertEquals(alone.unanswered(), o.unanswered());
    assertEquals(alone.evidence().perServer(), o.evidence().perServer());
    assertEquals(alone.evidence().client(), o.evidence().client(), "the clients during it are measured to the end of its file");
    // The same spikes of the clients: where they are (their peaks depend on the baselines, which the other file joins).
    assertEquals(where(List.of(alone.evidence().clientSpike())), where(List.of(o.evidence().clientSpike())));
    assertEquals(where(alone.evidence().otherSpikes()), where(o.evidence().otherSpikes()));
    assertTrue(o.reason().endsWith("; still dark when the capture stopped at " + TimeUnits.format(stopped)
        + " (nothing captured for 3.0 days after: how long it lasted is unknown)."), o.reason());
    JsonNode json = new ObjectMapper().readTree(HealthReportJson.toString(both.report())).get("outages").get(0);
    assertTrue(json.get("end").isNull() && json.get("ongoing").asBoolean(), "the JSON says it as for the capture's end: " + json);
  }

  private static List<String> where(List<Spike> spikes) {
    return spikes.stream().map(x -> x.metric().name() + " " + TimeUnits.format(x.startNanos()) + " .. " + TimeUnits.format(x.endNanos())).toList();
  }

  @Test
  void theSecondFilesPartBeginsAfreshAsInThatFileAlone() {
    Outage o = both.report().outages().get(1);
    Outage alone = secondAlone.outages().get(0);
    assertFalse(o.ongoing());
    assertEquals(Outage.OPEN, o.watchedUntilNanos(), "its stretch ends with the capture");
    assertEquals(alone.startNanos(), o.startNanos());
    assertEquals(alone.endNanos(), o.endNanos());
    assertEquals(alone.unanswered(), o.unanswered());
    assertEquals(alone.evidence().perServer(), o.evidence().perServer());
    assertEquals(alone.evidence().lastAnswerBeforeNanos(), o.evidence().lastAnswerBeforeNanos(), "no answer before it in its file");
    assertEquals(alone.evidence().client(), o.evidence().client(), "nothing before it in its file: compared with the time after, as alone");
    assertTrue(o.startsAtCaptureStart() && alone.startsAtCaptureStart());
    assertTrue(o.reason().endsWith("; already dark when the capture resumed at " + TimeUnits.format(both.scan().fileSpans().get(1).firstNanos())
        + " after 3.0 days with nothing captured."), o.reason());
  }

  @Test
  void theAnswersOutsideAreOverAllTheFilesAndTheirOwnFilesShareIsWhatThatFileAloneSays() {
    for (int k = 0; k < 2; k++) {
      Outage o = both.report().outages().get(k);
      Outage alone = (k == 0 ? firstAlone : secondAlone).outages().get(0);
      Matcher m = OUTSIDE.matcher(o.reason());
      Matcher a = ALONE.matcher(alone.reason());
      assertTrue(m.find() && a.find(), o.reason() + " / " + alone.reason());
      assertEquals(a.group(1), m.group(2), "its own stretch is its file alone");
      double whole = Double.parseDouble(m.group(1));
      double own = Double.parseDouble(m.group(2));
      double other = Double.parseDouble(m.group(3));
      assertEquals(String.format(java.util.Locale.ROOT, "%.1f", 100 * o.evidence().baselineAnswerRatio()), m.group(1));
      // A weighted mean of the two parts: the other file's dark queries count there, so it lies below its own file's.
      assertTrue(other < whole && whole < own, o.reason());
    }
  }

  @Test
  void aServerStillDarkAtTheEndOfTheWholeDemoJoinsNothingAcrossTheGap() throws IOException {
    // In the demo one server is not heard answering again after the outage: its span runs to the
    // demo's end. Followed by the second file, it once made one 3-day outage of everything.
    HealthReport demo = CaptureDetect.run(request(CaptureLoaderTest.DEMO), Progress.NONE).report();
    List<Outage> outages = CaptureDetect.run(request(CaptureLoaderTest.DEMO, second), Progress.NONE).report().outages();
    assertEquals(2, outages.size(), outages.toString());
    Outage alone = demo.outages().get(0);
    assertTrue(alone.evidence().perServer().stream().anyMatch(p -> p.endNanos() == Outage.OPEN), "the demo still has a server dark at its end");
    assertEquals(alone.startNanos(), outages.get(0).startNanos());
    assertEquals(alone.endNanos(), outages.get(0).endNanos());
    assertEquals(alone.unanswered(), outages.get(0).unanswered());
    assertEquals(alone.evidence().perServer(), outages.get(0).evidence().perServer());
    assertEquals(alone.evidence().client(), outages.get(0).evidence().client());
    assertEquals(secondAlone.outages().get(0).startNanos(), outages.get(1).startNanos());
    assertEquals(secondAlone.outages().get(0).endNanos(), outages.get(1).endNanos());
    assertEquals(secondAlone.outages().get(0).unanswered(), outages.get(1).unanswered());
  }

  @Test
  void theWindowsLoaderCutsAtTheGapAsDetectDoes() throws IOException {
    HealthReport loaded = new CaptureLoader(request(first, second)).load(Progress.NONE, s -> { }).health();
    assertEquals(both.report().outages().size(), loaded.outages().size());
    for (int k = 0; k < loaded.outages().size(); k++) {
      Outage o = both.report().outages().get(k);
      Outage l = loaded.outages().get(k);
      assertEquals(o.reason(), l.reason());
      assertEquals(o.startNanos(), l.startNanos());
      assertEquals(o.endNanos(), l.endNanos());
      assertEquals(o.watchedUntilNanos(), l.watchedUntilNanos());
    }
  }

  @Test
  void theTextReportSaysWhereTheCaptureStoppedWatching() throws IOException {
    StringBuilder text = new StringBuilder();
    HealthReportText.write(both.report(), text);
    assertTrue(text.toString().contains(" .. (still dark when the capture stopped at " + TimeUnits.format(both.scan().fileSpans().get(0).lastNanos())
        + ", before a gap)  zone example.test."), text.toString());
  }
}
