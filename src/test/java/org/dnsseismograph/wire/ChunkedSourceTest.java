package org.dnsseismograph.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
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
    readAllRanges(source, expected, chunk, seed, 0);
  }

  private static void readAllRanges(ByteSource source, byte[] expected, int chunk, long seed, long from) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    long pos = from;
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

  /**
   * Cut-off and corrupted gzip data end the bytes where the JDK's own gzip stream, read in a plain
   * loop, stops giving them, with the skip that says why, counted once.
   */
  @Test
  void badGzipDataEndsTheBytesWhereTheJdksGzipStreamStops() throws IOException {
    byte[] whole = gzip(Files.readAllBytes(PCAP));
    byte[] cut = Arrays.copyOf(whole, whole.length / 2);
    byte[] corrupt = whole.clone();
    for (int i = whole.length / 3; i < whole.length / 3 + 64; i++) {
      corrupt[i] ^= 0x5A;
    }
    for (byte[] gz : List.of(cut, corrupt)) {
      ByteArrayOutputStream jdk = new ByteArrayOutputStream();
      WireSkip why = null;
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
        byte[] b = new byte[777];
        int n;
        while ((n = in.read(b)) > 0) {
          jdk.write(b, 0, n);
        }
      } catch (EOFException e) {
        why = WireSkip.GZIP_TRUNCATED;
      } catch (ZipException e) {
        why = WireSkip.GZIP_CORRUPT;
      }
      assertNotNull(why);
      for (boolean threaded : List.of(true, false)) {
        SkipCounter skips = new SkipCounter();
        try (ByteSource source = InflateAhead.source(inflating(gz), gz.length, 1000, skips, threaded)) {
          assertArrayEquals(jdk.toByteArray(), drain(source));
          source.fill(jdk.size() + 10, 1);
        }
        assertEquals(1, skips.total());
        assertEquals(why, skips.snapshot().get(0).reason());
      }
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
  void openingAGzipdFileToCheckItsFormatStartsNoThread() throws IOException {
    // 1.7 MB: more than the ring holds, so a thread started would still be there, waiting
    Path gz = dir.resolve("random.pcap.gz");
    Files.write(gz, gzip(Files.readAllBytes(Captures.file("pktvisor-dns_udp_tcp_random.pcap"))));
    long before = readAheadThreads();
    try (FrameReader r = CaptureFiles.open(gz, new SkipCounter())) {
      assertTrue(r.gzipped());
      assertEquals(before, readAheadThreads());
    }
  }

  @Test
  void closingStopsTheProducerThreadMidway() throws IOException {
    long before = readAheadThreads();
    ByteSource source = gzipSource(gzip(Files.readAllBytes(PCAP)), 16, new SkipCounter());
    assertEquals(before, readAheadThreads(), "no thread before the first bytes are asked for");
    source.fill(0, 16);
    assertEquals(before, readAheadThreads(), "the first chunk is made on the reading thread");
    source.fill(0, 24);
    assertEquals(before + 1, readAheadThreads());
    source.close();
    assertEquals(before, readAheadThreads());
  }

  /**
   * With every producer thread taken, a source inflates on the reading thread, and takes a thread
   * at its next chunk once one is free; the bytes are the same all along.
   */
  @Test
  void beyondTheLimitOfThreadsTheReadingThreadInflatesUntilOneIsFree() throws IOException {
    byte[] pcap = Files.readAllBytes(PCAP);
    byte[] gz = gzip(pcap);
    long before = readAheadThreads();
    List<ByteSource> busy = new ArrayList<>();
    try {
      while (before + busy.size() < ReadAhead.MAX_ACTIVE) {
        ByteSource s = gzipSource(gz, 64, new SkipCounter());
        // past the first chunk, which is made on the reading thread
        s.fill(0, 100);
        busy.add(s);
      }
      ChunkedSource late = (ChunkedSource) gzipSource(gz, 64, new SkipCounter());
      assertRange(late, pcap, 0, 200);
      assertFalse(late.threaded(), "no thread while all are taken");
      assertEquals(ReadAhead.MAX_ACTIVE, readAheadThreads());
      busy.remove(0).close();
      assertRange(late, pcap, 200, 300);
      assertTrue(late.threaded(), "a thread at the next chunk once one is free");
      readAllRanges(late, pcap, 64, 7, 500);
      late.close();
    } finally {
      for (ByteSource s : busy) {
        s.close();
      }
    }
    assertEquals(before, readAheadThreads());
  }

  /**
   * A window closing interrupts its loads, which then close their readers: the producer must have
   * stopped before the stream it reads is closed, or the JDK's gzip stream throws out of it.
   */
  @Test
  void closingOnAnInterruptedThreadWaitsForTheProducerBeforeClosingItsStream() throws Exception {
    CountDownLatch filling = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean inFill = new AtomicBoolean();
    ReadAhead.Filler slow = new ReadAhead.Filler() {
      private int calls;

      @Override
      public int fill(ByteBuffer into) throws IOException {
        if (++calls == 3) {
          inFill.set(true);
          filling.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            throw new AssertionError("the producer is not interrupted", e);
          }
          inFill.set(false);
        }
        into.put(new byte[into.remaining()]);
        return into.limit();
      }
    };
    AtomicBoolean closedWhileFilling = new AtomicBoolean();
    ReadAhead ahead = new ReadAhead(slow, 10, 3, "test read-ahead", true);
    ChunkedSource source = new ChunkedSource(ahead, -1, new SkipCounter(), () -> 0, () -> closedWhileFilling.set(inFill.get()));
    assertEquals(15, source.fill(0, 15), "the second chunk starts the producer, which makes the third");
    assertTrue(filling.await(10, TimeUnit.SECONDS));
    Thread releaser = new Thread(() -> {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      release.countDown();
    });
    releaser.start();
    Thread.currentThread().interrupt();
    try {
      source.close();
      assertTrue(Thread.currentThread().isInterrupted(), "the caller's interrupt is kept for it");
    } finally {
      Thread.interrupted();
      releaser.join();
    }
    assertFalse(closedWhileFilling.get(), "the stream was closed while the producer read it");
  }

  @Test
  void aReadFailureReachesTheConsumer() throws IOException {
    try (ChunkedSource source = failingAtTheThirdChunk(new IOException("disk gone"))) {
      assertEquals(20, source.fill(0, 20));
      IOException e = assertThrows(IOException.class, () -> source.fill(20, 5));
      assertEquals("disk gone", e.getMessage());
    }
  }

  @Test
  void anUncheckedFailureOfTheProducerReachesTheConsumerInsteadOfLeavingItWaiting() throws IOException {
    try (ChunkedSource source = failingAtTheThirdChunk(new NullPointerException("Inflater has been closed"))) {
      assertEquals(20, source.fill(0, 20));
      IOException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(IOException.class, () -> source.fill(20, 5)));
      assertTrue(e.getCause() instanceof NullPointerException, String.valueOf(e.getCause()));
    }
  }

  /** Chunks of 10 zero bytes made ahead on a thread, whose third chunk fails with {@code failure}. */
  private static ChunkedSource failingAtTheThirdChunk(Exception failure) {
    ReadAhead.Filler failing = new ReadAhead.Filler() {
      private int calls;

      @Override
      public int fill(ByteBuffer into) throws IOException {
        if (++calls > 2) {
          if (failure instanceof IOException io) {
            throw io;
          }
          throw (RuntimeException) failure;
        }
        into.put(new byte[into.remaining()]);
        return into.limit();
      }
    };
    return new ChunkedSource(new ReadAhead(failing, 10, 3, "test read-ahead", true), -1, new SkipCounter(), () -> 0, () -> { });
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
    return InflateAhead.source(inflating(gz), gz.length, chunk, skips, true);
  }

  private static InflateAhead.Inflating inflating(byte[] gz) throws IOException {
    return InflateAhead.inflating(new ByteArrayInputStream(gz), 512);
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }
}
