package org.dnsseismograph.dns;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Reads one (possibly compressed) domain name out of a DNS message, for both scanners: it validates
 * the name as dnsjava does and, when asked, writes its lower-case presentation text and its hash ({@link #hash(byte[], int)}).
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
 * <p>The text is what dnsjava's {@code Name.toString(true)} prints, after ASCII lower-casing: labels
 * joined by dots, no final dot, the root as {@code "."}; a byte at or below 0x20 or at or above 0x7F
 * as {@code \DDD} (three decimal digits); the characters {@code " ( ) . ; \ @ $} as a backslash and
 * the character.
 *
 * <p>Memo: for each offset below 2^14 (the only ones a pointer can reach) at which a valid name of
 * the current message read a length byte, the reader keeps the octets and pointer hops from there
 * to that name's end. A pointer to such an offset ends a validating walk at once with the verdict a
 * walk would reach, since what follows an offset depends on the message bytes alone (a valid name
 * never comes back to an offset it passed). So a record owner that points at the question costs a
 * lookup, not a walk. {@link #newMessage()} forgets the memo. A walk is written to the memo only
 * when the next name of the same message is read: most queries have no later name that could point
 * back, and writing every question's offsets cost about a fifth of reading it.
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

  private static final long HASH_SEED = 0x2545F4914F6CDD1DL;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final byte BACKSLASH = -1;
  private static final byte DECIMAL = -2;
  /** Per byte value: the lower-cased character dnsjava prints for it, or how it escapes it. */
  private static final byte[] TEXT = new byte[256];

  static {
    for (int v = 0; v < 256; v++) {
      TEXT[v] = v <= 0x20 || v >= 0x7F ? DECIMAL : (byte) (v >= 'A' && v <= 'Z' ? v + ('a' - 'A') : v);
    }
    for (char c : "\"().;\\@$".toCharArray()) {
      TEXT[c] = BACKSLASH;
    }
  }

  private static final int MEMO_SIZE = 1 << 14;
  /** Per offset: generation (high 32 bits), octets from there (bits 8 to 16), hops (bits 0 to 7). */
  private final long[] memo = new long[MEMO_SIZE];
  private long generation = 1;
  /** The walk in progress: per length byte read below MEMO_SIZE, offset, octets and hops so far. */
  private final int[] visited = new int[2 * MAX_POINTER_HOPS + 2];
  /** Entries of {@link #visited} from the last valid name, not yet in the memo; its octets and hops. */
  private int unsaved;
  private int unsavedOctets;
  private int unsavedHops;

  /** Characters written by the last {@link #read} with a text buffer. */
  int textLength;
  /** {@link #hash(byte[], int)} of those characters. */
  long hash;
  /** Octets of the last name, uncompressed: 1 for the root. */
  int wireLength;

  /** Forgets the memo: to be called before the first name of each message. */
  void newMessage() {
    unsaved = 0;
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
        saveWalk();
        int target = ((b0 & 0x3F) << 8) | (buf.get(pos + 1) & 0xFF);
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
    int visits = 0;
    // bit k: a length octet k bytes after pos; meaningful only while no pointer was followed
    long lengthBits = 0;
    textLength = 0;
    hash = 0;
    while (true) {
      if (p >= stop) {
        return TRUNCATED;
      }
      int k = p - pos;
      lengthBits |= k < 64 ? 1L << k : 0;
      int here = p - base;
      if (here < MEMO_SIZE) {
        visited[visits++] = here | octets << 14 | hops << 23;
      }
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
    unsaved = visits;
    unsavedOctets = octets;
    unsavedHops = hops;
    if (text != null) {
      if (hops != 0 || !copyText(buf, pos, octets, lengthBits, text)) {
        walkText(buf, base, pos, text);
        hash = hash(text, textLength);
      }
    }
    return after;
  }

  /**
   * Writes the text of the valid, uncompressed name at {@code pos} ({@code octets} long, its length
   * octets at the set bits of {@code lengthBits}) and its {@link #hash(byte[], int)}, eight
   * characters at a time: the text is the wire form without its first length octet, the other
   * length octets turned into dots, so each text word is one load of the wire, lower-cased and
   * checked for escapes with a few word-wide operations (SWAR), then stored and folded into the
   * hash. No branch depends on the labels' lengths: with random names, such branches missed often.
   * False, with nothing promised about {@code text}, when a character may need an escape (anything
   * but letters, digits, '-' and '_': the caller's exact walk decides), when the name is longer
   * than 64 octets, or when a word would read past the buffer's limit.
   */
  private boolean copyText(ByteBuffer buf, int pos, int octets, long lengthBits, byte[] text) {
    if (octets == 1) {
      text[0] = '.';
      textLength = 1;
      hash = hash(text, 1);
      return true;
    }
    int n = octets - 2;
    int from = pos + 1;
    if (octets > 64 || from + ((n + 7) & ~7) > buf.limit()) {
      return false;
    }
    boolean littleEndian = buf.order() == ByteOrder.LITTLE_ENDIAN;
    long h = HASH_SEED ^ n;
    // bit j: text index j is a length octet (wire offset pos + 1 + j)
    long dotBits = lengthBits >>> 1;
    for (int i = 0; i < n; i += 8) {
      long w = buf.getLong(from + i);
      if (!littleEndian) {
        w = Long.reverseBytes(w);
      }
      long dots = HostnameBytes.spread((int) (dotBits >>> i) & 0xFF);
      long valid = n - i >= 8 ? -1L : (1L << 8 * (n - i)) - 1;
      long upper = HostnameBytes.upperCase(w);
      if ((HostnameBytes.unsafe(w, upper) & ~dots & valid) != 0) {
        return false;
      }
      w = ((w + (upper >>> 2)) & ~dots | HostnameBytes.DOTS & dots) & valid;
      LONGS.set(text, i, w);
      h = step(h, w);
    }
    textLength = n;
    hash = finish(h);
    return true;
  }

  /** Writes the text of the valid name at {@code pos}, label by label, following its pointers. */
  private void walkText(ByteBuffer buf, int base, int pos, byte[] text) {
    textLength = 0;
    int p = pos;
    int len;
    while ((len = buf.get(p) & 0xFF) != 0) {
      if (len >= 0xC0) {
        p = base + (((len & 0x3F) << 8) | (buf.get(p + 1) & 0xFF));
      } else {
        appendLabel(buf, p + 1, len, text);
        p += 1 + len;
      }
    }
    if (textLength == 0) {
      text[textLength++] = '.';
    }
  }

  /** Memoizes the offsets the last valid name passed through, if not done yet. */
  private void saveWalk() {
    int visits = unsaved;
    if (visits == 0) {
      return;
    }
    unsaved = 0;
    long stamp = generation << 32;
    for (int i = 0; i < visits; i++) {
      int v = visited[i];
      int suffixOctets = unsavedOctets - (v >>> 14 & 0x1FF) + 1;
      int suffixHops = unsavedHops - (v >>> 23);
      memo[v & (MEMO_SIZE - 1)] = stamp | suffixOctets << 8 | suffixHops;
    }
  }

  /**
   * Writes one label's text (after a dot, unless first), lower-cased and escaped. Byte by byte from
   * the buffer: a bulk copy of so few bytes out of a mapped buffer costs more than it saves.
   */
  private void appendLabel(ByteBuffer buf, int from, int len, byte[] text) {
    int t = textLength;
    if (t > 0) {
      text[t++] = '.';
    }
    for (int i = from, e = from + len; i < e; i++) {
      int v = buf.get(i) & 0xFF;
      byte c = TEXT[v];
      if (c > 0) {
        text[t++] = c;
      } else if (c == BACKSLASH) {
        text[t++] = '\\';
        text[t++] = (byte) v;
      } else {
        text[t++] = '\\';
        text[t++] = (byte) ('0' + v / 100);
        text[t++] = (byte) ('0' + v / 10 % 10);
        text[t++] = (byte) ('0' + v % 10);
      }
    }
    textLength = t;
  }

  /**
   * The hash of a name's text, as {@link DnsMessageView#qnameHash} holds it: the bytes taken eight
   * at a time as little-endian words (the last one zero-padded), each folded in by a multiply and a
   * rotation, the length mixed in, and a final avalanche (MurmurHash3's fmix64). A word per step
   * instead of FNV's byte per step: the name hash sits on the per-message path.
   */
  static long hash(byte[] text, int length) {
    long h = HASH_SEED ^ length;
    int i = 0;
    int words = text.length - 7;
    for (; i + 8 <= length; i += 8) {
      h = step(h, (long) LONGS.get(text, i));
    }
    if (i < length) {
      long w;
      if (i < words) {
        w = (long) LONGS.get(text, i) & (-1L >>> (64 - 8 * (length - i)));
      } else {
        w = 0;
        for (int k = length - 1; k >= i; k--) {
          w = w << 8 | (text[k] & 0xFF);
        }
      }
      h = step(h, w);
    }
    return finish(h);
  }

  /** MurmurHash3's fmix64: the hash's final avalanche. */
  private static long finish(long k) {
    long h = k;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    return h ^ h >>> 33;
  }

  private static long step(long h, long word) {
    return Long.rotateLeft(h ^ word * 0x9E3779B97F4A7C15L, 27) * 0x87C37B91114253D5L;
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
