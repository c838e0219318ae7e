package org.dnsseismograph.dns;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.dnsseismograph.common.HashMix;

/**
 * Writes a validated domain name as lower-case presentation text, with its hash ({@link
 * #hash(byte[], int)}): for {@link NameReader}, which validates names where they lie in a message,
 * and for names kept in uncompressed wire form ({@link WireNameText}), whose text is wanted later or
 * not at all. Holds the last text's length and hash; one instance per user, not thread-safe.
 *
 * <p>The text is what dnsjava's {@code Name.toString(true)} prints, after ASCII lower-casing: labels
 * joined by dots, no final dot, the root as {@code "."}; a byte at or below 0x20 or at or above 0x7F
 * as {@code \DDD} (three decimal digits); the characters {@code " ( ) . ; \ @ $} as a backslash and
 * the character.
 *
 * <p>Failure behaviour: the name must have been validated (every label inside the buffer, pointers
 * backward); it is not checked again.
 */
final class NameTextWriter {
  static final long HASH_SEED = 0x2545F4914F6CDD1DL;
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

  /** Characters written by the last call. */
  int textLength;
  /** {@link #hash(byte[], int)} of those characters. */
  long hash;

  /**
   * Writes the text of the valid name at {@code pos}: word by word when it is uncompressed ({@code
   * hops} 0, its length octets at the set bits of {@code lengthBits}), else label by label.
   */
  void write(ByteBuffer buf, int base, int pos, int octets, int hops, long lengthBits, byte[] text) {
    if (hops != 0 || !copyText(buf, pos, octets, lengthBits, text)) {
      walkText(buf, base, pos, text);
      hash = hash(text, textLength);
    }
  }

  /**
   * Writes the text of the valid, uncompressed name at the start of {@code wire} ({@code octets}
   * long, a heap buffer with at least 8 bytes to spare after the name).
   */
  void writeWire(ByteBuffer wire, int octets, byte[] text) {
    long lengthBits = 0;
    for (int p = 0; p < 64 && p < octets; p += 1 + (wire.get(p) & 0xFF)) {
      lengthBits |= 1L << p;
    }
    write(wire, 0, 0, octets, 0, lengthBits, text);
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
  boolean copyText(ByteBuffer buf, int pos, int octets, long lengthBits, byte[] text) {
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
  void walkText(ByteBuffer buf, int base, int pos, byte[] text) {
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

  /** The hash's final avalanche. */
  static long finish(long k) {
    return HashMix.fmix64(k);
  }

  static long step(long h, long word) {
    return Long.rotateLeft(h ^ word * 0x9E3779B97F4A7C15L, 27) * 0x87C37B91114253D5L;
  }
}
