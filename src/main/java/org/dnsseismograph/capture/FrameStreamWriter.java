package org.dnsseismograph.capture;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes Frame Streams frames: data frames (length and payload) and control frames (escape,
 * length, type, CONTENT_TYPE fields). Used for the receiver's replies (ACCEPT, FINISH) and to record
 * a received stream as a unidirectional file (START, data, STOP) that {@code fstrm_dump} and
 * {@link DnstapFileReader} read. Does not buffer: wrap {@code out} in a buffered stream for files.
 * Not thread-safe.
 *
 * @see <a href="https://farsightsec.github.io/fstrm/">Frame Streams</a>
 */
public final class FrameStreamWriter implements Closeable, Flushable {
  private final OutputStream out;
  private long bytesWritten;

  public FrameStreamWriter(OutputStream out) {
    this.out = out;
  }

  /**
   * Writes a control frame.
   *
   * @throws IllegalArgumentException when the content types make the frame longer than the
   *     protocol allows
   */
  public void writeControl(ControlType type, String... contentTypes) throws IOException {
    int length = 4;
    byte[][] encoded = new byte[contentTypes.length][];
    for (int i = 0; i < contentTypes.length; i++) {
      encoded[i] = contentTypes[i].getBytes(StandardCharsets.ISO_8859_1);
      if (encoded[i].length > FrameStreamReader.MAX_CONTENT_TYPE_LENGTH) {
        throw new IllegalArgumentException("content type longer than " + FrameStreamReader.MAX_CONTENT_TYPE_LENGTH + " bytes");
      }
      length += 8 + encoded[i].length;
    }
    if (length > FrameStreamReader.MAX_CONTROL_LENGTH) {
      throw new IllegalArgumentException("control frame longer than " + FrameStreamReader.MAX_CONTROL_LENGTH + " bytes");
    }
    byte[] frame = new byte[8 + length];
    put32(frame, 0, 0);
    put32(frame, 4, length);
    put32(frame, 8, type.number());
    int p = 12;
    for (byte[] ct : encoded) {
      put32(frame, p, FrameStreamReader.FIELD_CONTENT_TYPE);
      put32(frame, p + 4, ct.length);
      System.arraycopy(ct, 0, frame, p + 8, ct.length);
      p += 8 + ct.length;
    }
    out.write(frame);
    bytesWritten += frame.length;
  }

  /**
   * Writes a data frame of {@code data[offset, offset + length)}.
   *
   * @throws IllegalArgumentException for an empty frame (a length of zero is the control escape)
   */
  public void writeData(byte[] data, int offset, int length) throws IOException {
    if (length <= 0) {
      throw new IllegalArgumentException("a data frame must not be empty");
    }
    byte[] header = new byte[4];
    put32(header, 0, length);
    out.write(header);
    out.write(data, offset, length);
    bytesWritten += 4L + length;
  }

  /** Bytes written so far. */
  public long bytesWritten() {
    return bytesWritten;
  }

  private static void put32(byte[] b, int p, int v) {
    b[p] = (byte) (v >>> 24);
    b[p + 1] = (byte) (v >>> 16);
    b[p + 2] = (byte) (v >>> 8);
    b[p + 3] = (byte) v;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
