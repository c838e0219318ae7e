package org.dnsseismograph.wire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * A plain capture file, memory-mapped in windows so files larger than 2 GB and larger than RAM
 * work: only the window in use is mapped, and the kernel pages it in and out. A range that
 * crosses the window's end gets a new window starting at that range. Also serves in-memory bytes
 * (fuzzing, tests) through the same windowing. Not thread-safe.
 */
final class MappedSource extends ByteSource {
  static final int DEFAULT_WINDOW = 64 << 20;

  private final FileChannel channel;
  private final ByteBuffer memory;
  private final long size;
  private final int windowSize;
  private ByteBuffer window = ByteBuffer.allocate(0);
  private long windowStart;
  private long windowEnd;
  private long consumed;

  private MappedSource(FileChannel channel, ByteBuffer memory, long size, int windowSize) {
    this.channel = channel;
    this.memory = memory;
    this.size = size;
    this.windowSize = windowSize;
  }

  static MappedSource of(FileChannel channel, int windowSize) throws IOException {
    return new MappedSource(channel, null, channel.size(), windowSize);
  }

  static MappedSource of(ByteBuffer memory, int windowSize) {
    return new MappedSource(null, memory.duplicate(), memory.remaining(), windowSize);
  }

  @Override
  int fill(long pos, int len) throws IOException {
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
    if (channel != null) {
      window = channel.map(FileChannel.MapMode.READ_ONLY, pos, length);
    } else {
      window = memory.slice(memory.position() + (int) pos, length);
    }
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
  public void close() throws IOException {
    window = ByteBuffer.allocate(0);
    windowEnd = 0;
    if (channel != null) {
      channel.close();
    }
  }
}
