package org.dnsseismograph.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.dns.DnsHeaderScanner;
import org.dnsseismograph.dns.DnsMessageView;
import org.dnsseismograph.wire.SkipCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DnstapFileReaderTest {

  @Test
  void everyMessageOfUnboundsFileAgreesWithDnstapRead() throws IOException {
    List<String> expected = Files.readAllLines(DnstapFixtures.unboundPeerText());
    List<String> ours = new ArrayList<>();
    DnsHeaderScanner scanner = new DnsHeaderScanner();
    DnsMessageView view = new DnsMessageView();
    SkipCounter skips = new SkipCounter();

    DnstapFileSummary summary = DnstapFileReader.read(DnstapFixtures.unboundFile(),
        (payload, m) -> ours.add(DnstapFixtures.dnstapReadLine(payload, m, scanner, view)), skips, Progress.NONE);

    assertEquals(expected, ours);
    assertEquals(28, summary.messages());
    assertEquals(28, summary.frames());
    assertTrue(summary.complete(), "fstrm_capture ends its file with STOP");
    assertEquals("fixture", summary.identity());
    assertEquals("unbound 1.17.1", summary.version());
    assertEquals(0, skips.total());
  }

  @Test
  void rolesAndRcodesFollowTheMessageTypes() throws IOException {
    List<String> seen = new ArrayList<>();
    DnsHeaderScanner scanner = new DnsHeaderScanner();
    DnsMessageView view = new DnsMessageView();
    DnstapFileReader.read(DnstapFixtures.unboundFile(), (payload, m) -> {
      scanner.scan(payload.buffer, payload.offset, payload.length, view);
      seen.add(m.type.mnemonic() + " " + m.type.role() + " qr=" + view.qr + " rcode=" + view.rcode + " " + view.qnameString());
    }, new SkipCounter(), Progress.NONE);

    // Client messages are between dig and Unbound, resolver messages between Unbound and NSD; only
    // the name outside the zone's wildcard is NXDOMAIN, in both of its responses.
    assertEquals(7, seen.stream().filter(s -> s.startsWith("CQ CLIENT qr=false")).count());
    assertEquals(7, seen.stream().filter(s -> s.startsWith("CR CLIENT qr=true")).count());
    assertEquals(7, seen.stream().filter(s -> s.startsWith("RQ UPSTREAM qr=false")).count());
    assertEquals(7, seen.stream().filter(s -> s.startsWith("RR UPSTREAM qr=true")).count());
    assertEquals(List.of("RR UPSTREAM qr=true rcode=3 nothere.capture.test", "CR CLIENT qr=true rcode=3 nothere.capture.test"),
        seen.stream().filter(s -> s.contains("rcode=3")).toList());
  }

  @Test
  void frameLengthsAgreeWithFstrmDump() throws IOException, InterruptedException {
    Path fstrmDump = Path.of("/usr/bin/fstrm_dump");
    assumeTrue(Files.isExecutable(fstrmDump), "fstrm_dump (fstrm-bin) is the peer for Frame Streams framing");
    Process p = new ProcessBuilder(fstrmDump.toString(), DnstapFixtures.unboundFile().toString()).redirectErrorStream(true).start();
    String dump;
    try (InputStream in = p.getInputStream()) {
      dump = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    List<Integer> theirs = new ArrayList<>();
    Matcher m = Pattern.compile("^Data frame \\((\\d+)\\) bytes\\.$", Pattern.MULTILINE).matcher(dump);
    while (m.find()) {
      theirs.add(Integer.parseInt(m.group(1)));
    }
    List<Integer> ours = new ArrayList<>();
    try (InputStream in = Files.newInputStream(DnstapFixtures.unboundFile())) {
      FrameStreamReader reader = new FrameStreamReader(in);
      StreamFrame f;
      while ((f = reader.next()) != null) {
        if (f instanceof StreamFrame.Data d) {
          ours.add(d.bytes().length);
        }
      }
    } catch (FrameStreamException e) {
      throw new AssertionError(e);
    }
    assertEquals(28, theirs.size());
    assertEquals(theirs, ours);
  }

  @Test
  void aTruncatedFileYieldsTheMessagesBeforeTheCutAndCountsIt(@TempDir Path dir) throws IOException {
    byte[] whole = Files.readAllBytes(DnstapFixtures.unboundFile());
    Path cut = dir.resolve("cut.dnstap");
    // Cut 10 bytes into the last data frame: STOP (12 bytes) and most of that frame are gone.
    int lastFrameLength = lastDataFrameLength(whole);
    Files.write(cut, Arrays.copyOf(whole, whole.length - 12 - lastFrameLength + 10));
    SkipCounter skips = new SkipCounter();

    DnstapFileSummary summary = DnstapFileReader.read(cut, (payload, m) -> { }, skips, Progress.NONE);

    assertEquals(27, summary.messages());
    assertFalse(summary.complete());
    assertEquals(1, skips.count(DnstapSkip.STREAM_TRUNCATED));
  }

  @Test
  void aFileKilledBeforeStopIsReadWhole(@TempDir Path dir) throws IOException {
    byte[] whole = Files.readAllBytes(DnstapFixtures.unboundFile());
    Path noStop = dir.resolve("nostop.dnstap");
    Files.write(noStop, Arrays.copyOf(whole, whole.length - 12));
    SkipCounter skips = new SkipCounter();

    DnstapFileSummary summary = DnstapFileReader.read(noStop, (payload, m) -> { }, skips, Progress.NONE);

    assertEquals(28, summary.messages());
    assertFalse(summary.complete());
    assertEquals(0, skips.total());
  }

  @Test
  void aForgedFrameLengthEndsTheReadingWithoutAllocatingIt(@TempDir Path dir) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FrameStreamWriter w = new FrameStreamWriter(out);
    w.writeControl(ControlType.START, DnstapFileReader.CONTENT_TYPE);
    byte[] good = firstDataFrame();
    w.writeData(good, 0, good.length);
    out.write(new byte[] {0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0, 1, 2, 3});
    Path forged = dir.resolve("forged.dnstap");
    Files.write(forged, out.toByteArray());
    SkipCounter skips = new SkipCounter();

    DnstapFileSummary summary = DnstapFileReader.read(forged, (payload, m) -> { }, skips, Progress.NONE);

    assertEquals(1, summary.messages());
    assertEquals(1, skips.count(DnstapSkip.FRAME_TOO_LARGE));
  }

  @Test
  void garbageFramesAreCountedAndTheRestIsRead(@TempDir Path dir) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FrameStreamWriter w = new FrameStreamWriter(out);
    w.writeControl(ControlType.START, DnstapFileReader.CONTENT_TYPE);
    byte[] good = firstDataFrame();
    byte[] garbage = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01};
    w.writeData(good, 0, good.length);
    w.writeData(garbage, 0, garbage.length);
    w.writeData(good, 0, good.length);
    w.writeControl(ControlType.STOP);
    Path file = dir.resolve("garbage.dnstap");
    Files.write(file, out.toByteArray());
    SkipCounter skips = new SkipCounter();

    DnstapFileSummary summary = DnstapFileReader.read(file, (payload, m) -> { }, skips, Progress.NONE);

    assertEquals(3, summary.frames());
    assertEquals(2, summary.messages());
    assertEquals(1, skips.count(DnstapSkip.PROTOBUF_MALFORMED));
    assertTrue(summary.complete());
  }

  @Test
  void aCaptureFileIsNotADnstapFile() {
    Path pcap = Path.of(System.getProperty("seismograph.test.data", "src/test/resources"), "pcap", "dnscap-edns.pcap");
    NotADnstapFileException e = assertThrows(NotADnstapFileException.class,
        () -> DnstapFileReader.read(pcap, (payload, m) -> { }, new SkipCounter(), Progress.NONE));
    assertTrue(e.getMessage().contains("not a dnstap file"), e.getMessage());
  }

  @Test
  void aStreamOfAnotherContentTypeIsRefused(@TempDir Path dir) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new FrameStreamWriter(out).writeControl(ControlType.START, "protobuf:something.Else");
    Path file = dir.resolve("other.fstrm");
    Files.write(file, out.toByteArray());
    assertThrows(NotADnstapFileException.class, () -> DnstapFileReader.read(file, (payload, m) -> { }, new SkipCounter(), Progress.NONE));
  }

  static byte[] firstDataFrame() throws IOException {
    try (InputStream in = Files.newInputStream(DnstapFixtures.unboundFile())) {
      FrameStreamReader reader = new FrameStreamReader(in);
      StreamFrame f;
      while ((f = reader.next()) != null) {
        if (f instanceof StreamFrame.Data d) {
          return d.bytes();
        }
      }
    } catch (FrameStreamException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("no data frame in the fixture");
  }

  private static int lastDataFrameLength(byte[] file) throws IOException {
    int last = -1;
    try (InputStream in = new java.io.ByteArrayInputStream(file)) {
      FrameStreamReader reader = new FrameStreamReader(in);
      StreamFrame f;
      while ((f = reader.next()) != null) {
        if (f instanceof StreamFrame.Data d) {
          last = d.bytes().length + 4;
        }
      }
    } catch (FrameStreamException e) {
      throw new AssertionError(e);
    }
    return last;
  }
}
