package org.dnsseismograph.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Arbitrary bytes as a capture file: recognising, reading and decoding them never throws an
 * unchecked exception, never loops forever, stays within fixed allocation bounds, hands out frames
 * inside their buffer, and gives the same frames whatever the mapping window. Seeds:
 * {@code CaptureFilesFuzzTestInputs/anyBytes/} (small real captures and damaged variants).
 */
class CaptureFilesFuzzTest {
  /** Beyond the input itself: the gzip buffer bound plus interface tables and small change. */
  private static final long ALLOCATION_BOUND = (InflateAhead.BUFFERS + 2L) * InflateAhead.CHUNK + 2L * PcapNgReader.MAX_BUFFERED_BLOCK + (16 << 20);

  @FuzzTest(maxDuration = "5m")
  void anyBytes(byte[] input) throws IOException {
    List<ReadFrames.Frame> wide = read(input, MappedSource.DEFAULT_WINDOW);
    // measured on a second read: the first one loads (and, when fuzzing, instruments) classes on this thread
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    read(input, MappedSource.DEFAULT_WINDOW);
    long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
    // copies of the frames themselves are the test's, not the reader's: at most a few per input byte
    assertTrue(allocated < ALLOCATION_BOUND + 64L * input.length, () -> allocated + " bytes allocated");
    assertEquals(wide, read(input, 61), "frames do not depend on the mapping window");
  }

  private static List<ReadFrames.Frame> read(byte[] input, int window) throws IOException {
    SkipCounter skips = new SkipCounter();
    FrameReader reader;
    try {
      reader = CaptureFiles.open(ByteBuffer.wrap(input), skips, window);
    } catch (NotACaptureException e) {
      return List.of();
    }
    java.util.ArrayList<ReadFrames.Frame> frames = new java.util.ArrayList<>();
    PacketDecoder decoder = new PacketDecoder(DecodeOptions.defaults().withPorts(DnsPorts.of(53, 53000)), skips,
        PacketDecoderFuzzTest::checkInsideItsBuffer);
    try (reader) {
      RawFrame f = new RawFrame();
      while (reader.next(f)) {
        assertTrue(f.offset >= 0 && f.capturedLength >= 0 && f.offset + f.capturedLength <= f.buffer.limit());
        assertTrue(f.capturedLength <= PcapReader.MAX_CAPTURED && f.originalLength >= f.capturedLength);
        assertTrue(f.frameNumber == frames.size() + 1);
        frames.add(new ReadFrames.Frame(f.timestampNanos, f.linkType, f.interfaceId, f.copyBytes(), f.originalLength));
        decoder.decode(f);
      }
      assertTrue(reader.position() <= input.length);
    }
    decoder.finish();
    return frames;
  }
}
