package org.dnsseismograph.wire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads every frame of a capture into plain values, for comparing readers and files. */
final class ReadFrames {
  /** One frame copied out of the flyweight. */
  record Frame(long timestampNanos, int linkType, int interfaceId, byte[] bytes, int originalLength) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Frame f && f.timestampNanos == timestampNanos && f.linkType == linkType
          && f.interfaceId == interfaceId && Arrays.equals(f.bytes, bytes) && f.originalLength == originalLength;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(timestampNanos) * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Frame[" + timestampNanos + ", link " + linkType + ", if " + interfaceId + ", " + bytes.length + "/"
          + originalLength + " bytes]";
    }
  }

  private ReadFrames() {}

  static List<Frame> all(FrameReader reader) throws IOException {
    List<Frame> frames = new ArrayList<>();
    RawFrame f = new RawFrame();
    while (reader.next(f)) {
      frames.add(new Frame(f.timestampNanos, f.linkType, f.interfaceId, f.copyBytes(), f.originalLength));
    }
    return frames;
  }

  static List<Frame> all(Path file, SkipCounter skips) throws IOException {
    try (FrameReader r = CaptureFiles.open(file, skips)) {
      return all(r);
    }
  }

  static List<Frame> all(byte[] bytes, SkipCounter skips) throws IOException {
    try (FrameReader r = CaptureFiles.open(ByteBuffer.wrap(bytes), skips, MappedSource.DEFAULT_WINDOW)) {
      return all(r);
    }
  }
}
