package org.dnsseismograph.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.dnsseismograph.dns.DnsMessageView;
import org.dnsseismograph.dns.ScanResult;
import org.dnsseismograph.series.ColumnBuffer;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.testsupport.Tshark;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.DnsPayload;
import org.dnsseismograph.wire.DnsPorts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live capture on {@code lo} against a real NSD; needs root (CI runs as root). */
class LiveCaptureTest {

  @BeforeAll
  static void needsRootAndDnsSoftware() {
    assumeTrue(LocalDns.available(), "live capture needs root, nsd, unbound, dig and dnsperf");
  }

  private static LiveCaptureConfig loopback(int port, Path recording) {
    // withPorts sets the default filter for the ports; the test narrows it to the server's port.
    return LiveCaptureConfig.of("lo").withPorts(DecodeOptions.defaults().withPorts(DnsPorts.of(53, port))).withFilter("udp port " + port)
        .withRecording(Recording.toFile(recording));
  }

  private static List<String> names(String prefix, int n) {
    return IntStream.range(0, n).mapToObj(i -> prefix + i + ".w." + LocalDns.ZONE).toList();
  }

  static long events(SeriesSet set, String metric) {
    ResolvableSeries s = set.get(MetricId.of(metric));
    return s == null ? 0 : ((EventSeries) s).events();
  }

  @Test
  void everyQueryAndResponseToALocalServerIsAnalysedAndRecorded(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("live.pcap");
    try (LocalDns dns = LocalDns.nsd()) {
      LiveCapture capture = new LiveCapture(loopback(dns.nsdPort(), file));
      capture.start();
      long completed;
      try {
        completed = LocalDns.dnsperf(LocalDns.NSD_ADDRESS, dns.nsdPort(), names("a", 50), tmp);
        Thread.sleep(500);
      } finally {
        capture.stop();
      }
      assertEquals(50, completed);
      LiveSnapshot s = capture.snapshot();
      assertEquals(LiveState.STOPPED, s.state());
      LiveCounters c = s.counters();
      assertEquals(100, c.received());
      assertEquals(100, c.recorded());
      assertEquals(100, c.analyzed());
      assertEquals(50, c.queries());
      assertEquals(50, c.responses());
      assertEquals(0, c.droppedTotal());
      assertEquals(List.of(file), s.recordings());
      assertEquals(50, events(s.series(), "dns.queries"));
      assertEquals(50, events(s.series(), "dns.responses"));
      assertEquals(50, events(s.series(), "dns.rcode.NOERROR"));
      assertEquals(0, events(s.series(), "dns.unanswered"));
      assertEquals(0, events(s.series(), "capture.dropped.queue"));
      assertEquals(0, events(s.series(), "capture.dropped.kernel"));
      assertTrue(Double.isFinite(maxOf(s.series().get(MetricId.of("dns.latency.max")))), "latency of the answered queries is published");

      assumeTrue(Tshark.available(), "tshark checks the recording");
      String decodeAs = "udp.port==" + dns.nsdPort() + ",dns";
      assertEquals(100, Tshark.fields(file, List.of("-d", decodeAs), null, "frame.number").size());
      assertEquals(50, Tshark.fields(file, List.of("-d", decodeAs), "dns.flags.response == 0", "frame.number").size());
      assertEquals(50, Tshark.fields(file, List.of("-d", decodeAs), "dns.flags.response == 1 && dns.flags.rcode == 0", "frame.number").size());
    }
  }

  @Test
  void whilePausedNothingIsTakenAndTheSeriesHaveNoData(@TempDir Path tmp) throws Exception {
    try (LocalDns dns = LocalDns.nsd()) {
      LiveCapture capture = new LiveCapture(loopback(dns.nsdPort(), tmp.resolve("paused.pcap")));
      capture.start();
      long pausedFrom;
      long pausedTo;
      try {
        LocalDns.dnsperf(LocalDns.NSD_ADDRESS, dns.nsdPort(), names("before", 10), tmp);
        Thread.sleep(300);
        capture.pause();
        pausedFrom = LiveRuntime.wallNanos();
        LocalDns.dnsperf(LocalDns.NSD_ADDRESS, dns.nsdPort(), names("during", 10), tmp);
        Thread.sleep(300);
        pausedTo = LiveRuntime.wallNanos();
        capture.resume();
        LocalDns.dnsperf(LocalDns.NSD_ADDRESS, dns.nsdPort(), names("after", 10), tmp);
        Thread.sleep(300);
      } finally {
        capture.stop();
      }
      LiveCounters c = capture.snapshot().counters();
      assertEquals(60, c.received());
      assertEquals(20, c.pausedDiscarded());
      assertEquals(40, c.recorded());
      assertEquals(20, c.queries());
      assertEquals(20, c.responses());
      ResolvableSeries queries = capture.snapshot().series().get(MetricId.of("dns.queries"));
      ColumnBuffer during = new ColumnBuffer(1);
      queries.reduce(new TimeRange(pausedFrom + 50_000_000L, pausedTo - 50_000_000L), 1, during);
      assertFalse(during.hasData(0), "no data while paused");
      ColumnBuffer whole = new ColumnBuffer(1);
      queries.reduce(queries.extent(), 1, whole);
      assertEquals(20, whole.count(0), 1e-9);
    }
  }

  @Test
  void aSlowAnalysisOverflowsTheQueueWhichIsCountedWhileTheRecordingKeepsEverything(@TempDir Path tmp) throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    LiveDnsSeries real = new LiveDnsSeries();
    LiveAnalysis slow = new StalledAnalysis(real, release);
    try (LocalDns dns = LocalDns.nsd()) {
      LiveCaptureConfig config = loopback(dns.nsdPort(), tmp.resolve("overflow.pcap")).withLive(LiveOptions.defaults().withQueue(8, 1 << 20));
      LiveCapture capture = new LiveCapture(config, slow);
      capture.start();
      try {
        LocalDns.dnsperf(LocalDns.NSD_ADDRESS, dns.nsdPort(), names("o", 100), tmp);
        Thread.sleep(300);
      } finally {
        release.countDown();
        capture.stop();
      }
      LiveSnapshot s = capture.snapshot();
      LiveCounters c = s.counters();
      assertEquals(200, c.received());
      assertEquals(200, c.recorded(), "the recording keeps what the queue dropped");
      assertTrue(c.queueDropped() > 0, "the stalled worker made the queue overflow");
      assertEquals(c.received(), c.analyzed() + c.queueDropped());
      assertEquals(c.queueDropped(), events(s.series(), "capture.dropped.queue"));
      assertEquals(0, c.queueDepth());
    }
  }

  @Test
  void anInterfaceThatDoesNotExistIsRefusedNamingTheOnesThatDo() {
    LiveCapture capture = new LiveCapture(LiveCaptureConfig.of("nosuchif0"));
    CaptureException e = assertThrows(CaptureException.class, capture::start);
    assertEquals(CaptureException.Kind.NO_SUCH_INTERFACE, e.kind());
    assertTrue(e.getMessage().contains("nosuchif0") && e.getMessage().contains("lo"), e.getMessage());
    assertEquals(LiveState.FAILED, capture.snapshot().state());
    assertEquals(e.getMessage(), capture.snapshot().problem());
    capture.stop();
  }

  @Test
  void theInterfacesAreListedWithTheirAddresses() throws CaptureException {
    CaptureInterface lo = CaptureInterfaces.list().stream().filter(i -> i.name().equals("lo")).findFirst().orElseThrow();
    assertTrue(lo.loopback());
    assertTrue(lo.addresses().contains("127.0.0.1"), lo.addresses().toString());
  }

  @Test
  void aSecondStartIsRefused(@TempDir Path tmp) throws Exception {
    try (LocalDns dns = LocalDns.nsd()) {
      LiveCapture capture = new LiveCapture(loopback(dns.nsdPort(), tmp.resolve("twice.pcap")));
      capture.start();
      try {
        assertThrows(IllegalStateException.class, capture::start);
      } finally {
        capture.stop();
      }
      capture.stop();
      assertEquals(LiveState.STOPPED, capture.snapshot().state());
    }
  }

  static double maxOf(ResolvableSeries s) {
    if (s == null || s.isEmpty()) {
      return Double.NaN;
    }
    ColumnBuffer b = new ColumnBuffer(1);
    s.reduce(s.extent(), 1, b);
    return b.max(0);
  }

  /** The real analysis behind a gate: the first message waits until the test opens it, as an overloaded worker would. */
  private static final class StalledAnalysis implements LiveAnalysis {
    private final LiveAnalysis real;
    private final CountDownLatch gate;

    StalledAnalysis(LiveAnalysis real, CountDownLatch gate) {
      this.real = real;
      this.gate = gate;
    }

    @Override
    public void onMessage(DnsPayload payload, DnsMessageView view, ScanResult result, MessageRole role) {
      try {
        if (!gate.await(60, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never released the analysis");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      real.onMessage(payload, view, result, role);
    }

    @Override
    public void onSkipped(long timeNanos) {
      real.onSkipped(timeNanos);
    }

    @Override
    public void advanceTo(long timeNanos) {
      real.advanceTo(timeNanos);
    }

    @Override
    public void observed(long startNanos, long endNanos) {
      real.observed(startNanos, endNanos);
    }

    @Override
    public List<ResolvableSeries> publish() {
      return real.publish();
    }

    @Override
    public void finish() {
      real.finish();
    }
  }
}
