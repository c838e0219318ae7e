package org.dnsseismograph.capture;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the frames of a Frame Streams stream, a file or one side of a socket: a data frame is a
 * 4-byte big-endian length and that many bytes; a length of zero escapes a control frame (4-byte
 * length, 4-byte type, then fields of type, length and value). Lengths are bounded before anything
 * is allocated: data frames by a limit (1 MiB by default, as fstrm's), control frames by the
 * protocol's 512 bytes, content types by 256. Not thread-safe; the caller owns the stream.
 *
 * @see <a href="https://farsightsec.github.io/fstrm/">Frame Streams</a>
 */
public final class FrameStreamReader {
  /** Longest control frame the protocol allows (fstrm's FSTRM_CONTROL_FRAME_LENGTH_MAX). */
  public static final int MAX_CONTROL_LENGTH = 512;
  /** Longest content type the protocol allows. */
  public static final int MAX_CONTENT_TYPE_LENGTH = 256;
  /** Default limit of a data frame: fstrm's default maximum frame size. */
  public static final int DEFAULT_MAX_FRAME = 1 << 20;
  static final int FIELD_CONTENT_TYPE = 1;

  private final InputStream in;
  private final int maxFrame;
  private final byte[] word = new byte[4];
  private long bytesRead;

  /** A reader with the default frame limit; buffers {@code in} itself. */
  public FrameStreamReader(InputStream in) {
    this(in, DEFAULT_MAX_FRAME);
  }

  public FrameStreamReader(InputStream in, int maxFrameBytes) {
    if (maxFrameBytes < 1) {
      throw new IllegalArgumentException("frame limit must be positive: " + maxFrameBytes);
    }
    this.in = new BufferedInputStream(in, 64 << 10);
    this.maxFrame = maxFrameBytes;
  }

  /**
   * The next frame, or null when the input ends cleanly between frames.
   *
   * @throws FrameStreamException when the input ends inside a frame, a length is beyond its limit,
   *     or a control frame is malformed; the stream cannot be read on after it
   * @throws IOException when reading fails (a closed socket, say)
   */
  public StreamFrame next() throws IOException, FrameStreamException {
    int first = in.read();
    if (first < 0) {
      return null;
    }
    bytesRead++;
    long length = ((first & 0xFFL) << 24) | u24();
    if (length == 0) {
      return control();
    }
    if (length > maxFrame) {
      throw new FrameStreamException(DnstapSkip.FRAME_TOO_LARGE, "data frame of " + length + " bytes, more than the limit of " + maxFrame);
    }
    byte[] data = new byte[(int) length];
    readFully(data);
    return new StreamFrame.Data(data);
  }

  /** Bytes consumed so far. */
  public long bytesRead() {
    return bytesRead;
  }

  private StreamFrame.Control control() throws IOException, FrameStreamException {
    long length = u32();
    if (length < 4 || length > MAX_CONTROL_LENGTH) {
      throw malformed("control frame length " + length + " outside 4.." + MAX_CONTROL_LENGTH);
    }
    byte[] body = new byte[(int) length];
    readFully(body);
    int typeNumber = int32(body, 0);
    ControlType type = ControlType.of(typeNumber);
    if (type == null) {
      throw malformed("unknown control frame type " + Integer.toUnsignedString(typeNumber));
    }
    List<String> contentTypes = new ArrayList<>(1);
    int p = 4;
    while (p < body.length) {
      if (body.length - p < 8) {
        throw malformed("control frame field header cut short");
      }
      int field = int32(body, p);
      long fieldLength = int32(body, p + 4) & 0xFFFF_FFFFL;
      p += 8;
      if (fieldLength > body.length - p) {
        throw malformed("control frame field runs past the frame");
      }
      if (field == FIELD_CONTENT_TYPE) {
        if (fieldLength > MAX_CONTENT_TYPE_LENGTH) {
          throw malformed("content type longer than " + MAX_CONTENT_TYPE_LENGTH + " bytes");
        }
        contentTypes.add(new String(body, p, (int) fieldLength, StandardCharsets.ISO_8859_1));
      }
      // Unknown field types are skipped: the protocol may grow fields a reader does not need.
      p += (int) fieldLength;
    }
    return new StreamFrame.Control(type, contentTypes);
  }

  private static FrameStreamException malformed(String why) {
    return new FrameStreamException(DnstapSkip.CONTROL_MALFORMED, why);
  }

  private long u24() throws IOException, FrameStreamException {
    readFully(word, 3);
    return ((word[0] & 0xFFL) << 16) | ((word[1] & 0xFFL) << 8) | (word[2] & 0xFFL);
  }

  private long u32() throws IOException, FrameStreamException {
    readFully(word, 4);
    return int32(word, 0) & 0xFFFF_FFFFL;
  }

  private static int int32(byte[] b, int p) {
    return ((b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
  }

  private void readFully(byte[] b) throws IOException, FrameStreamException {
    readFully(b, b.length);
  }

  private void readFully(byte[] b, int n) throws IOException, FrameStreamException {
    int done = 0;
    while (done < n) {
      int r;
      try {
        r = in.read(b, done, n - done);
      } catch (EOFException e) {
        r = -1;
      }
      if (r < 0) {
        throw new FrameStreamException(DnstapSkip.STREAM_TRUNCATED, "input ends inside a frame (" + done + " of " + n + " bytes)");
      }
      done += r;
    }
    bytesRead += n;
  }
}
