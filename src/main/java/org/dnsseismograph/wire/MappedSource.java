package org.dnsseismograph.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Capture bytes held in memory (fuzzing, tests), served in windows as a file would be: a range
 * that crosses the window's end gets a new window (a slice) starting at that range, so readers
 * meet window edges at chosen places. Files are read by {@link FileSource}. Not thread-safe.
 */
final class MappedSource extends ByteSource {
  static final int DEFAULT_WINDOW = 64 << 20;

  private final ByteBuffer memory;
  private final long size;
  private final int windowSize;
  private ByteBuffer window = ByteBuffer.allocate(0);
  private long windowStart;
  private long windowEnd;
  private long consumed;

  private MappedSource(ByteBuffer memory, long size, int windowSize) {
    this.memory = memory;
    this.size = size;
    this.windowSize = windowSize;
  }

  static MappedSource of(ByteBuffer memory, int windowSize) {
    return new MappedSource(memory.duplicate(), memory.remaining(), windowSize);
  }

  @Override
  int fill(long pos, int len) {
    if (pos >= windowStart && pos + len <= windowEnd) {
      consumed = Math.max(consumed, pos + len);
      return len;
    }
    if (pos >= size) {
      consumed = size;
      return 0;
    }
    long end = Math.min(size, pos + Math.max(windowSize, len));
    int length = (int) (end - pos);
    window = memory.slice(memory.position() + (int) pos, length);
    window.order(ByteOrder.BIG_ENDIAN);
    windowStart = pos;
    windowEnd = end;
    int available = (int) Math.min(len, end - pos);
    consumed = Math.max(consumed, pos + available);
    return available;
  }

  @Override
  ByteBuffer data() {
    return window;
  }

  @Override
  int index(long pos) {
    return (int) (pos - windowStart);
  }

  @Override
  long end() {
    return windowEnd;
  }

  @Override
  long sourcePosition() {
    return consumed;
  }

  @Override
  long sourceSize() {
    return size;
  }

  @Override
  boolean gzipped() {
    return false;
  }

  @Override
  public void close() {
    window = ByteBuffer.allocate(0);
    windowEnd = 0;
  }
}
