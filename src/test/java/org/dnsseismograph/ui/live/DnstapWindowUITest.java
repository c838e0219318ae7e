package org.dnsseismograph.ui.live;

import static org.dnsseismograph.ui.WindowDriver.await;
import static org.dnsseismograph.ui.WindowDriver.fx;
import static org.dnsseismograph.ui.WindowDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.dnsseismograph.capture.ControlType;
import org.dnsseismograph.capture.DnstapEndpoint;
import org.dnsseismograph.capture.DnstapFileReader;
import org.dnsseismograph.capture.DnstapReceiver;
import org.dnsseismograph.capture.FrameStreamReader;
import org.dnsseismograph.capture.FrameStreamSender;
import org.dnsseismograph.capture.LiveState;
import org.dnsseismograph.capture.StreamFrame;
import org.dnsseismograph.render.Lane;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.traffic.Ranked;
import org.dnsseismograph.ui.MainWindow;
import org.dnsseismograph.ui.WindowDriver;
import org.dnsseismograph.ui.panel.WindowSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A resolver's dnstap stream into the window (no root needed): Unbound's recorded stream (the
 * capture tests' fixture) sent through the Frame Streams handshake to a TCP socket on loopback
 * that the window listens on; its client and resolver messages appear as client and upstream
 * lanes, counted as BIND's dnstap-read counts them in the fixture's text.
 */
@ExtendWith(ApplicationExtension.class)
class DnstapWindowUITest {
  private static final Path FIXTURES = Path.of(System.getProperty("seismograph.test.data", "src/test/resources"), "org/dnsseismograph/capture");

  @TempDir
  static Path config;
  private MainWindow window;
  private LiveTimeline live;

  @Start
  void start(Stage stage) {
    window = WindowDriver.emptyWindow(stage, config);
    live = LiveWindow.of(window).orElseThrow().live();
  }

  @AfterEach
  void close() throws InterruptedException {
    LiveWindowUITest.closeSettled(live, window);
  }

  /** Messages of a kind (CQ, CR, RQ, RR) in dnstap-read's text of the fixture. */
  private static long peerCount(String kind) throws IOException {
    return Files.readAllLines(FIXTURES.resolve("unbound.dnstap-read.txt")).stream().filter(l -> l.split(" ")[2].equals(kind)).count();
  }

  private static List<byte[]> fixtureFrames() throws Exception {
    List<byte[]> frames = new ArrayList<>();
    try (InputStream in = Files.newInputStream(FIXTURES.resolve("unbound.dnstap"))) {
      FrameStreamReader r = new FrameStreamReader(in);
      for (StreamFrame f = r.next(); f != null; f = r.next()) {
        if (f instanceof StreamFrame.Data d) {
          frames.add(d.bytes());
        }
      }
    }
    return frames;
  }

  /** Starts a dnstap source on a TCP port of loopback and sends it the fixture's stream; returns once every message was analysed. */
  private LiveSession sendFixture(List<byte[]> frames) throws Exception {
    LiveSession s = fx(() -> live.start(LiveRequest.dnstap(DnstapEndpoint.parse("tcp:127.0.0.1:0"))));
    await("the receiver to listen", () -> s.stateProperty().get() == LiveState.RUNNING);
    InetSocketAddress bound = (InetSocketAddress) ((DnstapReceiver) s.source()).boundAddress();
    try (FrameStreamSender sender = new FrameStreamSender(bound)) {
      assertEquals(new StreamFrame.Control(ControlType.ACCEPT, List.of(DnstapFileReader.CONTENT_TYPE)), sender.ready(DnstapFileReader.CONTENT_TYPE));
      sender.start();
      sender.send(frames);
      assertEquals(new StreamFrame.Control(ControlType.FINISH, List.of()), sender.stop());
    }
    long all = peerCount("CQ") + peerCount("CR") + peerCount("RQ") + peerCount("RR");
    await("every message analysed", () -> s.snapshot().counters().dnsMessages() == all);
    return s;
  }

  @Test
  void aResolversStreamShowsAsClientAndUpstreamLanes() throws Exception {
    List<byte[]> frames = fixtureFrames();
    LiveSession s = sendFixture(frames);
    InetSocketAddress bound = (InetSocketAddress) ((DnstapReceiver) s.source()).boundAddress();
    long all = peerCount("CQ") + peerCount("CR") + peerCount("RQ") + peerCount("RR");
    assertEquals(frames.size(), fx(() -> s.snapshot().counters().received()));
    assertEquals(peerCount("CQ") + peerCount("RQ"), fx(() -> s.snapshot().counters().queries()));
    String name = s.name();
    assertEquals("dnstap tcp:127.0.0.1:" + bound.getPort(), name, "the port the system gave, not the 0 asked for");
    await("the client and upstream lanes", () -> window.timeline().plan().visibleLanes().stream().anyMatch(l -> l.key().equals(name + "/upstream.rate")));
    List<String> shown = fx(() -> window.timeline().plan().visibleLanes().stream().map(Lane::key).toList());
    assertTrue(shown.containsAll(List.of(name + "/client.rate", name + "/client.rcode", name + "/upstream.rate", name + "/drops")), shown.toString());
    String status = fx(() -> ((Label) window.scene().lookup("#live-status")).getText());
    assertTrue(status.startsWith(name + " · live · " + frames.size() + " dnstap frames · " + all + " DNS messages · 0 senders"), status);
    assertEquals("live drops: our queue 0", fx(() -> ((Label) window.scene().lookup("#status-live-drops")).getText()));
    // No file is open, but the sources panel does not say there is no source: it names the live one.
    await("the sources panel to name the live source", () -> ((Label) window.scene().lookup("#sources-empty")).getText().contains("Live: " + name));
    String empty = fx(() -> ((Label) window.scene().lookup("#sources-empty")).getText());
    assertTrue(empty.startsWith("No file yet. Live: " + name + " (in the live bar below)."), empty);
  }

  @Test
  void theSidePanelSumsTheStreamsTransactionsTellingClientsFromAuthoritativeServers() throws Exception {
    List<String[]> queries = Files.readAllLines(FIXTURES.resolve("unbound.dnstap-read.txt")).stream().map(l -> l.split(" "))
        .filter(f -> f[2].equals("CQ") || f[2].equals("RQ")).toList();
    // dnstap-read prints the messages' times in the zone of the machine that wrote the fixture: UTC.
    DateTimeFormatter stamp = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss.SSS", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (String[] f : queries) {
      long t = TimeUnits.toNanos(Instant.from(stamp.parse(f[0] + " " + f[1])));
      first = Math.min(first, t);
      last = Math.max(last, t);
    }
    // The stream is replayed as if Unbound had sent it ten seconds ago, so it lies within the live view's reach.
    long shift = Instant.now().getEpochSecond() - 10 - first / TimeUnits.NANOS_PER_SECOND;
    List<byte[]> frames = new ArrayList<>();
    for (byte[] f : fixtureFrames()) {
      frames.add(DnstapTimes.shifted(f, shift));
    }
    sendFixture(frames);
    long shiftNanos = shift * TimeUnits.NANOS_PER_SECOND;
    TimeRange around = new TimeRange(first + shiftNanos - TimeUnits.NANOS_PER_SECOND, last + shiftNanos + TimeUnits.NANOS_PER_SECOND);
    // The analyst looks back at the stream's moment; the view no longer follows the present.
    fxRun(() -> {
      live.stopFollowing();
      window.timeline().zoomTo(around);
    });
    // The rows are held once the source's clock is a timeout past them: idle, it follows the wall clock.
    await("the panel to sum the stream's transactions", () -> {
      WindowSummary w = window.sidePanel().summaryProperty().get();
      return w != null && w.range().equals(window.timeline().visibleRange()) && w.transactions() == queries.size();
    });
    WindowSummary w = fx(() -> window.sidePanel().summaryProperty().get());
    assertTrue(w.byRole(), "the stream says which queries are a client's: the resolver is known");
    assertTrue(!w.cutShort());
    // Peer: BIND's dnstap-read. The clients' questions (CQ) by name, the resolver's (RQ) by the server asked.
    Map<String, Long> names = new TreeMap<>();
    Map<String, Long> servers = new TreeMap<>();
    Map<String, Long> clients = new TreeMap<>();
    for (String[] f : queries) {
      if (f[2].equals("CQ")) {
        names.merge(f[8].substring(0, f[8].indexOf('/')), 1L, Long::sum);
        clients.merge(f[3].substring(0, f[3].lastIndexOf(':')), 1L, Long::sum);
      } else {
        servers.merge(f[5].substring(0, f[5].lastIndexOf(':')), 1L, Long::sum);
      }
    }
    assertEquals(names, asMap(w.qnames()));
    assertEquals(clients, asMap(w.clients()));
    assertEquals(servers, asMap(w.servers()));
    String said = fx(() -> ((Label) window.scene().lookup("#side-panel-range")).getText());
    assertTrue(said.endsWith(", " + queries.size() + " transactions"), said);
  }

  private static Map<String, Long> asMap(List<Ranked<String>> ranked) {
    Map<String, Long> m = new TreeMap<>();
    ranked.forEach(r -> m.put(r.key(), r.count()));
    return m;
  }
}
