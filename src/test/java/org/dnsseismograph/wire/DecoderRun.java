package org.dnsseismograph.wire;

import java.nio.ByteBuffer;

/** Feeds frames to a {@link PacketDecoder} the way a reader would, collecting what it emits. */
final class DecoderRun {
  static final long START = 1_700_000_000_000_000_000L;
  static final long MILLI = 1_000_000L;

  final SkipCounter skips = new SkipCounter();
  final Collected out = new Collected();
  final PacketDecoder decoder;
  private final RawFrame frame = new RawFrame();
  private long time = START;
  private long number;

  DecoderRun(DecodeOptions options) {
    decoder = new PacketDecoder(options, skips, out);
  }

  DecoderRun() {
    this(DecodeOptions.defaults());
  }

  /** One frame, a millisecond after the previous one. */
  DecoderRun frame(int linkType, byte[] bytes) {
    return frameAt(time, linkType, bytes);
  }

  DecoderRun frame(LinkType linkType, byte[] bytes) {
    return frame(linkType.code(), bytes);
  }

  /** One frame at capture time {@code t} (the next frame comes a millisecond later). */
  DecoderRun frameAt(long t, int linkType, byte[] bytes) {
    // the bytes sit inside a larger buffer, as in a mapped window
    ByteBuffer b = ByteBuffer.allocate(bytes.length + 20);
    b.put(10, bytes);
    frame.buffer = b;
    frame.offset = 10;
    frame.capturedLength = bytes.length;
    frame.originalLength = bytes.length;
    frame.linkType = linkType;
    frame.timestampNanos = t;
    frame.frameNumber = ++number;
    decoder.decode(frame);
    time = t + MILLI;
    return this;
  }

  /** A frame whose capture was cut to {@code captured} bytes. */
  DecoderRun snapped(int linkType, byte[] bytes, int captured) {
    byte[] cut = java.util.Arrays.copyOf(bytes, captured);
    ByteBuffer b = ByteBuffer.wrap(cut);
    frame.buffer = b;
    frame.offset = 0;
    frame.capturedLength = captured;
    frame.originalLength = bytes.length;
    frame.linkType = linkType;
    frame.timestampNanos = time;
    frame.frameNumber = ++number;
    decoder.decode(frame);
    time += MILLI;
    return this;
  }

  long now() {
    return time;
  }

  DecoderRun finish() {
    decoder.finish();
    return this;
  }
}
