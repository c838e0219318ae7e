package org.dnsseismograph.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.dnsseismograph.analysis.CaptureDetect;
import org.dnsseismograph.analysis.CaptureLoader;
import org.dnsseismograph.analysis.HealthReport;
import org.dnsseismograph.analysis.LoadRequest;
import org.dnsseismograph.analysis.LoadResult;
import org.dnsseismograph.analysis.Spike;
import org.dnsseismograph.series.ColumnBuffer;
import org.dnsseismograph.series.Coverage;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SampleSeries;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.testsupport.FrameCopies;
import org.dnsseismograph.wire.ScanSummary;
import org.dnsseismograph.wire.DecodeOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A busy, healthy resolver's capture stopped in the middle of its traffic, as {@code tcpdump -c}
 * or a rotation stops it: the queries of its last moments are still waiting for their answers
 * when the input ends. Those are not known to be unanswered (their answers may have come just after
 * the capture stopped), so no detector may report them as a spike of unanswered queries or
 * upstream timeouts, at the capture's end or at the end of a stretch before a gap. The capture is
 * the bench's generator without an outage: 2,000 client queries a second.
 */
class CaptureEndDetectionTest {
  private static final long S = TimeUnits.NANOS_PER_SECOND;
  private static final Set<String> UNANSWERED = Set.of("client.unanswered", "upstream.timeouts", "dns.unanswered");

  @TempDir static Path dir;
  private static Path capture;

  @BeforeAll
  static void generateAHealthyBusyCapture() throws IOException {
    capture = dir.resolve("healthy.pcap");
    SyntheticResolverTraffic.write(capture, new SyntheticResolverTraffic.Plan(150_000, 2010, TimeUnits.parseInstant("2010-02-01T20:00:00Z"), 2000, 0),
        Progress.NONE);
  }

  @Test
  void queriesStillWaitingWhenTheCaptureStopsMakeNoSpike() throws IOException {
    LoadRequest request = new LoadRequest(List.of(capture), DecodeOptions.defaults(), 3 * S);
    CaptureDetect.Result detected = CaptureDetect.run(request, Progress.NONE);
    // Enough of them to stand out of a baseline of none in the last 100 ms bucket, as they once did.
    long waiting = detected.dispatch().matcher().unansweredAtEnd();
    assertTrue(waiting >= 50, "queries waiting at the end: " + waiting);
    assertEquals(List.of(), unansweredSpikes(detected.report()));
    assertEquals(List.of(), unansweredSpikes(new CaptureLoader(request).load(Progress.NONE, s -> { }).health()));
  }

  @Test
  void theWindowsLanesShowNoneOfThemButLeaveTheirTimeUnknown() throws IOException {
    LoadRequest request = new LoadRequest(List.of(capture), DecodeOptions.defaults(), 3 * S);
    SeriesSet series = new CaptureLoader(request).load(Progress.NONE, s -> { }).snapshot().series();
    long end = ((EventSeries) series.get(MetricId.of("dns.queries"))).coverage().extent().endNanos();
    TimeRange lastTimeout = new TimeRange(end - 3 * S, end);
    // the queries still waiting when the capture stopped are filed there, as series counts them,
    // but outside what the series declares observed
    EventSeries all = (EventSeries) series.get(MetricId.of("dns.unanswered"));
    double waiting = all.events() - all.countIn(all.coverage().extent());
    assertTrue(waiting >= 50, "waiting at the end: " + waiting);
    for (String metric : UNANSWERED) {
      EventSeries unanswered = (EventSeries) series.get(MetricId.of(metric));
      assertEquals(lastTimeout.startNanos(), unanswered.coverage().extent().endNanos(), metric + " is known up to the last timeout");
      ColumnBuffer drawn = new ColumnBuffer(30);
      unanswered.reduce(lastTimeout, 30, drawn);
      for (int i = 0; i < 30; i++) {
        assertFalse(drawn.hasData(i), metric + " drawn at " + TimeUnits.format(drawn.columnStart(i)));
      }
    }
  }

  @Test
  void queriesWaitingWhenAStretchEndsBeforeAGapMakeNoSpike() throws IOException {
    // The capture's first and last 40 %, as two files with about 5.6 s of its traffic left out between them.
    long frames = FrameCopies.frameCount(capture);
    Path before = FrameCopies.copy(capture, dir.resolve("before.pcap"), 0, frames * 4 / 10, 0);
    Path after = FrameCopies.copy(capture, dir.resolve("after.pcap"), frames * 6 / 10, frames, 0);
    LoadRequest request = new LoadRequest(List.of(before, after), DecodeOptions.defaults(), 3 * S);
    CaptureDetect.Result detected = CaptureDetect.run(request, Progress.NONE);
    // Those waiting at the gap time out when the clock jumps over it.
    assertTrue(detected.dispatch().matcher().timedOut() >= 50, "timed out: " + detected.dispatch().matcher());
    assertEquals(List.of(), unansweredSpikes(detected.report()));
    LoadResult loaded = new CaptureLoader(request).load(Progress.NONE, s -> { });
    assertEquals(List.of(), unansweredSpikes(loaded.health()));

    // the window's lanes: unknown in the last timeout of each stretch, and in the gap
    ScanSummary.FileSpan first = loaded.scan().fileSpans().get(0);
    ScanSummary.FileSpan second = loaded.scan().fileSpans().get(1);
    SeriesSet series = loaded.snapshot().series();
    for (String metric : UNANSWERED) {
      Coverage known = ((EventSeries) series.get(MetricId.of(metric))).coverage();
      assertEquals(2, known.size(), metric + ": " + known);
      assertEquals(first.lastNanos() + 1 - 3 * S, known.end(0), metric);
      assertEquals(second.firstNanos(), known.start(1), metric);
      assertEquals(second.lastNanos() + 1 - 3 * S, known.end(1), metric);
    }
    for (MetricId id : series.ids()) {
      if (id.name().endsWith(".answer_ratio")) {
        SampleSeries ratio = (SampleSeries) series.get(id);
        for (int i = 0; i < ratio.size(); i++) {
          boolean beforeTheGap = ratio.end(i) <= first.lastNanos() + 1 - 3 * S;
          boolean afterIt = ratio.start(i) >= second.firstNanos() && ratio.end(i) <= second.lastNanos() + 1 - 3 * S;
          // the writer keeps a hole in its steps as samples without a value
          assertTrue(beforeTheGap || afterIt || Double.isNaN(ratio.value(i)), id + " at " + TimeUnits.format(ratio.start(i)) + ": " + ratio.value(i));
        }
      }
    }
  }

  private static List<Spike> unansweredSpikes(HealthReport report) {
    return report.spikes().stream().filter(s -> UNANSWERED.contains(s.metric().name())).toList();
  }
}
