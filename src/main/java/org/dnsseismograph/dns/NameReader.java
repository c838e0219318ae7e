package org.dnsseismograph.dns;

import java.nio.ByteBuffer;

/**
 * Reads one (possibly compressed) domain name out of a DNS message, for both scanners: it validates
 * the name as dnsjava does and, when asked, writes its lower-case presentation text and FNV-1a hash.
 * Allocation-free; holds the last name's lengths and hash, so one instance per scanner, not
 * thread-safe.
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

  static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
  static final long FNV_PRIME = 0x100000001b3L;

  private static final int PLAIN = 0;
  private static final int BACKSLASH = 1;
  private static final int DECIMAL = 2;
  /** Per byte value, after lower-casing: how dnsjava prints it. */
  private static final byte[] ESCAPE = new byte[256];

  static {
    for (int v = 0; v < 256; v++) {
      ESCAPE[v] = (byte) (v <= 0x20 || v >= 0x7F ? DECIMAL : PLAIN);
    }
    for (char c : "\"().;\\@$".toCharArray()) {
      ESCAPE[c] = BACKSLASH;
    }
  }

  /** Characters written by the last {@link #read} with a text buffer. */
  int textLength;
  /** FNV-1a 64 of those characters. */
  long hash;
  /** Octets of the last name, uncompressed: 1 for the root. */
  int wireLength;

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
    int p = pos;
    int stop = limit;
    int after = -1;
    int octets = 1;
    int hops = 0;
    int runStart = pos;
    int t = 0;
    long h = FNV_OFFSET_BASIS;
    while (true) {
      if (p >= stop) {
        return TRUNCATED;
      }
      int len = buf.get(p) & 0xFF;
      if (len == 0) {
        if (after < 0) {
          after = p + 1;
        }
        break;
      }
      if (len >= 0xC0) {
        if (p + 1 >= stop) {
          return TRUNCATED;
        }
        int target = ((len & 0x3F) << 8) | (buf.get(p + 1) & 0xFF);
        int here = p - base;
        if (target == here || target == runStart - base) {
          return POINTER_LOOP;
        }
        if (target > here) {
          return FORWARD_POINTER;
        }
        if (++hops > MAX_POINTER_HOPS) {
          return TOO_MANY_POINTERS;
        }
        if (after < 0) {
          after = p + 2;
        }
        p = base + target;
        runStart = p;
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
      if (text != null) {
        if (t > 0) {
          text[t++] = '.';
          h = (h ^ '.') * FNV_PRIME;
        }
        for (int i = p + 1, e = p + 1 + len; i < e; i++) {
          int v = buf.get(i) & 0xFF;
          if (v >= 'A' && v <= 'Z') {
            v += 'a' - 'A';
          }
          int kind = ESCAPE[v];
          if (kind == PLAIN) {
            text[t++] = (byte) v;
            h = (h ^ v) * FNV_PRIME;
          } else if (kind == BACKSLASH) {
            text[t++] = '\\';
            text[t++] = (byte) v;
            h = (((h ^ '\\') * FNV_PRIME) ^ v) * FNV_PRIME;
          } else {
            int d0 = '0' + v / 100;
            int d1 = '0' + v / 10 % 10;
            int d2 = '0' + v % 10;
            text[t++] = '\\';
            text[t++] = (byte) d0;
            text[t++] = (byte) d1;
            text[t++] = (byte) d2;
            h = (((((((h ^ '\\') * FNV_PRIME) ^ d0) * FNV_PRIME) ^ d1) * FNV_PRIME) ^ d2) * FNV_PRIME;
          }
        }
      }
      p += 1 + len;
    }
    if (text != null) {
      if (t == 0) {
        text[t++] = '.';
        h = (h ^ '.') * FNV_PRIME;
      }
      textLength = t;
      hash = h;
    }
    wireLength = octets;
    return after;
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
