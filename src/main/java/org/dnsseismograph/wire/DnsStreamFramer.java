package org.dnsseismograph.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Cuts one direction of a TCP stream into DNS messages by their two-byte length prefix (RFC 7766
 * section 8). Messages that lie whole in a segment are emitted straight from the frame's buffer;
 * only a message that spans segments is copied, and it is held until its last byte arrives.
 *
 * <p>A hole (bytes the capture never saw) loses the message it falls in. When the hole ends inside
 * that message the framing is kept, since its length says where the next message starts;
 * otherwise the framer looks for the next plausible message start ({@link DnsMessageStart}) and
 * drops the bytes before it. Both are counted. Not thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7766#section-8">RFC 7766 section 8</a>
 */
final class DnsStreamFramer {
  private final TcpStream stream;
  private final SkipCounter skips;
  private final DnsEmitter emitter;
  /**
   * What a framer holds when it holds nothing, shared so that a short TCP connection (one query,
   * one response, each whole in a segment) allocates no buffer: never written, read by absolute
   * index only (nothing, being empty), so safe to share between threads.
   */
  private static final byte[] NOTHING = new byte[0];

  private static final ByteBuffer NOTHING_BUFFER = ByteBuffer.wrap(NOTHING);

  private byte[] held = NOTHING;
  private ByteBuffer heldBuffer = NOTHING_BUFFER;
  private int heldLength;
  /** Bytes still to drop: the rest of a message lost to a hole. */
  private int discard;
  private boolean seeking;
  private boolean droppedWhileSeeking;
  /** Set while the last bytes are framed: a start needs no follower then. */
  private boolean endOfStream;

  DnsStreamFramer(TcpStream stream, SkipCounter skips, DnsEmitter emitter) {
    this.stream = stream;
    this.skips = skips;
    this.emitter = emitter;
  }

  /** The stream's first bytes were not seen from its start: find a message start first. */
  void seekMessageStart() {
    seeking = true;
    droppedWhileSeeking = false;
  }

  /** The stream's next byte starts a message (its SYN was seen). */
  void startAligned() {
    seeking = false;
    droppedWhileSeeking = false;
  }

  /** Bytes held for a message not yet complete. */
  int heldLength() {
    return heldLength;
  }

  /** Takes the next {@code length} in-order stream bytes, found at {@code index} of {@code b}. */
  void accept(ByteBuffer b, int index, int length) {
    int i = index;
    int n = length;
    while (n > 0 && heldLength > 0) {
      int k = Math.min(wanted(), n);
      append(b, i, k);
      i += k;
      n -= k;
      compact(frame(heldBuffer, 0, heldLength));
    }
    if (n > 0) {
      int used = frame(b, i, n);
      if (used < n) {
        append(b, i + used, n - used);
      }
    }
  }

  /** Bytes the held data needs before framing can go on. */
  private int wanted() {
    if (seeking) {
      return Integer.MAX_VALUE;
    }
    if (heldLength < 2) {
      return 2 - heldLength;
    }
    return 2 + (heldBuffer.getShort(0) & 0xFFFF) - heldLength;
  }

  /**
   * Emits the complete messages in {@code [index, index + length)} of {@code buf}.
   *
   * @return bytes consumed; what is left is the start of an incomplete message, or too few bytes
   *     to judge a message start
   */
  private int frame(ByteBuffer buf, int index, int length) {
    int p = index;
    int end = index + length;
    while (p < end) {
      if (discard > 0) {
        int k = Math.min(discard, end - p);
        discard -= k;
        p += k;
        continue;
      }
      if (seeking) {
        int found = DnsMessageStart.find(buf, p, end, endOfStream);
        int next = found >= 0 ? found : -(found + 1);
        if (next > p && !droppedWhileSeeking) {
          droppedWhileSeeking = true;
          skips.count(WireSkip.TCP_RESYNC_DISCARD, stream.emitFrame);
        }
        p = next;
        if (found < 0) {
          break;
        }
        seeking = false;
        continue;
      }
      if (end - p < 2) {
        break;
      }
      int messageLength = buf.getShort(p) & 0xFFFF;
      if (messageLength == 0) {
        skips.count(WireSkip.TCP_EMPTY_MESSAGE, stream.emitFrame);
        p += 2;
        continue;
      }
      if (end - p < 2 + messageLength) {
        break;
      }
      stream.emit(emitter, buf, p + 2, messageLength);
      p += 2 + messageLength;
    }
    return p - index;
  }

  /** {@code length} stream bytes will never be seen at the current position. */
  void hole(int length) {
    if (length <= 0) {
      return;
    }
    skips.count(WireSkip.TCP_HOLE, stream.emitFrame);
    int n = length;
    if (discard > 0) {
      int k = Math.min(discard, n);
      discard -= k;
      n -= k;
      if (n == 0) {
        return;
      }
    }
    if (!seeking && heldLength > 0) {
      skips.count(WireSkip.TCP_MESSAGE_LOST, stream.emitFrame);
      int rest = heldLength >= 2 ? 2 + (heldBuffer.getShort(0) & 0xFFFF) - heldLength : -1;
      heldLength = 0;
      if (rest >= n) {
        discard = rest - n;
        return;
      }
    }
    heldLength = 0;
    seekMessageStart();
  }

  /** The stream ended: held bytes are framed one last time, and a message still incomplete is counted. */
  void end() {
    if (seeking && heldLength > 0) {
      endOfStream = true;
      compact(frame(heldBuffer, 0, heldLength));
      endOfStream = false;
    }
    if (heldLength > 0 && !seeking) {
      skips.count(WireSkip.TCP_UNFINISHED, stream.emitFrame);
    }
    heldLength = 0;
    discard = 0;
    held = NOTHING;
    heldBuffer = NOTHING_BUFFER;
  }

  private void append(ByteBuffer b, int index, int length) {
    if (heldLength + length > held.length) {
      int capacity = Math.max(heldLength + length, Math.min(DecodeOptions.LARGEST_TCP_MESSAGE, held.length * 2));
      held = Arrays.copyOf(held, capacity);
      heldBuffer = ByteBuffer.wrap(held);
    }
    b.get(index, held, heldLength, length);
    heldLength += length;
  }

  private void compact(int used) {
    if (used == 0) {
      return;
    }
    System.arraycopy(held, used, held, 0, heldLength - used);
    heldLength -= used;
    if (heldLength == 0 && held.length > 4096) {
      // a large message is done: do not keep its buffer for an idle stream
      held = NOTHING;
      heldBuffer = NOTHING_BUFFER;
    }
  }
}
