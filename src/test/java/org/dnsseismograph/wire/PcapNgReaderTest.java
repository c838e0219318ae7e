package org.dnsseismograph.wire;

import org.dnsseismograph.testsupport.Captures;
import org.dnsseismograph.testsupport.Tshark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapNgReaderTest {
  private static final byte[] A = {1, 2, 3, 4, 5};
  private static final byte[] B = {6, 7, 8, 9, 10, 11, 12, 13};
  private static final long SECOND = 1_000_000_000L;

  @TempDir
  Path dir;

  /**
   * Two sections in opposite byte orders. The first: Ethernet in microseconds; raw IP in
   * nanoseconds with a +100 s offset; the second: NULL at 2^-20 s, Linux SLL in milliseconds.
   */
  private static byte[] twoSections() {
    long t = 1_600_000_000L;
    return new PcapNgBuilder()
        .section(ByteOrder.LITTLE_ENDIAN)
        .iface(1, 65_535, -1, null)
        .iface(101, 65_535, 9, 100L)
        .epb(0, t * 1_000_000 + 250_000, A, A.length)
        .other(4, 8)
        .epb(1, t * SECOND + 123_456_789, B, 1500)
        .other(0x0000_2222, 4)
        .packetBlock(0, t * 1_000_000 + 500_000, B)
        .other(5, 16)
        .section(ByteOrder.BIG_ENDIAN)
        .iface(0, 65_535, 0x80 | 20, null)
        .iface(113, 3, 3, -10L)
        .epb(0, (t << 20) | (1 << 19), A, A.length)
        .epb(1, t * 1000 + 7, B, B.length)
        .spb(A)
        .bytes();
  }

  @Test
  void sectionsInEitherByteOrderWithTheirOwnInterfacesResolutionsAndOffsetsReadAsSpecified() throws IOException {
    SkipCounter skips = new SkipCounter();
    List<ReadFrames.Frame> frames = ReadFrames.all(twoSections(), skips);
    long t = 1_600_000_000L * SECOND;
    assertEquals(List.of(
        new ReadFrames.Frame(t + 250_000_000, 1, 0, A, 5),
        new ReadFrames.Frame(t + 100 * SECOND + 123_456_789, 101, 1, B, 1500),
        new ReadFrames.Frame(t + 500_000_000, 1, 0, B, 8),
        new ReadFrames.Frame(t + SECOND / 2, 0, 0, A, 5),
        new ReadFrames.Frame(t - 10 * SECOND + 7_000_000, 113, 1, B, 8),
        // a Simple Packet Block has no time: it takes the frame before it's
        new ReadFrames.Frame(t - 10 * SECOND + 7_000_000, 0, 0, A, 5)), frames);
    assertEquals(List.of(new Skipped(WireSkip.PCAPNG_UNKNOWN_BLOCK, 1, 3)), skips.snapshot());
  }

  @Test
  void tsharkReadsTheHandBuiltSectionsWithTheSameTimestamps() throws IOException {
    assumeTrue(Tshark.available());
    Path file = dir.resolve("sections.pcapng");
    Files.write(file, twoSections());
    List<Long> theirs = Tshark.fields(file, List.of(), null, "frame.time_epoch").stream().map(Tshark::epochNanos).toList();
    List<Long> ours = ReadFrames.all(file, new SkipCounter()).stream().map(ReadFrames.Frame::timestampNanos).toList();
    assertEquals(ours.size(), Tshark.fields(file, List.of(), null, "frame.number").size());
    // tshark shows no time for the Simple Packet Block (the last frame); the five timed frames agree
    assertEquals(ours.subList(0, 5), theirs);
  }

  @Test
  void aSimplePacketBlockIsCutToTheInterfacesSnapLength() throws IOException {
    byte[] file = new PcapNgBuilder().section(ByteOrder.LITTLE_ENDIAN).iface(1, 3, -1, null).spb(B).bytes();
    ReadFrames.Frame f = ReadFrames.all(file, new SkipCounter()).get(0);
    assertEquals(3, f.bytes().length);
    assertEquals(8, f.originalLength());
  }

  @Test
  void aPacketNamingAnUndescribedInterfaceIsCountedAndReadingGoesOn() throws IOException {
    byte[] file = new PcapNgBuilder().section(ByteOrder.LITTLE_ENDIAN).iface(1, 0, -1, null)
        .epb(3, 1, A, 5).epb(0, 2, B, 8).bytes();
    SkipCounter skips = new SkipCounter();
    assertEquals(1, ReadFrames.all(file, skips).size());
    assertEquals(1, skips.count(WireSkip.PCAPNG_UNKNOWN_INTERFACE));
  }

  @Test
  void interfacesBelongToTheirSection() throws IOException {
    byte[] file = new PcapNgBuilder().section(ByteOrder.LITTLE_ENDIAN).iface(1, 0, -1, null).epb(0, 1, A, 5)
        .section(ByteOrder.LITTLE_ENDIAN).epb(0, 2, B, 8).bytes();
    SkipCounter skips = new SkipCounter();
    assertEquals(1, ReadFrames.all(file, skips).size());
    assertEquals(1, skips.count(WireSkip.PCAPNG_UNKNOWN_INTERFACE));
  }

  @Test
  void aTrailingLengthThatDiffersFromTheLeadingOneEndsTheReading() throws IOException {
    byte[] file = new PcapNgBuilder().section(ByteOrder.LITTLE_ENDIAN).iface(1, 0, -1, null)
        .epb(0, 1, A, 5).epb(0, 2, B, 8).epb(0, 3, A, 5).bytes();
    int secondEpbEnd = new PcapNgBuilder().section(ByteOrder.LITTLE_ENDIAN).iface(1, 0, -1, null)
        .epb(0, 1, A, 5).epb(0, 2, B, 8).bytes().length;
    ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(secondEpbEnd - 4, 999);
    SkipCounter skips = new SkipCounter();
    assertEquals(1, ReadFrames.all(file, skips).size());
    assertEquals(List.of(new Skipped(WireSkip.PCAPNG_BAD_BLOCK, 1, 2)), skips.snapshot());
  }

  @Test
  void forgedBlockLengthsAreNeverBelieved() throws IOException {
    byte[] packet = new PcapNgBuilder().section(ByteOrder.LITTLE_ENDIAN).iface(1, 0, -1, null).epb(0, 1, A, 5).bytes();
    ByteBuffer.wrap(packet).order(ByteOrder.LITTLE_ENDIAN).putInt(withInterface().length + 4, 0xFFFF_FFF0);
    SkipCounter skips = new SkipCounter();
    assertEquals(0, ReadFrames.all(packet, skips).size());
    assertEquals(1, skips.count(WireSkip.PCAPNG_BAD_BLOCK));

    byte[] unknown = new PcapNgBuilder().section(ByteOrder.LITTLE_ENDIAN).other(0x2222, 8).bytes();
    int sectionLength = new PcapNgBuilder().section(ByteOrder.LITTLE_ENDIAN).bytes().length;
    ByteBuffer.wrap(unknown).order(ByteOrder.LITTLE_ENDIAN).putInt(sectionLength + 4, 0xFFFF_FFF0);
    SkipCounter skips2 = new SkipCounter();
    assertEquals(0, ReadFrames.all(unknown, skips2).size());
    assertEquals(1, skips2.count(WireSkip.FILE_TRUNCATED), () -> skips2.snapshot().toString());
  }

  @Test
  void aCapturedLengthLargerThanItsBlockIsABadBlock() throws IOException {
    byte[] file = new PcapNgBuilder().section(ByteOrder.LITTLE_ENDIAN).iface(1, 0, -1, null).epb(0, 1, A, 5).bytes();
    ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(withInterface().length + 20, 100);
    SkipCounter skips = new SkipCounter();
    assertEquals(0, ReadFrames.all(file, skips).size());
    assertEquals(1, skips.count(WireSkip.PCAPNG_BAD_BLOCK));
  }

  @Test
  void aSectionWithAnUnknownByteOrderMagicEndsTheReading() throws IOException {
    byte[] file = new PcapNgBuilder().section(ByteOrder.LITTLE_ENDIAN).iface(1, 0, -1, null).epb(0, 1, A, 5)
        .section(ByteOrder.LITTLE_ENDIAN).bytes();
    int secondSection = new PcapNgBuilder().section(ByteOrder.LITTLE_ENDIAN).iface(1, 0, -1, null).epb(0, 1, A, 5).bytes().length;
    ByteBuffer.wrap(file).putInt(secondSection + 8, 0x01020304);
    SkipCounter skips = new SkipCounter();
    assertEquals(1, ReadFrames.all(file, skips).size());
    assertEquals(1, skips.count(WireSkip.PCAPNG_BAD_BLOCK));
  }

  @Test
  void aGzipdPcapngFromEditcapReadsLikeTheOriginalCapture(@TempDir Path tmp) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/editcap")));
    Path original = Captures.file("pktvisor-dns_udp_mixed_rcode.pcap");
    Path ng = tmp.resolve("converted.pcapng");
    Process p = new ProcessBuilder("/usr/bin/editcap", "-F", "pcapng", original.toString(), ng.toString())
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertEquals(0, p.waitFor());
    Path gz = tmp.resolve("converted.pcapng.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(ng));
    }
    SkipCounter skips = new SkipCounter();
    try (FrameReader r = CaptureFiles.open(gz, skips)) {
      assertEquals(CaptureFormat.PCAPNG, r.format());
      assertTrue(r.gzipped());
      assertEquals(ReadFrames.all(original, new SkipCounter()), ReadFrames.all(r));
      assertEquals(Files.size(gz), r.position());
    }
    assertEquals(0, skips.total());
  }

  private static byte[] withInterface() {
    return new PcapNgBuilder().section(ByteOrder.LITTLE_ENDIAN).iface(1, 0, -1, null).bytes();
  }

  @Test
  void timestampResolutionsConvertAsTheSpecificationSays() {
    assertEquals(1_500_000_000L, TimestampScale.of(6).toNanos(1_500_000));
    assertEquals(1_500_000_000L, TimestampScale.of(3).toNanos(1_500));
    assertEquals(42, TimestampScale.of(9).toNanos(42));
    assertEquals(4, TimestampScale.of(10).toNanos(42));
    assertEquals(1_000_000_000L, TimestampScale.of(0).toNanos(1));
    assertEquals(1_500_000_000L, TimestampScale.of(0x80 | 1).toNanos(3));
    assertEquals(SECOND + 999_999_999L, TimestampScale.of(0x80 | 30).toNanos((1L << 30) | ((1L << 30) - 1)));
    // 2^63 ticks of 2^-64 s is half a second
    assertEquals(500_000_000L, TimestampScale.of(0x80 | 64).toNanos(Long.MIN_VALUE));
    assertEquals(0, TimestampScale.of(0x80 | 127).toNanos(1));
    assertEquals(Long.MAX_VALUE, TimestampScale.of(6).toNanos(-1L));
    assertEquals(Long.MAX_VALUE, TimestampScale.of(0).toNanos(Long.MAX_VALUE));
    assertEquals(0, TimestampScale.of(40).toNanos(1_000_000));
  }
}
