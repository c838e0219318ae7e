package org.dnsseismograph.wire;

import org.dnsseismograph.testsupport.Captures;
import org.dnsseismograph.testsupport.Tshark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PcapReaderTest {
  private static final Path SOURCE = Captures.file("dnscap-vlan11.pcap");

  @TempDir
  Path dir;

  @ParameterizedTest
  @CsvSource(textBlock = """
      LITTLE_ENDIAN, PCAP_MICRO
      LITTLE_ENDIAN, PCAP_NANO
      BIG_ENDIAN,    PCAP_MICRO
      BIG_ENDIAN,    PCAP_NANO
      """)
  void aRealCaptureRewrittenInEitherByteOrderAndPrecisionReadsBackTheSame(String order, CaptureFormat precision)
      throws IOException {
    List<ReadFrames.Frame> original = ReadFrames.all(SOURCE, new SkipCounter());
    Path copy = dir.resolve("copy.pcap");
    ByteOrder byteOrder = order.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    try (PcapWriter w = new PcapWriter(Files.newOutputStream(copy), precision, 1, 65_535, byteOrder)) {
      for (ReadFrames.Frame f : original) {
        w.write(f.timestampNanos(), f.bytes(), 0, f.bytes().length, f.originalLength());
      }
    }
    SkipCounter skips = new SkipCounter();
    try (FrameReader r = CaptureFiles.open(copy, skips)) {
      assertEquals(precision, r.format());
      assertEquals(original, ReadFrames.all(r));
    }
    assertEquals(0, skips.total());
    assumeTrue(Tshark.available());
    List<String> times = Tshark.fields(copy, List.of(), null, "frame.time_epoch");
    assertEquals(original.size(), times.size());
    assertEquals(original.get(5).timestampNanos(), Tshark.epochNanos(times.get(5)));
  }

  /**
   * Seconds beyond 2^31 (2038) are unsigned, the two length fields are not mixed up, and progress
   * follows the records even when they are read from the held window without asking the file.
   */
  @ParameterizedTest
  @CsvSource({"LITTLE_ENDIAN", "BIG_ENDIAN"})
  void recordHeaderFieldsAndPositionAreReadInEitherByteOrder(String order) throws IOException {
    Path file = dir.resolve("fields.pcap");
    long t = 3_000_000_000_123_456_000L;
    byte[] frame = new byte[70];
    try (PcapWriter w = new PcapWriter(Files.newOutputStream(file), CaptureFormat.PCAP_MICRO, 1, 65_535,
        order.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)) {
      w.write(t, frame, 0, 70, 1500);
      w.write(t + 1_000, frame, 0, 40, 40);
    }
    try (FrameReader r = CaptureFiles.open(file, new SkipCounter())) {
      RawFrame f = new RawFrame();
      assertEquals(true, r.next(f));
      assertEquals(List.of(t, 70, 1500, 1L, (long) PcapReader.HEADER + 16 + 70),
          List.of(f.timestampNanos, f.capturedLength, f.originalLength, f.frameNumber, r.position()));
      assertEquals(true, r.next(f));
      assertEquals(List.of(t + 1_000, 40, 40, 2L, Files.size(file)),
          List.of(f.timestampNanos, f.capturedLength, f.originalLength, f.frameNumber, r.position()));
      assertEquals(false, r.next(f));
    }
  }

  @Test
  void nanosecondTimestampsKeepEveryDigit() throws IOException {
    Path file = dir.resolve("nanos.pcap");
    long t = 1_700_000_000_123_456_789L;
    byte[] frame = new byte[60];
    try (PcapWriter w = PcapWriter.create(file, CaptureFormat.PCAP_NANO, 1, 65_535)) {
      w.write(t, frame, 0, frame.length, frame.length);
      w.write(t + 1, frame, 0, frame.length, frame.length);
    }
    List<ReadFrames.Frame> frames = ReadFrames.all(file, new SkipCounter());
    assertEquals(List.of(t, t + 1), frames.stream().map(ReadFrames.Frame::timestampNanos).toList());
    assumeTrue(Tshark.available());
    assertEquals(List.of(t, t + 1),
        Tshark.fields(file, List.of(), null, "frame.time_epoch").stream().map(Tshark::epochNanos).toList());
  }

  @Test
  void aTruncatedLastRecordIsCountedAndTheFramesBeforeItAreRead() throws IOException {
    byte[] whole = Files.readAllBytes(SOURCE);
    int frames = ReadFrames.all(SOURCE, new SkipCounter()).size();
    SkipCounter skips = new SkipCounter();
    assertEquals(frames - 1, ReadFrames.all(Arrays.copyOf(whole, whole.length - 5), skips).size());
    assertEquals(1, skips.count(WireSkip.FILE_TRUNCATED));
    assertEquals(List.of(new Skipped(WireSkip.FILE_TRUNCATED, 1, 0)), skips.snapshot());
  }

  @Test
  void aFileCutInsideARecordHeaderIsCountedAsTruncated() throws IOException {
    byte[] whole = Files.readAllBytes(SOURCE);
    int firstRecordEnd = PcapReader.HEADER + 16 + ByteBuffer.wrap(whole, PcapReader.HEADER + 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    SkipCounter skips = new SkipCounter();
    assertEquals(1, ReadFrames.all(Arrays.copyOf(whole, firstRecordEnd + 7), skips).size());
    assertEquals(1, skips.count(WireSkip.FILE_TRUNCATED));
  }

  @Test
  void aForgedFourGigabyteCapturedLengthIsNotBelievedAndEndsTheFile() throws IOException {
    byte[] whole = Files.readAllBytes(SOURCE);
    ByteBuffer b = ByteBuffer.wrap(whole).order(ByteOrder.LITTLE_ENDIAN);
    int second = PcapReader.HEADER + 16 + b.getInt(PcapReader.HEADER + 8);
    b.putInt(second + 8, 0xFFFF_FFF0);
    SkipCounter skips = new SkipCounter();
    assertEquals(1, ReadFrames.all(whole, skips).size());
    assertEquals(List.of(new Skipped(WireSkip.RECORD_CORRUPT, 1, 2)), skips.snapshot());
  }

  @Test
  void aCapturedLengthJustAboveTheLimitIsCorruptButTheLimitItselfIsRead() throws IOException {
    Path file = dir.resolve("big.pcap");
    byte[] frame = new byte[PcapReader.MAX_CAPTURED];
    try (PcapWriter w = PcapWriter.create(file, CaptureFormat.PCAP_MICRO, 1, PcapReader.MAX_CAPTURED)) {
      w.write(1_000_000_000L, frame, 0, frame.length, frame.length);
    }
    assertEquals(PcapReader.MAX_CAPTURED, ReadFrames.all(file, new SkipCounter()).get(0).bytes().length);
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(PcapReader.HEADER + 8, PcapReader.MAX_CAPTURED + 1);
    SkipCounter skips = new SkipCounter();
    assertEquals(0, ReadFrames.all(bytes, skips).size());
    assertEquals(1, skips.count(WireSkip.RECORD_CORRUPT));
  }

  @Test
  void aHeaderWithoutRecordsHasNoFramesAndNothingSkipped() throws IOException {
    byte[] header = Arrays.copyOf(Files.readAllBytes(SOURCE), PcapReader.HEADER);
    SkipCounter skips = new SkipCounter();
    assertEquals(0, ReadFrames.all(header, skips).size());
    assertEquals(0, skips.total());
  }

  @Test
  void aHeaderCutShortIsCountedAsTruncated() throws IOException {
    SkipCounter skips = new SkipCounter();
    assertEquals(0, ReadFrames.all(Arrays.copyOf(Files.readAllBytes(SOURCE), 10), skips).size());
    assertEquals(1, skips.count(WireSkip.FILE_TRUNCATED));
  }

  @Test
  void theFcsBitsOfTheLinkTypeFieldAreNotPartOfTheLinkType() throws IOException {
    byte[] bytes = Files.readAllBytes(SOURCE);
    // draft-ietf-opsawg-pcap: bits 28-31 FCS length, bit 26 "F"
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(20, 0x6400_0001);
    assertEquals(1, ReadFrames.all(bytes, new SkipCounter()).get(0).linkType());
  }

  @Test
  void writerCutsFramesToTheSnapLengthAndKeepsTheOriginalLength() throws IOException {
    Path file = dir.resolve("snap.pcap");
    byte[] frame = new byte[300];
    frame[99] = 7;
    try (PcapWriter w = PcapWriter.create(file, CaptureFormat.PCAP_MICRO, 1, 100)) {
      w.write(5_000_000_000L, frame, 0, frame.length, frame.length);
      assertEquals(1, w.records());
    }
    ReadFrames.Frame f = ReadFrames.all(file, new SkipCounter()).get(0);
    assertArrayEquals(Arrays.copyOf(frame, 100), f.bytes());
    assertEquals(300, f.originalLength());
  }

  @Test
  void aFlushedFileIsReadableWhileItIsStillBeingWritten() throws IOException {
    Path file = dir.resolve("live.pcap");
    try (PcapWriter w = PcapWriter.create(file, CaptureFormat.PCAP_MICRO, 1, 65_535)) {
      w.write(1_000_000_000L, new byte[64], 0, 64, 64);
      w.flush();
      assertEquals(1, ReadFrames.all(file, new SkipCounter()).size());
      w.write(2_000_000_000L, new byte[64], 0, 64, 64);
    }
    assertEquals(2, ReadFrames.all(file, new SkipCounter()).size());
  }
}
