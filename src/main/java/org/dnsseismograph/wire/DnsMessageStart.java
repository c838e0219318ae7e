package org.dnsseismograph.wire;

import java.nio.ByteBuffer;

/**
 * Finds where a length-prefixed DNS message plausibly starts in a TCP stream, to resynchronise
 * after a hole. A start is plausible when the length covers at least a header, the opcode is
 * assigned, the reserved Z bit is clear, there is at most one question, the section counts fit
 * the length (a question takes at least 5 bytes, a record at least 11), and the question's name is
 * well formed (uncompressed labels, at most 255 bytes, inside the message). A candidate is
 * accepted once its whole message is present and either the data ends with it or the next
 * message is plausible too; until then it is undecided and its bytes must be kept, unless a later
 * candidate is accepted first. Stateless.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc1035#section-4.1">RFC 1035 section 4.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7766#section-8">RFC 7766 section 8</a>
 */
final class DnsMessageStart {
  /** Bytes needed to judge a start: the prefix and a 12-byte header. */
  static final int MIN_BYTES = 14;

  private DnsMessageStart() {}

  /**
   * Looks for a start in {@code [from, end)}: the first verified one, even when an earlier
   * candidate is still undecided, since a verified chain is the stronger evidence.
   *
   * @param endOfStream no more bytes will come: a complete candidate is accepted without a follower,
   *     and nothing is undecided
   * @return a start {@code >= 0}; or {@code -(p + 1)} where {@code p} is the first position still
   *     undecided (bytes before it are no start; {@code p == end} when none is left)
   */
  static int find(ByteBuffer b, int from, int end, boolean endOfStream) {
    int undecided = -1;
    for (int p = from; p < end; p++) {
      if (end - p < MIN_BYTES) {
        if (undecided < 0 && !endOfStream) {
          undecided = p;
        }
        break;
      }
      if (!plausible(b, p, end)) {
        continue;
      }
      int next = p + 2 + (b.getShort(p) & 0xFFFF);
      if (next == end || (next < end && endOfStream)) {
        return p;
      }
      if (next < end && end - next >= MIN_BYTES && plausible(b, next, end)) {
        return p;
      }
      if (undecided < 0 && !endOfStream && (next > end || end - next < MIN_BYTES)) {
        undecided = p;
      }
    }
    return -((undecided >= 0 ? undecided : end) + 1);
  }

  /** True when the bytes at {@code p} (at least 14 before {@code end}) look like a length prefix and a DNS header. */
  static boolean plausible(ByteBuffer b, int p, int end) {
    int length = b.getShort(p) & 0xFFFF;
    if (length < 12) {
      return false;
    }
    int flags = b.getShort(p + 4) & 0xFFFF;
    int opcode = (flags >>> 11) & 0xF;
    if (opcode == 3 || opcode > 6 || (flags & 0x0040) != 0) {
      return false;
    }
    int questions = b.getShort(p + 6) & 0xFFFF;
    long records = (b.getShort(p + 8) & 0xFFFF) + (b.getShort(p + 10) & 0xFFFF) + (b.getShort(p + 12) & 0xFFFF);
    if (questions > 1 || 12 + 5L * questions + 11L * records > length) {
      return false;
    }
    return questions == 0 || questionFits(b, p + 14, Math.min(end, p + 2 + length), p + 2 + length);
  }

  /**
   * True when the question at {@code q} has a well-formed name and room for type and class; bytes
   * not yet available ({@code available < messageEnd}) are given the benefit of the doubt.
   */
  private static boolean questionFits(ByteBuffer b, int q, int available, int messageEnd) {
    int i = q;
    int nameLength = 0;
    while (i < available) {
      int label = b.get(i) & 0xFF;
      if (label == 0) {
        return i + 1 + 4 <= messageEnd;
      }
      if (label > 63) {
        // a compression pointer cannot be the first name of a message
        return false;
      }
      nameLength += label + 1;
      if (nameLength > 255) {
        return false;
      }
      i += label + 1;
    }
    return i < messageEnd;
  }
}
