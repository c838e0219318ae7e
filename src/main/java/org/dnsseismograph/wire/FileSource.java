package org.dnsseismograph.wire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A plain capture file read with positional reads into one reused direct buffer: the range asked
 * for and what follows it, {@code bufferSize} bytes at a time (more when one range needs more).
 * Not memory-mapped on purpose: a mapped file's pages count in the process' resident memory until
 * the mapping is collected, so resident memory grew with the capture; this holds one buffer, the
 * same for any file length, and files larger than 2 GB or than RAM read the same way.
 *
 * <p>The buffer is refilled in place, so {@link #data()} is valid only until the next {@link
 * #fill} that leaves the held range (as {@link ChunkedSource}'s). Not thread-safe.
 */
final class FileSource extends ByteSource {
  /** Bytes read per refill: large enough that the system calls do not show, small enough to stay in cache. */
  static final int DEFAULT_BUFFER = 1 << 20;

  private final FileChannel channel;
  private final long size;
  private ByteBuffer buffer;
  /** File position of buffer index 0. */
  private long bufferStart;
  private int bufferLength;
  private long consumed;

  /** Reads into a buffer of {@link ReadBuffers}, given back at {@link #close}. */
  FileSource(FileChannel channel, int bufferSize) throws IOException {
    this.channel = channel;
    this.size = channel.size();
    this.buffer = ReadBuffers.take(Math.max(16, bufferSize));
  }

  @Override
  int fill(long pos, int len) throws IOException {
    if (pos >= bufferStart && pos + len <= bufferStart + bufferLength) {
      consumed = Math.max(consumed, pos + len);
      return len;
    }
    if (pos >= size) {
      consumed = size;
      return 0;
    }
    if (len > buffer.capacity()) {
      ReadBuffers.give(buffer);
      buffer = ReadBuffers.take(Math.max(len, 2 * buffer.capacity()));
    }
    read(pos, (int) Math.min(buffer.capacity(), size - pos));
    int available = (int) Math.min(len, bufferLength);
    consumed = Math.max(consumed, pos + available);
    return available;
  }

  /** Reads {@code wanted} bytes from {@code pos} into the buffer's start (fewer if the file shrank). */
  private void read(long pos, int wanted) throws IOException {
    bufferStart = pos;
    bufferLength = 0;
    buffer.clear().limit(wanted);
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, pos + buffer.position());
      if (n < 0) {
        break;
      }
    }
    bufferLength = buffer.position();
    buffer.position(0).limit(bufferLength);
  }

  @Override
  ByteBuffer data() {
    return buffer;
  }

  @Override
  int index(long pos) {
    return (int) (pos - bufferStart);
  }

  @Override
  long end() {
    return bufferStart + bufferLength;
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
    if (channel.isOpen()) {
      ReadBuffers.give(buffer);
    }
    channel.close();
  }
}
