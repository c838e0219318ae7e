package org.dnsseismograph.dns;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Reads one (possibly compressed) domain name out of a DNS message, for both scanners: it validates
 * the name as dnsjava does and, when asked, writes its lower-case presentation text and its hash (with a {@link NameTextWriter}).
 * Allocation-free; holds the last name's lengths and hash and a memo of the current message, so one
 * instance per scanner, not thread-safe.
 *
 * <p>Rules, chosen so that a name this reader accepts is a name dnsjava 3.6 accepts:
 *
 * <ul>
 *   <li>a compression pointer must point strictly before itself (dnsjava: "bad compression"); one
 *       pointing at itself, or back at the start of the run of labels that led to it, can only loop
 *       and is a {@link ScanResult#POINTER_LOOP}; one pointing later is a {@link
 *       ScanResult#FORWARD_POINTER};
 *   <li>the uncompressed name, length octets and root label included, is at most 255 octets;
 *   <li>label types 0x40 and 0x80 are {@link ScanResult#BAD_LABEL_TYPE};
 *   <li>at most {@link #MAX_POINTER_HOPS} pointers per name: dnsjava has no such bound, but pointers
 *       strictly backwards alone would allow thousands of hops per name and so quadratic work per
 *       message.
 * </ul>
 *
 * <p>Memo: for each offset below 2^14 (the only ones a pointer can reach) at which a valid name of
 * the current message read a length byte, the reader keeps the octets and pointer hops from there
 * to that name's end. A pointer to such an offset ends a validating walk at once with the verdict a
 * walk would reach, since what follows an offset depends on the message bytes alone (a valid name
 * never comes back to an offset it passed). So a record owner that points at the question costs a
 * lookup, not a walk. {@link #newMessage()} forgets the memo. A name is written to the memo only
 * when the next name of the same message is read, by walking it again: most messages have no later
 * name that could point into it, and recording every name's offsets as it was read cost every
 * message for the sake of few.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc1035#section-4.1.4">RFC 1035 §4.1.4</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6891#section-6.1.2">RFC 6891 (extended label
 *     types)</a>
 */
final class NameReader {
  /** More pointer hops than this in one name is {@link ScanResult#TOO_MANY_POINTERS}. */
  static final int MAX_POINTER_HOPS = 128;

  static final int MAX_NAME_OCTETS = 255;

  /** Returned by {@link #read}: the name runs past the end of the message (or of its record). */
  static final int TRUNCATED = -1;

  static final int BAD_LABEL_TYPE = -2;
  static final int POINTER_LOOP = -3;
  static final int FORWARD_POINTER = -4;
  static final int TOO_LONG = -5;
  static final int TOO_MANY_POINTERS = -6;

  private static final int MEMO_SIZE = 1 << 14;
  /** Per offset: generation (high 32 bits), octets from there (bits 8 to 16), hops (bits 0 to 7). */
  private final long[] memo = new long[MEMO_SIZE];
  private long generation = 1;
  /**
   * The last valid name, not yet in the memo: where it starts, its octets and hops. Its walk is
   * written to the memo only when the next name of the message is read, by walking it again: most
   * messages have no later name that could point into it, so recording each length byte as it is
   * first read cost every name for the sake of few.
   */
  private boolean unsaved;
  private ByteBuffer unsavedBuffer;
  private int unsavedBase;
  private int unsavedPos;
  private int unsavedOctets;
  private int unsavedHops;

  /** Characters written by the last {@link #read} with a text buffer. */
  int textLength;
  /** {@link NameTextWriter#hash(byte[], int)} of those characters. */
  long hash;
  /** Octets of the last name, uncompressed: 1 for the root. */
  int wireLength;
  /** Pointers the last name read by {@link #read} followed: 0 when it lies in one piece. */
  int lastHops;
  /** Where the last valid name {@link #read} read starts (from the message's base), or -1; its octets. */
  private int lastStart = -1;
  private int lastOctets;

  private final NameTextWriter writer = new NameTextWriter();

  /** Forgets the memo: to be called before the first name of each message. */
  void newMessage() {
    unsaved = false;
    lastStart = -1;
    if (++generation == 1L << 31) {
      Arrays.fill(memo, 0);
      generation = 1;
    }
  }

  /**
   * Validates the name at {@code pos} that starts in the message proper (a question or owner name):
   * {@link #read} without text, with two shortcuts for the commonest owners, the root and a single
   * pointer to an offset the memo knows.
   *
   * @return as {@link #read}
   */
  int skip(ByteBuffer buf, int base, int end, int pos) {
    if (pos + 1 < end) {
      int b0 = buf.get(pos) & 0xFF;
      if (b0 == 0) {
        wireLength = 1;
        return pos + 1;
      }
      if (b0 >= 0xC0) {
        int target = ((b0 & 0x3F) << 8) | (buf.get(pos + 1) & 0xFF);
        if (target == lastStart && target < pos - base && lastHops < MAX_POINTER_HOPS) {
          // the commonest owner of all, a pointer to the question: what the memo would say, without writing it
          wireLength = lastOctets;
          return pos + 2;
        }
        saveWalk();
        long m = memo[target];
        if (target < pos - base && m >>> 32 == generation && (m & 0xFF) < MAX_POINTER_HOPS) {
          wireLength = (int) (m >>> 8 & 0x1FF);
          return pos + 2;
        }
      }
    }
    return read(buf, base, end, end, pos, null);
  }

  /**
   * Reads the name at {@code pos}.
   *
   * @param base offset of the message's first byte in {@code buf}: pointers count from there
   * @param limit end of the region the name starts in (its record's data, or the message end)
   * @param end end of the message: after a pointer, labels may run up to here
   * @param text where to write the presentation text (at least {@link DnsMessageView#qname}'s
   *     length), or null to validate only
   * @return the offset just past the name where it starts (after its first pointer, if any), or one
   *     of the negative error codes of this class
   */
  int read(ByteBuffer buf, int base, int limit, int end, int pos, byte[] text) {
    saveWalk();
    int p = pos;
    int stop = limit;
    int after = -1;
    int octets = 1;
    int hops = 0;
    int runStart = pos - base;
    textLength = 0;
    hash = 0;
    while (true) {
      if (p >= stop) {
        return TRUNCATED;
      }
      int here = p - base;
      int len = buf.get(p) & 0xFF;
      if (len == 0) {
        after = after < 0 ? p + 1 : after;
        break;
      }
      if (len >= 0xC0) {
        if (p + 1 >= stop) {
          return TRUNCATED;
        }
        int target = ((len & 0x3F) << 8) | (buf.get(p + 1) & 0xFF);
        if (target == here || target == runStart) {
          return POINTER_LOOP;
        }
        if (target > here) {
          return FORWARD_POINTER;
        }
        if (++hops > MAX_POINTER_HOPS) {
          return TOO_MANY_POINTERS;
        }
        after = after < 0 ? p + 2 : after;
        long m = memo[target];
        if (m >>> 32 == generation) {
          octets += (int) (m >>> 8 & 0x1FF) - 1;
          hops += (int) (m & 0xFF);
          if (octets > MAX_NAME_OCTETS) {
            return TOO_LONG;
          }
          if (hops > MAX_POINTER_HOPS) {
            return TOO_MANY_POINTERS;
          }
          break;
        }
        p = base + target;
        runStart = target;
        stop = end;
        continue;
      }
      if (len >= 0x40) {
        return BAD_LABEL_TYPE;
      }
      octets += 1 + len;
      if (octets > MAX_NAME_OCTETS) {
        return TOO_LONG;
      }
      if (p + 1 + len > stop) {
        return TRUNCATED;
      }
      p += 1 + len;
    }
    wireLength = octets;
    unsaved = true;
    if (unsavedBuffer != buf) {
      // the same buffer message after message: a reference store costs a GC write barrier
      unsavedBuffer = buf;
    }
    unsavedBase = base;
    unsavedPos = pos;
    unsavedOctets = octets;
    unsavedHops = hops;
    lastHops = hops;
    lastStart = pos - base;
    lastOctets = octets;
    if (text != null) {
      writer.write(buf, base, pos, octets, hops, hops == 0 ? lengthOctets(buf, pos, octets) : 0, text);
      textLength = writer.textLength;
      hash = writer.hash;
    }
    return after;
  }

  /**
   * Bit k set for each length octet k bytes after {@code pos} (k below 64) of the valid,
   * uncompressed name there: what the text writer copies word by word. Found by a walk of its own
   * only when a text is asked for, so that validating, which every message does, does not keep it.
   */
  private static long lengthOctets(ByteBuffer buf, int pos, int octets) {
    long bits = 0;
    for (int k = 0; k < 64 && k < octets; k += 1 + (buf.get(pos + k) & 0xFF)) {
      bits |= 1L << k;
    }
    return bits;
  }

  /**
   * Memoizes the offsets the last valid name passed through, if not done yet: walks it again as
   * {@link #read} did (it is valid, so no check can fail), writing for each length byte below
   * 2^14 the octets and hops from there to the name's end, and stopping where that walk stopped, at
   * a pointer to an offset already in the memo.
   */
  private void saveWalk() {
    if (!unsaved) {
      return;
    }
    unsaved = false;
    ByteBuffer buf = unsavedBuffer;
    int base = unsavedBase;
    int p = unsavedPos;
    long stamp = generation << 32;
    int octets = 1;
    int hops = 0;
    while (true) {
      int here = p - base;
      if (here < MEMO_SIZE) {
        memo[here] = stamp | (unsavedOctets - octets + 1) << 8 | (unsavedHops - hops);
      }
      int len = buf.get(p) & 0xFF;
      if (len == 0) {
        return;
      }
      if (len >= 0xC0) {
        int target = ((len & 0x3F) << 8) | (buf.get(p + 1) & 0xFF);
        hops++;
        if (memo[target] >>> 32 == generation) {
          return;
        }
        p = base + target;
        continue;
      }
      octets += 1 + len;
      p += 1 + len;
    }
  }

  /** The scan outcome for an error code of {@link #read}, with truncation told apart by context. */
  static ScanResult error(int code, ScanResult truncated) {
    switch (code) {
      case BAD_LABEL_TYPE:
        return ScanResult.BAD_LABEL_TYPE;
      case POINTER_LOOP:
        return ScanResult.POINTER_LOOP;
      case FORWARD_POINTER:
        return ScanResult.FORWARD_POINTER;
      case TOO_LONG:
        return ScanResult.NAME_TOO_LONG;
      case TOO_MANY_POINTERS:
        return ScanResult.TOO_MANY_POINTERS;
      default:
        return truncated;
    }
  }
}
