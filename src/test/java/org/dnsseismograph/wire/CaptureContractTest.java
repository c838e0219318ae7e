package org.dnsseismograph.wire;

import org.dnsseismograph.testsupport.Captures;
import org.dnsseismograph.testsupport.Tshark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dnsseismograph.common.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real capture under {@code src/test/resources/pcap/} read by us and by tshark, the trusted
 * peer: the same frames with the same first and last timestamps, and the same DNS messages
 * (frame number and DNS id of each, in order).
 *
 * <p>The peer is asked for what we define as a DNS message: one on a DNS port (tshark also
 * follows a conversation onto fuzzed non-DNS ports in ndpi-fuzz-2006-06-26-2594.pcap), not quoted
 * inside an ICMP error, with TCP out-of-order segments reassembled (tshark's
 * {@code tcp.reassemble_out_of_order}, off by default; without it tshark drops the 27 messages
 * that follow reordered segments in pktvisor-dns_udp_tcp_random.pcap).
 */
class CaptureContractTest {
  /** Files where we and tshark must differ, and why. */
  private static final Map<String, String> DIFFERENT = Map.of(
      "dnscap-dnso1tcp-bighole.pcap",
      "segments are missing from both directions; tshark with out-of-order reassembly waits for them forever and "
          + "without it loses the queries after the hole, while we resynchronise on the next message start "
          + "(checked against the intact capture in bigHoleYieldsEveryMessageWhoseSegmentsSurvived)");

  /** tshark's frame.time_epoch per file, asked once. */
  private static final Map<Path, List<String>> TIMES = new java.util.concurrent.ConcurrentHashMap<>();

  private static List<String> times(Path file) throws IOException {
    List<String> cached = TIMES.get(file);
    if (cached == null) {
      cached = Tshark.fields(file, List.of(), null, "frame.time_epoch");
      TIMES.put(file, cached);
    }
    return cached;
  }

  @BeforeAll
  static void tsharkIsInstalled() {
    assumeTrue(Tshark.available(), "tshark is the trusted peer; install it (Debian package tshark)");
  }

  static List<Path> captures() throws IOException {
    return Captures.captures();
  }

  static List<Path> capturesTsharkAgreesOn() throws IOException {
    return Captures.captures().stream().filter(p -> !DIFFERENT.containsKey(p.getFileName().toString())).toList();
  }

  @ParameterizedTest
  @MethodSource("captures")
  void framesAndTheirFirstAndLastTimestampsEqualTsharks(Path file) throws IOException {
    List<String> times = times(file);
    SkipCounter skips = new SkipCounter();
    List<Long> ours = new ArrayList<>();
    try (FrameReader reader = CaptureFiles.open(file, skips)) {
      RawFrame f = new RawFrame();
      while (reader.next(f)) {
        ours.add(f.timestampNanos);
        assertEquals(ours.size(), f.frameNumber);
      }
    }
    assertEquals(times.size(), ours.size(), "frames");
    assertEquals(Tshark.epochNanos(times.get(0)), ours.get(0), "first timestamp");
    assertEquals(Tshark.epochNanos(times.get(times.size() - 1)), ours.get(ours.size() - 1), "last timestamp");
    assertEquals(List.of(), skips.snapshot(), "every fixture is a whole, valid file");
  }

  @ParameterizedTest
  @MethodSource("capturesTsharkAgreesOn")
  void dnsMessagesEqualTsharksFrameByFrame(Path file) throws IOException {
    List<String> expected = tsharkMessages(file);
    List<String> ours = new ArrayList<>();
    CaptureScanner.scan(List.of(file), Captures.optionsFor(file), p -> ours.add(p.frameNumber + ":" + dnsId(p)),
        Progress.NONE);
    assertEquals(expected, ours);
  }

  @ParameterizedTest
  @MethodSource("captures")
  void scanSummaryCountsFramesAndSpansTheEarliestToTheLatestTimestamp(Path file) throws IOException {
    List<Long> times = times(file).stream().map(Tshark::epochNanos).toList();
    long[] messages = new long[1];
    ScanSummary s = CaptureScanner.scan(List.of(file), Captures.optionsFor(file), p -> messages[0]++, Progress.NONE);
    assertEquals(times.size(), s.frames());
    assertEquals(times.stream().mapToLong(Long::longValue).min().orElseThrow(), s.firstTimestampNanos());
    assertEquals(times.stream().mapToLong(Long::longValue).max().orElseThrow(), s.lastTimestampNanos());
    assertEquals(messages[0], s.dnsMessages());
    assertEquals(file.toFile().length(), s.bytes());
  }

  /**
   * dnscap-dnso1tcp-bighole.pcap is dnscap-dnso1tcp.pcap with segments removed. Every message we
   * recover must be in the intact capture byte for byte, and we must recover exactly the messages
   * whose TCP segments (per tshark on the intact file) all survived in the holed one.
   */
  @Test
  void bigHoleYieldsEveryMessageWhoseSegmentsSurvived() throws IOException {
    Path intact = Captures.file("dnscap-dnso1tcp.pcap");
    Path holed = Captures.file("dnscap-dnso1tcp-bighole.pcap");
    Set<String> survivingTimes = new HashSet<>(times(holed));
    List<String> intactTimes = times(intact);
    long expected = 0;
    for (String line : Tshark.fields(intact, List.of(), "dns", "frame.number", "dns.id", "tcp.segment")) {
      String[] f = line.split("\t", -1);
      List<String> frames = new ArrayList<>(List.of(f[0]));
      if (f.length > 2 && !f[2].isEmpty()) {
        frames.addAll(List.of(f[2].split(",")));
      }
      boolean survived = frames.stream().allMatch(n -> survivingTimes.contains(intactTimes.get(Integer.parseInt(n) - 1)));
      if (survived) {
        expected += f[1].split(",").length;
      }
    }
    Set<String> intactMessages = new HashSet<>(messageBytes(intact));
    List<String> recovered = messageBytes(holed);
    assertEquals(expected, recovered.size());
    assertTrue(intactMessages.containsAll(recovered), "every recovered message is a real one");
    assertTrue(recovered.size() > Tshark.occurrences(Tshark.fields(holed, List.of(), "dns", "dns.id")),
        "we recover more than tshark does");
  }

  private static List<String> messageBytes(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    CaptureScanner.scan(List.of(file), DecodeOptions.defaults(), p -> out.add(HexFormat.of().formatHex(p.copyBytes())),
        Progress.NONE);
    return out;
  }

  private static List<String> tsharkMessages(Path file) throws IOException {
    List<String> options = new ArrayList<>(Captures.tsharkDecodeAs(file));
    options.addAll(List.of("-o", "tcp.reassemble_out_of_order:TRUE"));
    String onPorts = "udp.port == 53 || tcp.port == 53" + (Captures.usesPort53000(file) ? " || udp.port == 53000 || tcp.port == 53000" : "");
    String filter = "dns && !icmp && !icmpv6 && (" + onPorts + ")";
    List<String> out = new ArrayList<>();
    for (String line : Tshark.fields(file, options, filter, "frame.number", "dns.id")) {
      String[] f = line.split("\t", -1);
      for (String id : f[1].split(",")) {
        out.add(f[0] + ":" + Integer.decode(id));
      }
    }
    return out;
  }

  private static int dnsId(DnsPayload p) {
    return p.length >= 2 ? p.buffer.getShort(p.offset) & 0xFFFF : -1;
  }
}
