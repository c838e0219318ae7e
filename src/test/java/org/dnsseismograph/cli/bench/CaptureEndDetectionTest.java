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
import org.dnsseismograph.analysis.Spike;
import org.dnsseismograph.series.ColumnBuffer;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.testsupport.FrameCopies;
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
    assertEquals(List.of(), unansweredSpikes(new CaptureLoader(request).load(Progress.NONE, s -> { }).health()));
  }

  private static List<Spike> unansweredSpikes(HealthReport report) {
    return report.spikes().stream().filter(s -> UNANSWERED.contains(s.metric().name())).toList();
  }
}
