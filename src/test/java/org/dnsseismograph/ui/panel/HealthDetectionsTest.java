package org.dnsseismograph.ui.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.dnsseismograph.analysis.CaptureDetect;
import org.dnsseismograph.analysis.GappedDemo;
import org.dnsseismograph.analysis.HealthReport;
import org.dnsseismograph.analysis.LoadRequest;
import org.dnsseismograph.analysis.Spike;
import org.dnsseismograph.analysis.Outage;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.ui.UiFixtures;
import org.dnsseismograph.ui.annotations.OutageProposals;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationKind;
import org.dnsseismograph.workspace.AnnotationState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo capture's health report as the side panel lists it and as proposals: the lab's outage
 * ({@code assets/demo/truth.json}: example.test.'s three servers stopped for 20 s) at its recorded
 * times, moved by the capture's clock correction, with its evidence; one proposal per outage.
 */
class HealthDetectionsTest {
  private static final long MS = 1_000_000L;
  private static final long CORRECTION = 37_000 * MS + 5;
  private static HealthReport report;
  private static JsonNode truth;

  @BeforeAll
  static void detect() throws Exception {
    Path demo = UiFixtures.demo();
    report = CaptureDetect.run(new LoadRequest(List.of(demo.resolve("capture.pcap.gz")), DecodeOptions.defaults(), 3_000 * MS), Progress.NONE)
        .report();
    truth = new ObjectMapper().readTree(demo.resolve("truth.json").toFile()).path("outage");
  }

  @Test
  void everyOutageAndSpikeIsListedOnTheTimelinesAxis() {
    List<Detection> plain = HealthDetections.of(report, "capture.pcap.gz", 0);
    List<Detection> shifted = HealthDetections.of(report, "capture.pcap.gz", CORRECTION);

    assertEquals(report.outages().size() + report.spikes().size(), plain.size());
    for (int i = 0; i < plain.size(); i++) {
      assertEquals(plain.get(i).span().shift(CORRECTION), shifted.get(i).span(), "moved by the correction");
      assertEquals(plain.get(i).title(), shifted.get(i).title());
    }
    Detection outage = plain.stream().filter(d -> d.kind() == Detection.Kind.OUTAGE).findFirst().orElseThrow();
    assertEquals(truth.path("startNs").asLong(), outage.span().startNanos(), 100 * MS);
    assertEquals(truth.path("endNs").asLong(), outage.span().endNanos(), 100 * MS);
    assertTrue(outage.title().startsWith("example.test. dark (3 servers) 20.0"), outage.title());
    assertTrue(outage.detail().contains("Servers: 127.0.0.21, 127.0.0.22, 127.0.0.23."), outage.detail());
    assertTrue(outage.detail().endsWith("In capture.pcap.gz."), outage.detail());
    for (int i = 0; i < report.spikes().size(); i++) {
      Detection d = plain.get(report.outages().size() + i);
      assertEquals(Detection.Kind.SPIKE, d.kind());
      assertTrue(d.title().startsWith(report.spikes().get(i).metric() + " "), d.title());
      assertEquals(report.spikes().get(i).startNanos(), d.span().startNanos());
    }
  }

  /** The lab's outage makes upstream timeouts out of none: the title gives the level they reached, which a factor cannot. */
  @Test
  void aSpikeOverAZeroBaselineIsTitledWithTheRateItReached() {
    Spike s = report.spikes().stream().filter(x -> Double.isInfinite(x.factor())).findFirst().orElseThrow();
    String rate = s.peakRate() >= 10 ? String.valueOf(Math.round(s.peakRate())) : String.format(java.util.Locale.ROOT, "%.1f", s.peakRate());
    assertEquals(s.metric() + " 0 → " + rate + "/s", HealthDetections.spikeTitle(s));
    Spike finite = report.spikes().stream().filter(x -> !Double.isInfinite(x.factor())).findFirst().orElseThrow();
    assertEquals(finite.metric() + String.format(java.util.Locale.ROOT, " ×%.1f", finite.factor()), HealthDetections.spikeTitle(finite));
  }

  @Test
  void aCoarserDetectionGridIsNamedInEveryTooltipAndOnlyThen() {
    HealthReport coarse = new HealthReport(report.resolvers(), report.outages(), report.spikes(), report.captureStartNanos(),
        report.captureEndNanos(), 1_000 * MS);

    for (Detection d : HealthDetections.of(report, "capture.pcap.gz", 0)) {
      assertTrue(!d.detail().contains("Detection grid"), d.detail());
    }
    List<Detection> listed = HealthDetections.of(coarse, "capture.pcap.gz", 0);
    assertEquals(report.outages().size() + report.spikes().size(), listed.size());
    for (Detection d : listed) {
      assertTrue(d.detail().endsWith("\nDetection grid: 1s buckets, not 100ms: the capture spans more than 9.7 days; spikes sought at 1s, 10s and 100s."),
          d.detail());
    }
  }

  @Test
  void eachSuspectedOutageIsProposedWithItsZoneServersAndEvidence() {
    List<Annotation> proposed = OutageProposals.of(report, "capture.pcap.gz", CORRECTION);

    assertEquals(report.outages().size(), proposed.size());
    Annotation a = proposed.get(0);
    assertEquals(AnnotationKind.OUTAGE, a.kind());
    assertEquals(AnnotationState.PROPOSED, a.state());
    assertEquals(OutageProposals.DETECTOR, a.proposedBy());
    assertEquals("example.test. dark", a.label());
    assertEquals("example.test.", a.zone());
    assertEquals(List.of("127.0.0.21", "127.0.0.22", "127.0.0.23"), a.servers());
    assertEquals(truth.path("startNs").asLong() + CORRECTION, a.span().startNanos(), 100 * MS);
    assertEquals(HealthDetections.of(report, "capture.pcap.gz", CORRECTION).stream().filter(d -> d.kind() == Detection.Kind.OUTAGE)
        .findFirst().orElseThrow().detail(), a.text());
  }

  /**
   * Rotated files with three days between them, cut inside the outage: the part in the first file
   * is drawn and proposed up to that file's last frame, not over the gap to the end of the capture.
   */
  @Test
  void anOutageStillDarkWhenItsFileStoppedEndsOnTheTimelineWhereThatFileDoes(@TempDir Path dir) throws Exception {
    List<Path> files = GappedDemo.write(dir);
    CaptureDetect.Result gapped = CaptureDetect.run(new LoadRequest(files, DecodeOptions.defaults(), 3_000 * MS), Progress.NONE);
    HealthReport r = gapped.report();
    long firstFileEnd = gapped.scan().fileSpans().get(0).lastNanos();

    Outage cut = r.outages().get(0);
    assertTrue(cut.ongoingAtGap(), cut.reason());
    assertEquals(firstFileEnd, cut.watchedUntilNanos());
    Detection d = HealthDetections.of(r, "first.pcap", 0).get(0);
    assertEquals(new TimeRange(cut.startNanos(), firstFileEnd), d.span());
    assertTrue(d.title().endsWith(" to the end of its file"), d.title());
    assertEquals(new TimeRange(cut.startNanos(), firstFileEnd).shift(CORRECTION), OutageProposals.of(r, "first.pcap", CORRECTION).get(0).span());
    assertTrue(r.captureEndNanos() - firstFileEnd > 86_400_000 * MS, "the capture goes on for days after the file");
  }
}
