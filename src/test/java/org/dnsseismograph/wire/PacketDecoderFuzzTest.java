package org.dnsseismograph.wire;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/**
 * Arbitrary frames of every link type through {@link PacketDecoder}, with small bounds so
 * eviction, timeouts and forced holes are reached: nothing throws, every payload lies inside its
 * buffer, and held memory stays within the bounds. The input is a sequence of frames, each
 * {@code [link type index: 1][time step in ms, signed: 2][length: 2][bytes]}, so real frames can
 * be seeds ({@code PacketDecoderFuzzTestInputs/anyFrames/}).
 */
class PacketDecoderFuzzTest {
  static final int[] LINK_TYPES = {1, 113, 276, 101, 12, 14, 228, 229, 0, 108, 105};

  private static final DecodeOptions SMALL = new DecodeOptions(DnsPorts.of(53, 53000), 2_000_000_000L,
      DecodeOptions.MIN_FRAGMENT_BYTES, 8, 5_000_000_000L, DecodeOptions.LARGEST_TCP_MESSAGE);

  @FuzzTest(maxDuration = "5m")
  void anyFrames(byte[] input) {
    ByteBuffer in = ByteBuffer.wrap(input);
    SkipCounter skips = new SkipCounter();
    PacketDecoder decoder = new PacketDecoder(SMALL, skips, PacketDecoderFuzzTest::checkInsideItsBuffer);
    RawFrame f = new RawFrame();
    long time = 1_700_000_000_000_000_000L;
    long number = 0;
    while (in.remaining() >= 5) {
      f.linkType = LINK_TYPES[(in.get() & 0xFF) % LINK_TYPES.length];
      time += in.getShort() * 1_000_000L;
      int length = Math.min(in.getShort() & 0xFFFF, in.remaining());
      // the frame sits inside a larger buffer, as in a mapped window
      f.buffer = in;
      f.offset = in.position();
      f.capturedLength = length;
      f.originalLength = length;
      f.timestampNanos = time;
      f.frameNumber = ++number;
      decoder.decode(f);
      in.position(in.position() + length);
      assertTrue(decoder.fragmentBytesHeld() <= SMALL.maxFragmentBytes() * 2);
      assertTrue(decoder.tcpStreamsTracked() <= SMALL.maxTcpFlows());
    }
    decoder.finish();
  }

  static void checkInsideItsBuffer(DnsPayload p) {
    assertTrue(p.offset >= 0 && p.length >= 0 && p.offset + p.length <= p.buffer.limit(),
        () -> "payload [" + p.offset + ", +" + p.length + ") outside its buffer of " + p.buffer.limit());
    assertTrue(p.originalLength >= p.length);
    assertTrue(p.transport != null && p.srcPort >= 0 && p.dstPort <= 0xFFFF);
  }
}
