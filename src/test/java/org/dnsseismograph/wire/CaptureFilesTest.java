package org.dnsseismograph.wire;

import org.dnsseismograph.testsupport.Captures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CaptureFilesTest {
  private static final Path PCAP = Captures.file("dnscap-vlan11.pcap");
  private static final Path GZIPPED = Captures.file("dnscap-dns.pcap.gz");

  @TempDir
  Path dir;

  private static byte[] gzip(byte[]... members) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] m : members) {
      ByteArrayOutputStream one = new ByteArrayOutputStream();
      try (OutputStream out = new GZIPOutputStream(one)) {
        out.write(m);
      }
      all.writeBytes(one.toByteArray());
    }
    return all.toByteArray();
  }

  @Test
  void gzipIsRecognisedByContentNotByName() throws IOException {
    Path gzippedWithPlainName = dir.resolve("looks-plain.pcap");
    Files.copy(GZIPPED, gzippedWithPlainName);
    Path plainWithGzipName = dir.resolve("looks-gzipped.pcap.gz");
    Files.copy(PCAP, plainWithGzipName);
    try (FrameReader r = CaptureFiles.open(gzippedWithPlainName, new SkipCounter())) {
      assertTrue(r.gzipped());
      assertEquals(CaptureFormat.PCAP_MICRO, r.format());
      assertEquals(ReadFrames.all(GZIPPED, new SkipCounter()), ReadFrames.all(r));
    }
    try (FrameReader r = CaptureFiles.open(plainWithGzipName, new SkipCounter())) {
      assertFalse(r.gzipped());
      assertEquals(ReadFrames.all(PCAP, new SkipCounter()), ReadFrames.all(r));
    }
  }

  @Test
  void isCaptureTellsCapturesFromOtherFilesAndAMissingFileFails() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.pcap"), "time,queries\n2026-11-27T10:00:00Z,5\n");
    Path gzippedText = dir.resolve("notes.csv.gz");
    Files.write(gzippedText, gzip("time,queries\n".getBytes(StandardCharsets.US_ASCII)));
    assertTrue(CaptureFiles.isCapture(PCAP));
    assertTrue(CaptureFiles.isCapture(GZIPPED));
    assertTrue(CaptureFiles.isCapture(Captures.file("ndpi-dns-google-nsid.pcapng")));
    assertFalse(CaptureFiles.isCapture(text));
    assertFalse(CaptureFiles.isCapture(gzippedText));
    assertThrows(IOException.class, () -> CaptureFiles.isCapture(dir.resolve("gone.pcap")));
  }

  @Test
  void aFolderOfCapturesListsThemByNameAndAnyOtherFolderNone() throws IOException {
    Path rotated = Files.createDirectories(dir.resolve("rotated"));
    Path b = Files.copy(PCAP, rotated.resolve("dump.pcap1"));
    Path a = Files.copy(GZIPPED, rotated.resolve("dump.pcap"));
    Files.writeString(rotated.resolve(".dump.pcap2.swp"), "an editor's file");
    Files.createDirectories(rotated.resolve("older"));
    Path mixed = Files.createDirectories(dir.resolve("mixed"));
    Files.copy(PCAP, mixed.resolve("dump.pcap"));
    Files.writeString(mixed.resolve("README"), "what these are");

    assertEquals(List.of(a, b), CaptureFiles.capturesIn(rotated));
    assertEquals(List.of(), CaptureFiles.capturesIn(mixed));
    assertEquals(List.of(), CaptureFiles.capturesIn(Files.createDirectories(dir.resolve("empty"))));
  }

  @Test
  void concatenatedGzipMembersReadAsOneCapture() throws IOException {
    byte[] plain = Files.readAllBytes(PCAP);
    int cut = plain.length / 2 + 7;
    byte[] twoMembers = gzip(Arrays.copyOf(plain, cut), Arrays.copyOfRange(plain, cut, plain.length));
    SkipCounter skips = new SkipCounter();
    assertEquals(ReadFrames.all(PCAP, new SkipCounter()), ReadFrames.all(twoMembers, skips));
    assertEquals(0, skips.total());
  }

  @Test
  void aTruncatedGzipStreamIsCountedAndTheFramesBeforeTheCutAreRead() throws IOException {
    byte[] gz = gzip(Files.readAllBytes(PCAP));
    SkipCounter skips = new SkipCounter();
    List<ReadFrames.Frame> frames = ReadFrames.all(Arrays.copyOf(gz, gz.length * 2 / 3), skips);
    List<ReadFrames.Frame> all = ReadFrames.all(PCAP, new SkipCounter());
    assertTrue(frames.size() > 0 && frames.size() < all.size(), () -> frames.size() + " frames");
    assertEquals(all.subList(0, frames.size()), frames);
    assertEquals(1, skips.count(WireSkip.GZIP_TRUNCATED));
  }

  @Test
  void corruptGzipDataIsCountedAndEndsTheReadingCleanly() throws IOException {
    byte[] gz = gzip(Files.readAllBytes(PCAP));
    for (int i = gz.length / 2; i < gz.length / 2 + 64; i++) {
      gz[i] = (byte) 0xFF;
    }
    SkipCounter skips = new SkipCounter();
    List<ReadFrames.Frame> frames = ReadFrames.all(gz, skips);
    assertTrue(frames.size() < ReadFrames.all(PCAP, new SkipCounter()).size());
    assertTrue(skips.count(WireSkip.GZIP_CORRUPT) + skips.count(WireSkip.RECORD_CORRUPT) + skips.count(WireSkip.GZIP_TRUNCATED) >= 1,
        () -> skips.snapshot().toString());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      ''                                 | the file is empty
      '<!DOCTYPE html><html>'            | looks like text: "<!DOCTYPE html><"
      'PK\u0003\u0004rest of a zip file' | looks like a ZIP archive
      'BZh91AY&SY'                       | looks like bzip2-compressed data
      """)
  void aFileThatIsNoCaptureSaysWhatItsFirstBytesLookLike(String content, String expected) throws IOException {
    Path file = dir.resolve("not-a-capture.pcap");
    Files.write(file, content.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    NotACaptureException e = assertThrows(NotACaptureException.class, () -> CaptureFiles.open(file, new SkipCounter()));
    assertTrue(e.getMessage().startsWith(file + ": not a pcap or pcapng capture: "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertEquals(file, e.file());
  }

  @Test
  void gzipdTextIsNoCaptureEither() throws IOException {
    Path file = dir.resolve("notes.txt.gz");
    Files.write(file, gzip("hello, world\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    NotACaptureException e = assertThrows(NotACaptureException.class, () -> CaptureFiles.open(file, new SkipCounter()));
    assertTrue(e.getMessage().contains("gzip'd data whose first bytes are"), e.getMessage());
    assertTrue(e.getMessage().contains("hello, world"), e.getMessage());
  }

  @Test
  void theGzipMagicFollowedByGarbageIsNoCapture() throws IOException {
    Path file = dir.resolve("fake.gz");
    Files.write(file, new byte[] {0x1f, (byte) 0x8b, 0x01, 0x02, 0x03});
    NotACaptureException e = assertThrows(NotACaptureException.class, () -> CaptureFiles.open(file, new SkipCounter()));
    assertTrue(e.getMessage().contains("gzip header is unusable"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 100, 333, 4096})
  void recordsAcrossMappingWindowEdgesReadTheSameAsWithOneWindow(int window) throws IOException {
    for (String name : List.of("dnscap-vlan11.pcap", "pcapplusplus-many_interfaces-1.pcapng", "ndpi-dns-google-nsid.pcapng")) {
      Path file = Captures.file(name);
      SkipCounter skips = new SkipCounter();
      try (FrameReader small = CaptureFiles.open(file, skips, window)) {
        assertEquals(ReadFrames.all(file, new SkipCounter()), ReadFrames.all(small), name);
        assertEquals(Files.size(file), small.position());
      }
      assertEquals(0, skips.total());
    }
  }

  /**
   * A sparse pcapng file of 2.2 GB: an opaque block fills the first 2.2 GB, then come two
   * packets. Reading them proves positions beyond 2^31 map correctly; only one window is mapped.
   */
  @Test
  void aFileLargerThanTwoGigabytesIsReadThroughWindows() throws IOException {
    Path file = dir.resolve("large.pcapng");
    byte[] head = new PcapNgBuilder().section(ByteOrder.LITTLE_ENDIAN).iface(1, 0, 9, null).bytes();
    long opaque = 2_200_000_000L;
    byte[] tail = new PcapNgBuilder().section(ByteOrder.LITTLE_ENDIAN).iface(1, 0, 9, null)
        .epb(0, 11, new byte[] {1, 2, 3}, 3).epb(0, 12, new byte[] {4, 5}, 2).bytes();
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.write(head);
      ByteBuffer blockHeader = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(0x0BAD).putInt((int) opaque);
      f.write(blockHeader.array());
      f.seek(head.length + opaque - 4);
      f.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) opaque).array());
      f.write(tail);
    }
    assertTrue(Files.size(file) > (2L << 30) + 50_000_000L);
    SkipCounter skips = new SkipCounter();
    try (FrameReader r = CaptureFiles.open(file, skips)) {
      List<ReadFrames.Frame> frames = ReadFrames.all(r);
      assertEquals(List.of(new ReadFrames.Frame(11, 1, 0, new byte[] {1, 2, 3}, 3),
          new ReadFrames.Frame(12, 1, 0, new byte[] {4, 5}, 2)), frames);
      assertEquals(Files.size(file), r.position());
    }
    assertEquals(0, skips.total());
  }
}
