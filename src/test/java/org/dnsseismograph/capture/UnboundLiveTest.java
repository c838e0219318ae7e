package org.dnsseismograph.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.dnsseismograph.analysis.CaptureLoader;
import org.dnsseismograph.analysis.LoadRequest;
import org.dnsseismograph.analysis.LoadResult;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.testsupport.Tshark;
import org.dnsseismograph.traffic.RecentTraffic;
import org.dnsseismograph.traffic.ResolverRole;
import org.dnsseismograph.traffic.TransactionSnapshot;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.DnsPorts;
import org.dnsseismograph.wire.IpAddress;
import org.dnsseismograph.wire.SkipCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof with real software: a real Unbound on loopback, stubbed to a real NSD, logs dnstap to
 * our receiver while we capture its port on {@code lo} and tcpdump records the same port; dnsperf
 * and dig send a known number of queries. Needs root, unbound, nsd, dnsperf, dig, tcpdump, tshark.
 */
class UnboundLiveTest {
  private static final int UDP_QUERIES = 200;
  private static final int TCP_QUERIES = 2;
  private static final int QUERIES = UDP_QUERIES + TCP_QUERIES;

  @Test
  void captureAndDnstapReportExactlyTheQueriesSentAndTheRecordingHoldsWhatTcpdumpHolds(@TempDir Path tmp) throws Exception {
    assumeTrue(LocalDns.available() && Files.isExecutable(Path.of("/usr/bin/tcpdump")) && Tshark.available(),
        "needs root, unbound, nsd, dnsperf, dig, tcpdump and tshark");
    // The socket lives where CI's AppArmor rule lets Unbound reach it (/tmp/seismograph-lab.*).
    Path socketDir = Files.createTempDirectory(Path.of("/tmp"), "seismograph-lab.dnstap-");
    Path socket = socketDir.resolve("dnstap.sock");
    DnstapReceiver receiver = new DnstapReceiver(DnstapReceiverConfig.of(new DnstapEndpoint.Unix(socket))
        .withRecording(Recording.toFile(tmp.resolve("received.dnstap"))));
    receiver.start();
    Tcpdump tcpdump = null;
    LiveCapture capture = null;
    try (LocalDns dns = LocalDns.withUnbound(socket)) {
      await(receiver, c -> c.connections() >= 1, "Unbound connected to the dnstap socket");
      int port = dns.unboundPort();
      Path ours = tmp.resolve("ours.pcap");
      Path theirs = tmp.resolve("tcpdump.pcap");
      tcpdump = new Tcpdump(port, theirs);
      capture = new LiveCapture(LiveCaptureConfig.of("lo").withPorts(DecodeOptions.defaults().withPorts(DnsPorts.of(53, port)))
          .withFilter("port " + port).withRecording(Recording.toFile(ours)));
      capture.start();

      List<String> names = IntStream.range(0, UDP_QUERIES).mapToObj(i -> "q" + i + ".w." + LocalDns.ZONE).toList();
      assertEquals(UDP_QUERIES, LocalDns.dnsperf(LocalDns.UNBOUND_ADDRESS, port, names, tmp));
      for (int i = 0; i < TCP_QUERIES; i++) {
        assertTrue(LocalDns.dig(LocalDns.UNBOUND_ADDRESS, port, "tcp" + i + ".w." + LocalDns.ZONE, true));
      }
      // Let libpcap hand over its last buffer block (50 ms) and tcpdump write its own.
      Thread.sleep(1000);
      capture.stop();
      long tcpdumpCounted = tcpdump.stop();
      await(receiver, c -> c.dnsMessages() >= 4L * QUERIES, "Unbound's dnstap messages arrived");
      Thread.sleep(500);
      receiver.stop();

      checkCapture(capture.snapshot(), ours, theirs, tcpdumpCounted);
      checkDnstap(receiver.snapshot());
      checkDnstapRecording(receiver.snapshot());
    } finally {
      if (capture != null) {
        capture.stop();
      }
      if (tcpdump != null) {
        tcpdump.kill();
      }
      receiver.stop();
      Files.deleteIfExists(socket);
      Files.deleteIfExists(socketDir);
    }
  }

  private static void checkCapture(LiveSnapshot s, Path ours, Path theirs, long tcpdumpCounted) throws IOException {
    LiveCounters c = s.counters();
    assertEquals(0, c.droppedTotal(), "no drops by the kernel or our queue");
    assertEquals(QUERIES, c.queries());
    assertEquals(QUERIES, c.responses());
    SeriesSet set = s.series();
    assertEquals(QUERIES, LiveCaptureTest.events(set, "dns.queries"));
    assertEquals(QUERIES, LiveCaptureTest.events(set, "dns.responses"));
    assertEquals(QUERIES, LiveCaptureTest.events(set, "dns.rcode.NOERROR"));
    assertEquals(0, LiveCaptureTest.events(set, "dns.unanswered"));
    long theirFrames = Tshark.fields(theirs, List.of(), null, "frame.number").size();
    long ourFrames = Tshark.fields(ours, List.of(), null, "frame.number").size();
    assertEquals(tcpdumpCounted, theirFrames, "tcpdump's file holds what tcpdump says it captured");
    assertEquals(theirFrames, ourFrames, "our recording holds as many packets as tcpdump's");
    assertEquals(ourFrames, c.recorded());
    assertEquals(ourFrames, c.received());

    // The side panel's rows: one transaction per query sent, each name once; a capture does not say who the resolver is.
    RecentTraffic recent = s.transactions();
    assertEquals(QUERIES, recent.size());
    assertEquals(0, recent.leftOut());
    assertEquals(List.of(), recent.resolvers());
    List<String> expected = new ArrayList<>(IntStream.range(0, UDP_QUERIES).mapToObj(i -> "q" + i + ".w." + LocalDns.ZONE).toList());
    IntStream.range(0, TCP_QUERIES).forEach(i -> expected.add("tcp" + i + ".w." + LocalDns.ZONE));
    assertEquals(expected.stream().sorted().toList(), heldNames(recent, null).stream().sorted().toList());
  }

  /** The question names of the rows held, of those sent to {@code server} only when it is not null. */
  private static List<String> heldNames(RecentTraffic recent, IpAddress server) {
    List<String> names = new ArrayList<>();
    for (TransactionSnapshot part : recent.parts()) {
      for (int i = 0; i < part.size(); i++) {
        if (server == null || part.server(i).equals(server)) {
          names.add(part.qname(i));
        }
      }
    }
    return names;
  }

  private static void checkDnstap(LiveSnapshot s) {
    LiveCounters c = s.counters();
    assertEquals(4L * QUERIES, c.received());
    assertEquals(4L * QUERIES, c.dnsMessages());
    assertEquals(List.of(), c.skipped());
    assertEquals(0, c.queueDropped());
    SeriesSet set = s.series();
    assertEquals(QUERIES, LiveCaptureTest.events(set, "client.queries"));
    assertEquals(QUERIES, LiveCaptureTest.events(set, "client.responses"));
    assertEquals(QUERIES, LiveCaptureTest.events(set, "upstream.queries"));
    assertEquals(QUERIES, LiveCaptureTest.events(set, "upstream.responses"));
    assertEquals(2L * QUERIES, LiveCaptureTest.events(set, "dns.queries"));
    assertEquals(0, LiveCaptureTest.events(set, "client.unanswered"));
    assertNotNull(set.get(MetricId.of("upstream.timeouts")), "named as the file path names it, so the upstream lane draws it");
    assertEquals(0, LiveCaptureTest.events(set, "upstream.timeouts"));

    // Client and resolver transactions alike; the clients' queries name the resolver.
    RecentTraffic recent = s.transactions();
    assertEquals(2L * QUERIES, recent.size());
    IpAddress resolver = IpAddress.parse(LocalDns.UNBOUND_ADDRESS);
    assertEquals(List.of(resolver), recent.resolvers());
    List<String> asked = heldNames(recent, resolver);
    assertEquals(QUERIES, asked.size(), "one transaction per client query");
    assertTrue(asked.containsAll(List.of("q0.w." + LocalDns.ZONE, "q199.w." + LocalDns.ZONE, "tcp1.w." + LocalDns.ZONE)), asked.toString());
  }

  private static void checkDnstapRecording(LiveSnapshot s) throws IOException {
    assertEquals(1, s.recordings().size());
    long[] messages = new long[1];
    DnstapFileSummary summary = DnstapFileReader.read(s.recordings().get(0), (payload, m) -> messages[0]++, new SkipCounter(), Progress.NONE);
    assertTrue(summary.complete());
    assertEquals(4L * QUERIES, summary.messages());
    assertEquals("live-test", summary.identity());

    // Reopened as the window and the command line open a dnstap log: the queries sent, on both sides, all answered.
    LoadResult r = new CaptureLoader(new LoadRequest(s.recordings(), DecodeOptions.defaults().withMessages(DnstapFiles.INSTANCE),
        3_000_000_000L)).load(Progress.NONE, x -> {});
    SeriesSet set = r.snapshot().series();
    assertEquals(QUERIES, LiveCaptureTest.events(set, "client.queries"));
    assertEquals(QUERIES, LiveCaptureTest.events(set, "client.rcode.NOERROR"));
    assertEquals(QUERIES, LiveCaptureTest.events(set, "upstream.queries"));
    assertEquals(0, LiveCaptureTest.events(set, "client.unanswered"));
    assertEquals(2L * QUERIES, r.snapshot().transactions().size());
    assertEquals(List.of(IpAddress.parse(LocalDns.UNBOUND_ADDRESS)), r.snapshot().resolvers().stream().map(ResolverRole::address).toList());
  }

  /** tcpdump recording {@code port} on lo, stopped with SIGINT so it writes its statistics. */
  private static final class Tcpdump {
    private final Process process;
    private final CompletableFuture<String> stats;

    Tcpdump(int port, Path file) throws IOException {
      process = new ProcessBuilder("/usr/bin/tcpdump", "-i", "lo", "-n", "-s", "0", "-U", "-w", file.toString(), "port " + port).start();
      BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
      String line = err.readLine();
      if (line == null || !line.contains("listening on")) {
        process.destroyForcibly();
        throw new IOException("tcpdump did not start: " + line);
      }
      stats = CompletableFuture.supplyAsync(() -> {
        List<String> lines = new ArrayList<>();
        try {
          String l;
          while ((l = err.readLine()) != null) {
            lines.add(l);
          }
        } catch (IOException e) {
          lines.add(e.toString());
        }
        return String.join("\n", lines);
      });
    }

    /** Stops tcpdump as Ctrl-C would and returns what it says it captured. */
    long stop() throws Exception {
      LocalDns.run(List.of("/bin/kill", "-INT", Long.toString(process.pid())), 10);
      assertTrue(process.waitFor(10, TimeUnit.SECONDS), "tcpdump stopped");
      return capturedCount(stats.get(10, TimeUnit.SECONDS));
    }

    void kill() {
      process.destroyForcibly();
    }
  }

  private static long capturedCount(String tcpdumpStats) {
    Matcher m = Pattern.compile("(\\d+) packets? captured").matcher(tcpdumpStats);
    assertTrue(m.find(), tcpdumpStats);
    Matcher dropped = Pattern.compile("(\\d+) packets? dropped by kernel").matcher(tcpdumpStats);
    assertTrue(dropped.find() && dropped.group(1).equals("0"), "tcpdump dropped nothing: " + tcpdumpStats);
    return Long.parseLong(m.group(1));
  }

  private static void await(LiveSource source, Predicate<LiveCounters> condition, String what) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      if (condition.test(source.snapshot().counters())) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("timed out waiting until " + what + "; counters " + source.snapshot().counters());
  }
}
