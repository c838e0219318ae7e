package org.dnsseismograph.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.series.ColumnBuffer;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.wire.SkipCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The receiver over TCP loopback and Unix sockets, with our own writer as the sender (no root needed). */
class DnstapReceiverTest {

  private static DnstapReceiver tcpReceiver(LiveOptions live) throws CaptureException {
    DnstapReceiver r = new DnstapReceiver(DnstapReceiverConfig.of(DnstapEndpoint.tcpLoopback(0)).withLive(live));
    r.start();
    return r;
  }

  static void await(LiveSource source, Predicate<LiveCounters> condition) throws InterruptedException {
    for (int i = 0; i < 200 && !condition.test(source.snapshot().counters()); i++) {
      Thread.sleep(25);
    }
    assertTrue(condition.test(source.snapshot().counters()), "condition on " + source.snapshot().counters());
  }

  @Test
  void aBidirectionalSenderIsAcceptedAndItsMessagesReachTheRoleSeries() throws Exception {
    List<LiveSnapshot> published = new CopyOnWriteArrayList<>();
    DnstapReceiver receiver = tcpReceiver(LiveOptions.defaults().withListener(published::add));
    try (FrameStreamSender s = new FrameStreamSender(receiver.boundAddress())) {
      assertEquals(new StreamFrame.Control(ControlType.ACCEPT, List.of(DnstapFileReader.CONTENT_TYPE)),
          s.ready("protobuf:something.Else", DnstapFileReader.CONTENT_TYPE));
      s.start();
      s.send(FrameStreamsTest.fixtureFrames());
      assertEquals(new StreamFrame.Control(ControlType.FINISH, List.of()), s.stop());
    }
    await(receiver, c -> c.dnsMessages() == 28 && c.connections() == 0);
    receiver.stop();

    LiveSnapshot last = receiver.snapshot();
    assertEquals(LiveState.STOPPED, last.state());
    assertEquals(28, last.counters().received());
    assertEquals(7, LiveCaptureTest.events(last.series(), "client.queries"));
    assertEquals(7, LiveCaptureTest.events(last.series(), "client.responses"));
    assertEquals(7, LiveCaptureTest.events(last.series(), "upstream.queries"));
    assertEquals(7, LiveCaptureTest.events(last.series(), "upstream.responses"));
    assertEquals(14, LiveCaptureTest.events(last.series(), "dns.queries"));
    assertEquals(1, LiveCaptureTest.events(last.series(), "client.rcode.NXDOMAIN"));
    assertEquals(1, LiveCaptureTest.events(last.series(), "upstream.rcode.NXDOMAIN"));
    assertEquals(0, LiveCaptureTest.events(last.series(), "client.unanswered"));
    assertTrue(Double.isFinite(LiveCaptureTest.maxOf(last.series().get(org.dnsseismograph.series.MetricId.of("upstream.latency.max")))));
    // Every snapshot went to the listener, in order, the last one included.
    assertEquals(last, published.get(published.size() - 1));
    for (int i = 1; i < published.size(); i++) {
      assertEquals(published.get(i - 1).sequence() + 1, published.get(i).sequence());
    }
  }

  @Test
  void snapshotsComeAtTheFrameRateNotPerMessage() throws Exception {
    List<LiveSnapshot> published = new CopyOnWriteArrayList<>();
    DnstapReceiver receiver = tcpReceiver(LiveOptions.defaults().withPublishInterval(100_000_000L).withListener(published::add));
    long t0 = System.nanoTime();
    try (FrameStreamSender s = new FrameStreamSender(receiver.boundAddress())) {
      s.ready(DnstapFileReader.CONTENT_TYPE);
      s.start();
      for (int i = 0; i < 50; i++) {
        s.send(FrameStreamsTest.fixtureFrames());
      }
      s.stop();
    }
    await(receiver, c -> c.dnsMessages() == 50 * 28);
    Thread.sleep(300);
    receiver.stop();
    double seconds = (System.nanoTime() - t0) / 1e9;
    // 1,400 messages; one snapshot per 100 ms (plus the last one), not one per message.
    assertTrue(published.size() <= seconds * 10 + 2, published.size() + " snapshots in " + seconds + " s");
    assertTrue(published.size() >= 3, published.size() + " snapshots");
  }

  @Test
  void framesWhilePausedAreDiscardedAndCounted() throws Exception {
    DnstapReceiver receiver = tcpReceiver(LiveOptions.defaults());
    List<byte[]> frames = FrameStreamsTest.fixtureFrames();
    try (FrameStreamSender s = new FrameStreamSender(receiver.boundAddress())) {
      s.ready(DnstapFileReader.CONTENT_TYPE);
      s.start();
      s.send(frames);
      await(receiver, c -> c.received() == 28);
      receiver.pause();
      s.send(frames);
      await(receiver, c -> c.received() == 56);
      receiver.resume();
      s.send(frames);
      s.stop();
    }
    await(receiver, c -> c.dnsMessages() == 56);
    receiver.stop();
    LiveCounters c = receiver.snapshot().counters();
    assertEquals(84, c.received());
    assertEquals(28, c.pausedDiscarded());
    assertEquals(56, c.analyzed());
  }

  @Test
  void aSenderOfAnotherContentTypeIsNotAcceptedAndItIsCounted() throws Exception {
    DnstapReceiver receiver = tcpReceiver(LiveOptions.defaults());
    try (FrameStreamSender s = new FrameStreamSender(receiver.boundAddress())) {
      assertNull(s.ready("protobuf:something.Else"), "the receiver closes without ACCEPT");
    }
    await(receiver, c -> c.skippedTotal() == 1);
    receiver.stop();
    assertEquals(DnstapSkip.CONTENT_TYPE, receiver.snapshot().counters().skipped().get(0).reason());
  }

  @Test
  void sendersBeyondTheLimitAreRefused() throws Exception {
    DnstapReceiver receiver = new DnstapReceiver(DnstapReceiverConfig.of(DnstapEndpoint.tcpLoopback(0)).withMaxConnections(1));
    receiver.start();
    try (FrameStreamSender first = new FrameStreamSender(receiver.boundAddress()); FrameStreamSender second = new FrameStreamSender(receiver.boundAddress())) {
      first.ready(DnstapFileReader.CONTENT_TYPE);
      assertNull(second.ready(DnstapFileReader.CONTENT_TYPE), "the second sender is closed at once");
      await(receiver, c -> c.connections() == 1);
    } finally {
      receiver.stop();
    }
  }

  @Test
  void receivedFramesAreRecordedAsADnstapFileThatReadsBack(@TempDir Path dir) throws Exception {
    DnstapReceiver receiver = new DnstapReceiver(DnstapReceiverConfig.of(DnstapEndpoint.tcpLoopback(0))
        .withRecording(Recording.toFile(dir.resolve("rec.dnstap"))));
    receiver.start();
    try (FrameStreamSender s = new FrameStreamSender(receiver.boundAddress())) {
      s.ready(DnstapFileReader.CONTENT_TYPE);
      s.start();
      s.send(FrameStreamsTest.fixtureFrames());
      s.stop();
    }
    await(receiver, c -> c.dnsMessages() == 28);
    receiver.stop();
    assertEquals(List.of(dir.resolve("rec.dnstap")), receiver.snapshot().recordings());
    assertEquals(28, receiver.snapshot().counters().recorded());
    List<byte[]> back = FrameStreamsTest.framesOf(dir.resolve("rec.dnstap"));
    List<byte[]> sent = FrameStreamsTest.fixtureFrames();
    assertEquals(sent.size(), back.size());
    for (int i = 0; i < sent.size(); i++) {
      assertEquals(java.nio.ByteBuffer.wrap(sent.get(i)), java.nio.ByteBuffer.wrap(back.get(i)));
    }
    assertTrue(DnstapFileReader.read(dir.resolve("rec.dnstap"), (p, m) -> { }, new SkipCounter(), Progress.NONE).complete());
    assertEquals(Files.size(dir.resolve("rec.dnstap")), receiver.snapshot().counters().recordedBytes());
  }

  @Test
  void aStaleUnixSocketIsReusedAndRemovedAtStop(@TempDir Path dir) throws Exception {
    Path path = dir.resolve("stale.sock");
    ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(path));
    crashed.close();
    assertTrue(Files.exists(path), "closing a Unix server socket leaves its file behind");
    DnstapReceiver receiver = new DnstapReceiver(DnstapReceiverConfig.of(new DnstapEndpoint.Unix(path)));
    receiver.start();
    try (FrameStreamSender s = new FrameStreamSender(UnixDomainSocketAddress.of(path))) {
      assertEquals(ControlType.ACCEPT, ((StreamFrame.Control) s.ready(DnstapFileReader.CONTENT_TYPE)).type());
    } finally {
      receiver.stop();
    }
    assertTrue(Files.notExists(path));
  }

  @Test
  void aSocketSomebodyListensOnAndAPlainFileAreRefused(@TempDir Path dir) throws Exception {
    Path live = dir.resolve("live.sock");
    try (ServerSocketChannel other = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(live))) {
      assertTrue(other.isOpen());
      CaptureException e = assertThrows(CaptureException.class, () -> new DnstapReceiver(DnstapReceiverConfig.of(new DnstapEndpoint.Unix(live))).start());
      assertEquals(CaptureException.Kind.ADDRESS_IN_USE, e.kind());
    }
    Path file = Files.writeString(dir.resolve("plain"), "x");
    CaptureException e = assertThrows(CaptureException.class, () -> new DnstapReceiver(DnstapReceiverConfig.of(new DnstapEndpoint.Unix(file))).start());
    assertEquals(CaptureException.Kind.ADDRESS_IN_USE, e.kind());
    assertEquals("x", Files.readString(file), "the file is left alone");
  }

  @Test
  void aTcpPortInUseIsRefused() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      DnstapReceiver receiver = new DnstapReceiver(DnstapReceiverConfig.of(new DnstapEndpoint.Tcp(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), taken.getLocalPort()))));
      CaptureException e = assertThrows(CaptureException.class, receiver::start);
      assertEquals(CaptureException.Kind.ADDRESS_IN_USE, e.kind());
      assertEquals(LiveState.FAILED, receiver.snapshot().state());
    }
  }

  /** Asked for port 0, the receiver names the port the system gave it: a resolver pointed at its name reaches it. */
  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "[::1]"})
  void aReceiverOnPortZeroIsNamedByThePortItBound(String host) throws Exception {
    DnstapReceiver receiver = new DnstapReceiver(DnstapReceiverConfig.of(DnstapEndpoint.parse("tcp:" + host + ":0")));
    assertEquals("dnstap tcp:" + host + ":0", receiver.name(), "before the start, what was asked");
    receiver.start();
    try {
      int port = ((InetSocketAddress) receiver.boundAddress()).getPort();
      assertTrue(port > 0, "bound to " + receiver.boundAddress());
      String name = "dnstap tcp:" + host + ":" + port;
      assertEquals(name, receiver.name());
      assertEquals("tcp:" + host + ":" + port, receiver.endpoint().toString());
      assertEquals(name, receiver.snapshot().sourceName(), "the first snapshot after the start");
      DnstapEndpoint reported = DnstapEndpoint.parse(receiver.name().substring("dnstap ".length()));
      try (FrameStreamSender s = new FrameStreamSender(reported.address())) {
        assertEquals(ControlType.ACCEPT, ((StreamFrame.Control) s.ready(DnstapFileReader.CONTENT_TYPE)).type());
        s.start();
        s.send(FrameStreamsTest.fixtureFrames());
        s.stop();
      }
      await(receiver, c -> c.dnsMessages() == 28);
    } finally {
      receiver.stop();
    }
    LiveSnapshot last = receiver.snapshot();
    assertEquals(receiver.name(), last.sourceName());
    assertEquals(receiver.name(), last.series().sourceName(), "the lanes' legend");
  }

  @Test
  void aUnixEndpointKeepsItsName(@TempDir Path dir) throws Exception {
    Path path = dir.resolve("named.sock");
    DnstapReceiver receiver = new DnstapReceiver(DnstapReceiverConfig.of(new DnstapEndpoint.Unix(path)));
    receiver.start();
    receiver.stop();
    assertEquals("dnstap unix:" + path, receiver.name());
    assertEquals(new DnstapEndpoint.Unix(path), receiver.endpoint());
    assertEquals("dnstap unix:" + path, receiver.snapshot().sourceName());
  }

  @Test
  void endpointsParseFromText() {
    assertEquals(new DnstapEndpoint.Unix(Path.of("/run/dnstap.sock")), DnstapEndpoint.parse("unix:/run/dnstap.sock"));
    assertEquals(new DnstapEndpoint.Unix(Path.of("/run/dnstap.sock")), DnstapEndpoint.parse("/run/dnstap.sock"));
    assertEquals("tcp:127.0.0.1:6000", DnstapEndpoint.parse("6000").toString());
    assertEquals("tcp:127.0.0.2:6000", DnstapEndpoint.parse("tcp:127.0.0.2:6000").toString());
    assertEquals("tcp:[::1]:6000", DnstapEndpoint.parse("[::1]:6000").toString());
    assertEquals("tcp:[2001:db8::53]:6000", DnstapEndpoint.parse("tcp:[2001:DB8:0:0:0:0:0:53]:6000").toString());
    for (String text : List.of("tcp:127.0.0.2:6000", "tcp:[::1]:6000", "tcp:[2001:db8::53]:53", "unix:/run/dnstap.sock")) {
      assertEquals(text, DnstapEndpoint.parse(DnstapEndpoint.parse(text).toString()).toString());
    }
    assertThrows(IllegalArgumentException.class, () -> DnstapEndpoint.parse("example.org:6000"));
    assertThrows(IllegalArgumentException.class, () -> DnstapEndpoint.parse("127.0.0.1:99999"));
  }

  @Test
  void theSeriesHaveNoDataBeforeTheStartAndZerosWhileQuiet() throws Exception {
    DnstapReceiver receiver = tcpReceiver(LiveOptions.defaults());
    long started = LiveRuntime.wallNanos();
    Thread.sleep(400);
    receiver.stop();
    ResolvableSeries queries = receiver.snapshot().series().get(org.dnsseismograph.series.MetricId.of("dns.queries"));
    ColumnBuffer b = new ColumnBuffer(2);
    queries.reduce(new org.dnsseismograph.series.TimeRange(started - 1_000_000_000L, started + 300_000_000L), 2, b);
    List<Boolean> data = new ArrayList<>(List.of(b.hasData(0), b.hasData(1)));
    assertEquals(List.of(false, true), data, "before the start no data; observed quiet is zero");
    assertEquals(0, b.value(1), 1e-12);
  }
}
