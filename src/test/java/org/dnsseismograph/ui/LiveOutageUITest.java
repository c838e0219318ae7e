package org.dnsseismograph.ui;

import static org.dnsseismograph.ui.WindowDriver.await;
import static org.dnsseismograph.ui.WindowDriver.fx;
import static org.dnsseismograph.ui.WindowDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.dnsseismograph.capture.LiveState;
import org.dnsseismograph.capture.Recording;
import org.dnsseismograph.render.Lane;
import org.dnsseismograph.render.LaneSeries;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.testsupport.Lab;
import org.dnsseismograph.testsupport.LabTruth;
import org.dnsseismograph.ui.annotations.OutageProposals;
import org.dnsseismograph.ui.live.LiveRequest;
import org.dnsseismograph.ui.live.LiveSession;
import org.dnsseismograph.ui.live.LiveTimeline;
import org.dnsseismograph.ui.live.LiveWindow;
import org.dnsseismograph.ui.panel.Detection;
import org.dnsseismograph.wire.DnsPorts;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * An incident watched live, end to end: the window captures {@code lo} with a recording while the
 * lab (real NSD, Unbound, dnsperf and stubs on loopback) stops the three servers of example.test for
 * 8 s. The resolver's sides and each server's answer ratio are lanes while it runs; when the capture
 * stops, the detections list names the outage, within a second of the lab's truth at both ends,
 * with exactly the stopped servers, and it is proposed as an annotation. Needs root and the lab's
 * packages (skipped, saying so, without them); about 50 s.
 */
@ExtendWith(ApplicationExtension.class)
class LiveOutageUITest {
  private static final long SECOND = TimeUnits.NANOS_PER_SECOND;

  @TempDir
  static Path config;
  @TempDir
  static Path dir;
  private MainWindow window;

  @Start
  void start(Stage stage) {
    window = WindowDriver.emptyWindow(stage, config);
  }

  @AfterEach
  void close() throws InterruptedException {
    WindowDriver.closeLive(LiveWindow.of(window).orElseThrow().live(), window);
  }

  @Test
  void anOutageWatchedLiveIsListedAndProposedWithTheStoppedServers() throws Exception {
    String missing = Lab.missing();
    assumeTrue(missing.isEmpty(), missing);
    LiveTimeline live = LiveWindow.of(window).orElseThrow().live();
    LiveSession session = fx(() -> live.start(LiveRequest.capture("lo", DnsPorts.DEFAULT).withRecording(Recording.toFile(dir.resolve("live.pcap")))));
    await("the capture to run", () -> session.stateProperty().get() == LiveState.RUNNING);

    LabTruth truth = LabTruth.read(Lab.run(dir, "outage").resolve("truth.json"));

    List<String> rows = fx(() -> window.timeline().plan().lanes().stream().filter(l -> l.title().contains("Authoritative servers"))
        .flatMap(l -> l.series().stream()).map(LaneSeries::label).toList());
    assertTrue(rows.containsAll(truth.outageServers()), "a row per server while live: " + rows);
    List<String> visible = fx(() -> window.timeline().plan().visibleLanes().stream().map(Lane::key).toList());
    assertTrue(visible.containsAll(List.of("lo/client.rate", "lo/upstream.rate", "lo/upstream.servers")), "the resolver's two sides: " + visible);
    assertFalse(visible.contains("lo/dns.rate"), "all traffic, the two sides added up, gave way to them: " + visible);

    fxRun(() -> live.stop(session));
    await("the check of the closed recording", () -> window.sidePanel().detections().stream().anyMatch(d -> d.kind() == Detection.Kind.OUTAGE));
    List<Detection> outages = fx(() -> window.sidePanel().detections().stream().filter(d -> d.kind() == Detection.Kind.OUTAGE).toList());
    assertEquals(1, outages.size(), "one outage: " + outages);
    Detection d = outages.get(0);
    assertTrue(d.title().startsWith("example.test. dark (3 servers)"), d.title());
    assertEquals("lo", d.source());
    assertWithinASecond("start", truth.outageStartNanos(), d.span().startNanos());
    assertWithinASecond("end", truth.outageEndNanos(), d.span().endNanos());

    List<Annotation> proposed = fx(() -> window.session().session().book().all().stream().filter(a -> a.kind() == AnnotationKind.OUTAGE).toList());
    assertEquals(1, proposed.size(), "proposed once, however often the recording was checked: " + proposed);
    assertEquals(OutageProposals.DETECTOR, proposed.get(0).proposedBy());
    assertEquals(d.span(), proposed.get(0).span());
    assertEquals(truth.outageZone(), proposed.get(0).zone());
    assertEquals(truth.outageServers().stream().sorted().toList(), proposed.get(0).servers());
  }

  private static void assertWithinASecond(String what, long truth, long found) {
    assertTrue(Math.abs(found - truth) <= SECOND, what + ": found " + TimeUnits.format(found) + ", truth " + TimeUnits.format(truth));
  }
}
