package org.dnsseismograph.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.dnsseismograph.testsupport.Captures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * gzip inflated ahead on its own thread: whatever ranges a reader asks for, in order, the source
 * hands out exactly the inflated bytes, across chunk ends, after long jumps, at the end of the
 * data and where bad compressed data ends it; it stops its thread when closed; and no producer
 * starts beyond the limit.
 */
class ChunkedSourceTest {
  private static final Path PCAP = Captures.file("dnscap-vlan11.pcap");

  @TempDir
  Path dir;

  /** Asks for ranges in order as a record reader does (a header, then the header and body), some longer than a chunk. */
  private static void readAllRanges(ByteSource source, byte[] expected, int chunk, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    long pos = 0;
    while (pos < expected.length) {
      int header = 1 + random.nextInt(16);
      int body = random.nextInt(10) == 0 ? random.nextInt(3 * chunk + 1) : random.nextInt(64);
      assertRange(source, expected, pos, header);
      assertRange(source, expected, pos, header + body);
      // a second look inside the held range needs no new fill
      assertRange(source, expected, pos + header / 2, header - header / 2);
      pos += header + body;
    }
    assertEquals(0, source.fill(expected.length, 1));
  }

  private static void assertRange(ByteSource source, byte[] expected, long pos, int len) throws IOException {
    int got = source.fill(pos, len);
    int want = (int) Math.max(0, Math.min(len, expected.length - pos));
    assertEquals(want, got, "bytes available at " + pos + "+" + len);
    assertTrue(source.end() >= pos + got);
    ByteBuffer b = source.data();
    byte[] read = new byte[got];
    for (int i = 0; i < got; i++) {
      read[i] = b.get(source.index(pos) + i);
    }
    assertArrayEquals(Arrays.copyOfRange(expected, (int) pos, (int) pos + got), read, "bytes at " + pos + "+" + len);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 64, 1000, 65536})
  void aGzipStreamReadsAsItsInflatedBytesWhateverTheChunkSize(int chunk) throws IOException {
    byte[] expected = Files.readAllBytes(PCAP);
    byte[] gz = gzip(expected);
    for (long seed = 1; seed <= 3; seed++) {
      SkipCounter skips = new SkipCounter();
      try (ByteSource source = gzipSource(gz, chunk, skips)) {
        readAllRanges(source, expected, chunk, seed);
        assertTrue(source.gzipped());
        assertEquals(gz.length, source.sourcePosition(), "compressed bytes read by the end");
      }
      assertEquals(0, skips.total());
    }
  }

  @Test
  void aJumpInAGzipStreamReadsThroughToItsTarget() throws IOException {
    byte[] expected = Files.readAllBytes(PCAP);
    try (ByteSource source = gzipSource(gzip(expected), 100, new SkipCounter())) {
      assertRange(source, expected, 0, 24);
      assertRange(source, expected, expected.length - 5000, 300);
      assertRange(source, expected, expected.length - 10, 100);
    }
  }

  @Test
  void aRangeBeforeTheHeldBytesIsRefused() throws IOException {
    try (ByteSource source = gzipSource(gzip(Files.readAllBytes(PCAP)), 64, new SkipCounter())) {
      source.fill(1000, 10);
      assertThrows(IllegalArgumentException.class, () -> source.fill(900, 10));
    }
  }

  /** Cut-off and corrupted gzip data end the bytes where the in-place source ends them, with the same skip, counted once. */
  @Test
  void badGzipDataEndsTheBytesAsTheInPlaceSourceDoes() throws IOException {
    byte[] whole = gzip(Files.readAllBytes(PCAP));
    byte[] cut = Arrays.copyOf(whole, whole.length / 2);
    byte[] corrupt = whole.clone();
    for (int i = whole.length / 3; i < whole.length / 3 + 64; i++) {
      corrupt[i] ^= 0x5A;
    }
    for (byte[] gz : List.of(cut, corrupt)) {
      SkipCounter inPlaceSkips = new SkipCounter();
      byte[] inPlace = drain(new GzipSource(GzipSource.inflating(new GzipSource.CountingStream(new ByteArrayInputStream(gz))), gz.length,
          inPlaceSkips));
      SkipCounter aheadSkips = new SkipCounter();
      byte[] ahead;
      try (ByteSource source = gzipSource(gz, 1000, aheadSkips)) {
        ahead = drain(source);
        source.fill(ahead.length, 1);
      }
      assertArrayEquals(inPlace, ahead);
      assertEquals(1, inPlaceSkips.total());
      assertEquals(inPlaceSkips.snapshot(), aheadSkips.snapshot());
    }
  }

  /** Reads a source to its end, 100 bytes at a time. */
  private static byte[] drain(ByteSource source) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long pos = 0;
    int got;
    while ((got = source.fill(pos, 100)) > 0) {
      for (int i = 0; i < got; i++) {
        out.write(source.data().get(source.index(pos) + i));
      }
      pos += got;
    }
    return out.toByteArray();
  }

  @Test
  void closingStopsTheProducerThreadEvenWhenNothingWasRead() throws IOException {
    long before = readAheadThreads();
    ByteSource source = gzipSource(gzip(Files.readAllBytes(PCAP)), 16, new SkipCounter());
    assertEquals(before + 1, readAheadThreads());
    source.close();
    assertEquals(before, readAheadThreads());
  }

  @Test
  void beyondTheLimitOfProducersTheCallerInflatesInPlaceAndGetsTheSameFrames() throws IOException {
    byte[] pcap = Files.readAllBytes(PCAP);
    byte[] gz = gzip(pcap);
    Path file = dir.resolve("vlan.pcap.gz");
    Files.write(file, gz);
    long before = readAheadThreads();
    List<ByteSource> open = new ArrayList<>();
    try {
      ByteSource s;
      while ((s = InflateAhead.start(inflating(gz), gz.length, 64, new SkipCounter())) != null) {
        open.add(s);
      }
      assertEquals(ReadAhead.MAX_ACTIVE, before + open.size());
      try (FrameReader inPlace = CaptureFiles.open(file, new SkipCounter(), 64)) {
        assertEquals(ReadFrames.all(pcap, new SkipCounter()), ReadFrames.all(inPlace));
        assertEquals(ReadAhead.MAX_ACTIVE, readAheadThreads(), "no producer of its own");
      }
      open.remove(0).close();
      ByteSource again = InflateAhead.start(inflating(gz), gz.length, 64, new SkipCounter());
      assertNotNull(again, "a closed producer's place is free again");
      open.add(again);
    } finally {
      for (ByteSource s : open) {
        s.close();
      }
    }
    assertEquals(before, readAheadThreads());
  }

  @Test
  void aReadFailureReachesTheConsumer() throws IOException {
    ReadAhead.Filler failing = new ReadAhead.Filler() {
      private int calls;

      @Override
      public int fill(ByteBuffer into) throws IOException {
        if (++calls > 2) {
          throw new IOException("disk gone");
        }
        into.put(new byte[into.remaining()]);
        return into.limit();
      }
    };
    ReadAhead ahead = ReadAhead.start(failing, 10, 3, ByteBuffer::allocate, "test read-ahead");
    assertNotNull(ahead);
    try (ChunkedSource source = new ChunkedSource(ahead, -1, new SkipCounter(), () -> 0, () -> { })) {
      assertEquals(20, source.fill(0, 20));
      IOException e = assertThrows(IOException.class, () -> source.fill(20, 5));
      assertEquals("disk gone", e.getMessage());
    }
  }

  @Test
  void aGzipdCaptureOfManyChunksReadsTheSameFramesAsThePlainFile() throws IOException {
    byte[] pcap = Files.readAllBytes(PCAP);
    Path gz = dir.resolve("vlan.pcap.gz");
    Files.write(gz, gzip(pcap));
    try (FrameReader ahead = CaptureFiles.open(gz, new SkipCounter(), 333)) {
      assertEquals(ReadFrames.all(pcap, new SkipCounter()), ReadFrames.all(ahead));
      assertEquals(Files.size(gz), ahead.position());
    }
  }

  private static long readAheadThreads() {
    // a closed producer's thread has ended by the time close returns
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("capture inflate-ahead")).count();
  }

  private static ByteSource gzipSource(byte[] gz, int chunk, SkipCounter skips) throws IOException {
    ByteSource s = InflateAhead.start(inflating(gz), gz.length, chunk, skips);
    assertNotNull(s);
    return s;
  }

  private static GzipSource.Inflating inflating(byte[] gz) throws IOException {
    return GzipSource.inflating(new GzipSource.CountingStream(new ByteArrayInputStream(gz)));
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }
}
