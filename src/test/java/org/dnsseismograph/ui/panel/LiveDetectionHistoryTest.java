package org.dnsseismograph.ui.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.dnsseismograph.analysis.CaptureDetect;
import org.dnsseismograph.analysis.HealthReport;
import org.dnsseismograph.analysis.LoadRequest;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.testsupport.LabTruth;
import org.dnsseismograph.testsupport.Tshark;
import org.dnsseismograph.ui.UiFixtures;
import org.dnsseismograph.wire.DecodeOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live source's detections over checks that read only the newest part of a long recording: the
 * demo capture as two checks would read it, the first up to 15 s after its outage ended, the next
 * from 10 s after it (tshark cuts both). The outage the first check found stays listed; what the
 * first found after the next one's start is the next one's reading.
 */
class LiveDetectionHistoryTest {
  private static final long S = 1_000_000_000L;

  @Test
  void whatAnEarlierCheckFoundBeforeTheNewestPartIsKept(@TempDir Path dir) throws Exception {
    assumeTrue(Tshark.available(), "tshark cuts the capture; install it (Debian package tshark)");
    Path demo = UiFixtures.demo().resolve("capture.pcap.gz");
    long ended = LabTruth.read(UiFixtures.demo().resolve("truth.json")).outageEndNanos();
    HealthReport first = detect(Tshark.cut(demo, "frame.time_epoch < " + seconds(ended + 15 * S), dir.resolve("first.pcap")));
    HealthReport next = detect(Tshark.cut(demo, "frame.time_epoch >= " + seconds(ended + 10 * S), dir.resolve("next.pcap")));
    List<Detection> firstFound = HealthDetections.of(first, "lo", 0);
    List<Detection> nextFound = HealthDetections.of(next, "lo", 0);
    assertEquals(1, firstFound.stream().filter(d -> d.kind() == Detection.Kind.OUTAGE).count(), "the first check finds the outage");
    assertTrue(nextFound.stream().noneMatch(d -> d.kind() == Detection.Kind.OUTAGE), "the next one reads after it");

    LiveDetectionHistory history = new LiveDetectionHistory("lo");
    history.add(first);
    assertEquals(firstFound, history.detections());
    history.add(next);

    List<Detection> kept = firstFound.stream().filter(d -> d.span().endNanos() <= next.captureStartNanos()).toList();
    assertTrue(kept.stream().anyMatch(d -> d.kind() == Detection.Kind.OUTAGE), "the outage stays listed");
    assertTrue(firstFound.size() > kept.size(), "the first check also found things in the part the next one read again: " + firstFound);
    assertEquals(concat(kept, nextFound), history.detections());
    assertEquals(next, history.latest());

    history.add(next);
    assertEquals(concat(kept, nextFound), history.detections(), "a check of the same part again replaces only its own reading");
  }

  private static List<Detection> concat(List<Detection> a, List<Detection> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  private static HealthReport detect(Path capture) throws IOException {
    return CaptureDetect.run(new LoadRequest(List.of(capture), DecodeOptions.defaults(), 3 * S), Progress.NONE).report();
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%d.%09d", nanos / S, nanos % S);
  }
}
