package org.dnsseismograph.wire;

import org.dnsseismograph.testsupport.Captures;
import org.dnsseismograph.testsupport.FrameCopies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.dnsseismograph.common.CancelledException;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.common.RecordingProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureScannerTest {
  /** UDP and TCP (one stream, split segments), timestamps strictly increasing. */
  private static final Path SOURCE = Captures.file("dnscap-dnso1tcp.pcap");

  @TempDir
  Path dir;

  private Path part(String name, IntPredicate keep) throws IOException {
    return FrameCopies.copy(SOURCE, dir.resolve(name), i -> keep.test((int) i));
  }


  private static List<String> messages(List<Path> files) throws IOException {
    List<String> out = new ArrayList<>();
    CaptureScanner.scan(files, DecodeOptions.defaults(),
        p -> out.add(p.timestampNanos + " " + java.util.HexFormat.of().formatHex(p.copyBytes())), Progress.NONE);
    return out;
  }

  @Test
  void rotatedFilesGivenInAnyOrderScanLikeTheWholeCapture() throws IOException {
    List<ReadFrames.Frame> frames = ReadFrames.all(SOURCE, new SkipCounter());
    int half = frames.size() / 2;
    Path first = part("a.pcap", i -> i < half);
    Path second = part("b.pcap", i -> i >= half);
    List<String> whole = messages(List.of(SOURCE));
    assertEquals(82, whole.size());
    assertEquals(whole, messages(List.of(second, first)));
  }

  @Test
  void eachFilesFirstAndLastFrameTimesAreKeptInTheOrderTheFilesWereGiven() throws IOException {
    ScanSummary s = CaptureScanner.scan(List.of(Captures.file("pktvisor-ecs.pcap"), Captures.file("dnscap-edns.pcap")), DecodeOptions.defaults(),
        p -> { }, Progress.NONE);
    // capinfos -Sae: pktvisor-ecs.pcap 1558968008.021140 to 1560869916.477286, dnscap-edns.pcap 1688541698.669836 to 1688541706.518500
    assertEquals(List.of(new ScanSummary.FileSpan(1_558_968_008_021_140_000L, 1_560_869_916_477_286_000L),
        new ScanSummary.FileSpan(1_688_541_698_669_836_000L, 1_688_541_706_518_500_000L)), s.fileSpans());
  }

  @Test
  void eachSkipsFirstPlaceIsItsFramesNumberWithinItsFileAndThatFile() throws IOException {
    Path fuzz = Captures.file("ndpi-fuzz-2006-06-26-2594.pcap");
    Path tcp = Captures.file("dnscap-dnso1tcp-bighole.pcap");
    Map<SkipReason, Skipped> alone = new HashMap<>();
    for (Path file : List.of(fuzz, tcp)) {
      CaptureScanner.scan(List.of(file), DecodeOptions.defaults(), p -> { }, Progress.NONE).skipped().forEach(k -> alone.put(k.reason(), k));
    }
    // another capture's flows, so that none fills the TCP capture's hole when merged with it
    Path truncated = dir.resolve("cut.pcap");
    byte[] bytes = Files.readAllBytes(Captures.file("pktvisor-ecs.pcap"));
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 3));

    List<Path> files = List.of(truncated, tcp, fuzz);
    ScanSummary s = CaptureScanner.scan(files, DecodeOptions.defaults(), p -> { }, Progress.NONE);
    Map<SkipReason, Skipped> together = new HashMap<>();
    s.skipped().forEach(k -> together.put(k.reason(), k));
    // the fuzzed capture's bad IP headers (decoded) and the TCP capture's hole (reassembled), by their own frame numbers
    for (SkipReason r : List.of(WireSkip.IP_MALFORMED, WireSkip.TCP_HOLE)) {
      assertEquals(alone.get(r).firstFrame(), together.get(r).firstFrame(), r.code());
      assertEquals(r == WireSkip.TCP_HOLE ? 1 : 2, together.get(r).firstFile(), r.code());
    }
    // the truncated tail, found by the reader when it reads on in that file
    assertEquals(0, together.get(WireSkip.FILE_TRUNCATED).firstFile());
    assertEquals(0, together.get(WireSkip.FILE_TRUNCATED).firstFrame());
  }

  @Test
  void overlappingCapturesAreInterleavedByTime() throws IOException {
    List<ReadFrames.Frame> frames = ReadFrames.all(SOURCE, new SkipCounter());
    Path even = part("even.pcap", i -> i % 2 == 0);
    Path odd = part("odd.pcap", i -> i % 2 == 1);
    ScanSummary s = CaptureScanner.scan(List.of(odd, even), DecodeOptions.defaults(), p -> { }, Progress.NONE);
    assertEquals(frames.size(), s.frames());
    assertEquals(frames.get(0).timestampNanos(), s.firstTimestampNanos());
    assertEquals(messages(List.of(SOURCE)), messages(List.of(odd, even)));
  }

  @Test
  void framesWithEqualTimestampsComeInTheOrderTheFilesWereGiven() throws IOException {
    Path a = dir.resolve("a.pcap");
    Path b = dir.resolve("b.pcap");
    FrameBuilder eth = new FrameBuilder(LinkType.ETHERNET);
    for (Path file : List.of(a, b)) {
      try (PcapWriter w = PcapWriter.create(file, CaptureFormat.PCAP_MICRO, 1, 65_535)) {
        for (int i = 0; i < 3; i++) {
          byte[] f = eth.udp(PacketDecoderTest.CLIENT4, 1000 + i, PacketDecoderTest.SERVER4, 53,
              (file.getFileName() + "#" + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
          w.write(1_000_000_000L * (i + 1), f, 0, f.length, f.length);
        }
      }
    }
    Collected out = new Collected();
    CaptureScanner.scan(List.of(b, a), DecodeOptions.defaults(), out, Progress.NONE);
    assertEquals(List.of("b.pcap#0", "a.pcap#0", "b.pcap#1", "a.pcap#1", "b.pcap#2", "a.pcap#2"), out.texts());
  }

  @Test
  void progressIsReportedInFileBytesUpToTheTotal() throws IOException {
    Path big = Captures.file("pktvisor-dns_udp_tcp_random.pcap");
    Path gz = Captures.file("entrada-sidnlabs-test-tcp-stream-retransmision.pcap.gz");
    RecordingProgress recording = new RecordingProgress();
    ScanSummary s = CaptureScanner.scan(List.of(big, gz), DecodeOptions.defaults(), p -> { }, recording);
    long total = Files.size(big) + Files.size(gz);
    List<RecordingProgress.Update> updates = recording.updates();
    assertTrue(updates.size() > 1, () -> updates.size() + " updates");
    for (int i = 1; i < updates.size(); i++) {
      assertTrue(updates.get(i).done() >= updates.get(i - 1).done());
      assertEquals(total, updates.get(i).total());
    }
    assertEquals(total, recording.last().done());
    assertEquals(total, s.bytes());
  }

  @Test
  void cancellingStopsTheScanAndClosesTheFiles() throws IOException {
    Path big = Captures.file("pktvisor-dns_udp_tcp_random.pcap");
    Progress cancelled = RecordingProgress.cancelledFromTheStart();
    long[] seen = new long[1];
    assertThrows(CancelledException.class,
        () -> CaptureScanner.scan(List.of(big, SOURCE), DecodeOptions.defaults(), p -> seen[0]++, cancelled));
    assertTrue(seen[0] < 5000, () -> seen[0] + " messages before the cancel took effect");
    assertEquals(List.of(), openOn(big, SOURCE));
  }

  @Test
  void aFileThatIsNoCaptureFailsTheScanNamingItAndClosesTheOthers() throws IOException {
    Path text = dir.resolve("readme.txt");
    Files.writeString(text, "not a capture\n");
    NotACaptureException e = assertThrows(NotACaptureException.class,
        () -> CaptureScanner.scan(List.of(SOURCE, text), DecodeOptions.defaults(), p -> { }, Progress.NONE));
    assertEquals(text, e.file());
    assertEquals(List.of(), openOn(SOURCE, text));
    try (var held = Files.newByteChannel(SOURCE)) {
      assertEquals(List.of(SOURCE.toRealPath()), openOn(SOURCE, text), "a file held open is seen");
    }
  }

  @Test
  void skipsOfReadersAndDecoderAreSummed() throws IOException {
    byte[] whole = Files.readAllBytes(Captures.file("ndpi-fuzz-2006-06-26-2594.pcap"));
    Path cut = dir.resolve("cut.pcap");
    Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 3));
    ScanSummary s = CaptureScanner.scan(List.of(cut), DecodeOptions.defaults(), p -> { }, Progress.NONE);
    assertEquals(1, s.skipped().stream().filter(k -> k.reason() == WireSkip.FILE_TRUNCATED).mapToLong(Skipped::count).sum());
    assertTrue(s.skipped().stream().anyMatch(k -> k.reason() == WireSkip.FRAGMENT_TIMEOUT));
  }

  /**
   * This process's descriptors open on {@code files}: counting all of them failed at times, when
   * another thread (a class loaded from a jar not yet opened) opened one meanwhile.
   */
  private static List<Path> openOn(Path... files) throws IOException {
    List<Path> wanted = new java.util.ArrayList<>();
    for (Path f : files) {
      wanted.add(f.toRealPath());
    }
    List<Path> open = new java.util.ArrayList<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : fds.toList()) {
        try {
          Path target = Files.readSymbolicLink(fd);
          if (wanted.contains(target)) {
            open.add(target);
          }
        } catch (IOException closedMeanwhile) {
          // the descriptor of the listing itself, or one closed since
        }
      }
    }
    return open;
  }
}
