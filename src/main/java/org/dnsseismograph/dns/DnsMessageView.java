package org.dnsseismograph.dns;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * What {@link DnsHeaderScanner} read from one message: header fields, the first question and the
 * EDNS OPT record. A reused flyweight, filled in place by each scan (every field is reset first, so
 * nothing survives from an earlier message); not thread-safe.
 *
 * <p>Which fields are valid depends on how far the scan got, not only on its result:
 *
 * <ul>
 *   <li>{@link ScanResult#TOO_SHORT} (fewer than 12 bytes): nothing; every field is zero or false.
 *   <li>any other result, errors included: the header fields {@link #id} to {@link #arCount} and
 *       {@link #headerRcode}. Callers count queries and responses, and rcodes as tshark's {@code
 *       dns.flags.rcode} does, from these even when a later part of the message is malformed.
 *   <li>{@link #hasQuestion} is true only when the first question (name, type and class) was read
 *       completely; the name ({@link #qname()} and the other {@code qname} methods), {@link #qtype} and
 *       {@link #qclass} are valid exactly then, even if a later part failed.
 *   <li>{@link #edns} is true only when an OPT record owned by the root, with well-framed options,
 *       was read in the additional section; the EDNS fields, and the upper bits of {@link #rcode},
 *       are valid exactly then. A scan that fails after that OPT record (say, on a second OPT) keeps
 *       them.
 * </ul>
 *
 * <p>The question's name is not copied by the scan: the view remembers where it lies, and its
 * methods read it from the message's buffer, so they are valid only while that buffer still holds
 * the message (during the sink call that delivered it, as for the message itself). Its wire words
 * ({@link #qnameWord}) are made by the scan, eight bytes at a time; its text ({@link #qname()}) is
 * written on first use, since counting and matching never need it.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc1035#section-4.1.1">RFC 1035 §4.1.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6891#section-6.1.3">RFC 6891 §6.1.3</a>
 */
public final class DnsMessageView {
  /**
   * Longest name in presentation format without escapes: 253 characters plus a final dot. {@link
   * #qname()} holds four times as many bytes, since every byte of a label may need a 4-character
   * {@code \DDD} escape (the longest escaped name is 1007 characters).
   */
  public static final int MAX_QNAME_TEXT = 254;

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  public int id;
  public boolean qr;
  public int opcode;
  public boolean aa;
  public boolean tc;
  public boolean rd;
  public boolean ra;
  public boolean ad;
  public boolean cd;
  /**
   * The full 12-bit rcode: the header's 4 bits, plus the OPT record's upper 8 bits when {@link
   * #edns} is true (for example 16, BADVERS, from header 0 and extended rcode 1).
   */
  public int rcode;
  /** The header's own 4-bit rcode, as tshark's {@code dns.flags.rcode} shows it. */
  public int headerRcode;
  public int qdCount;
  public int anCount;
  public int nsCount;
  public int arCount;

  /** True when the first question was read completely (so {@code qdCount > 0}). */
  public boolean hasQuestion;

  /** The message's buffer, while the question's name is read from it: see the class comment. */
  ByteBuffer nameBuffer;
  /** Offset of the message's first byte in {@link #nameBuffer}: pointers count from there. */
  int nameBase;
  /** Offset of the first question's name in {@link #nameBuffer}. */
  int namePos;
  /** Octets of the name, uncompressed; 0 without a question. */
  int nameOctets;
  /** Compression pointers the name follows: 0 when it lies in one piece. */
  int nameHops;
  /** {@link #qnameRawWord} 0 to 3, made by {@link #takeName} when the question is read. */
  private long word0;
  private long word1;
  private long word2;
  private long word3;

  private boolean wireReady;
  private final byte[] wire = new byte[WireNameText.WIRE_CAPACITY];
  private final WireNameText text = new WireNameText();

  public int qtype;
  public int qclass;

  /** True when an OPT record was found in the additional section. */
  public boolean edns;

  public int ednsVersion;
  /** The DO bit of the OPT record. */
  public boolean dnssecOk;
  /** The OPT record's CLASS: the requestor's UDP payload size. */
  public int udpPayloadSize;

  /**
   * The 64-bit hash the scanners give a name's presentation text ({@link #qnameHash()}, {@link
   * NameText#hash()}): the bytes folded in eight at a time, then avalanched. Not FNV: a word per
   * step keeps it cheap on the per-message path. Stable within a version, not a file format.
   *
   * @param text the text's ASCII bytes; only the first {@code length} are read
   */
  public static long nameHash(byte[] text, int length) {
    java.util.Objects.checkFromIndexSize(0, length, text.length);
    return NameTextWriter.hash(text, length);
  }

  /** Clears every field, as before a scan. */
  void reset() {
    id = 0;
    qr = false;
    opcode = 0;
    aa = false;
    tc = false;
    rd = false;
    ra = false;
    ad = false;
    cd = false;
    rcode = 0;
    headerRcode = 0;
    qdCount = 0;
    anCount = 0;
    nsCount = 0;
    arCount = 0;
    resetBody();
  }

  /** Clears the fields after the header (a scan of 12 bytes or more writes every header field). */
  void resetBody() {
    hasQuestion = false;
    nameOctets = 0;
    wireReady = false;
    text.forget();
    qtype = 0;
    qclass = 0;
    edns = false;
    ednsVersion = 0;
    dnssecOk = false;
    udpPayloadSize = 0;
  }

  /**
   * The first question's name in lower-case presentation format, ASCII, without the trailing dot
   * except for the root, which is ".": exactly dnsjava's {@code Name.toString(true)} after ASCII
   * lower-casing. A byte at or below 0x20 or at or above 0x7F is written {@code \DDD} (three
   * decimal digits), and the characters {@code " ( ) . ; \ @ $} inside a label as a backslash and
   * the character. The first {@link #qnameLength()} bytes are valid; empty without a question.
   * Written on the first call after a scan (the bulk pass never needs it); the array is this
   * view's, overwritten by later scans.
   */
  public byte[] qname() {
    return text().bytes();
  }

  /** Characters of {@link #qname()}: 0 without a question. */
  public int qnameLength() {
    return text().length();
  }

  /** {@link #nameHash} of {@link #qname()}, 0 without a question; for hash tables keyed by text. */
  public long qnameHash() {
    return text().hash();
  }

  /**
   * A 64-bit hash of the first question's name with ASCII case ignored, from its wire words: no text
   * is written, so a table keyed by the question costs a few loads per message. Names equal but for
   * ASCII case have equal hashes; without a question it is the hash of the empty name. Not {@link
   * #qnameHash()}'s value, and stable within a version only.
   */
  public long qnameWireHash() {
    long h = NameTextWriter.step(nameOctets, qnameWord(0));
    h = NameTextWriter.step(h, qnameWord(1));
    h = NameTextWriter.step(h, qnameWord(2));
    h = NameTextWriter.step(h, qnameWord(3));
    if (nameOctets > 32) {
      h = stepWords(h, qnameWire(), 32, nameOctets);
    }
    return NameTextWriter.finish(h);
  }

  /**
   * {@link #qnameWireHash} of a name held in lower-case wire form outside a view: {@code
   * wire[0, octets)}, in an array of at least {@link WireNameText#WIRE_CAPACITY} bytes; the bytes
   * past the name are not read as part of it.
   */
  public static long wireHash(byte[] wire, int octets) {
    long h = octets;
    for (int i = 0; i < 32; i += 8) {
      h = NameTextWriter.step(h, i < octets ? word(wire, i, octets) : 0);
    }
    return NameTextWriter.finish(octets > 32 ? stepWords(h, wire, 32, octets) : h);
  }

  private static long stepWords(long h, byte[] wire, int from, int octets) {
    long k = h;
    for (int i = from; i < octets; i += 8) {
      k = NameTextWriter.step(k, word(wire, i, octets));
    }
    return k;
  }

  /** The 8 bytes at {@code i}, those past the name's end zeroed. */
  private static long word(byte[] wire, int i, int octets) {
    // the array holds WIRE_CAPACITY bytes, so 8 can be read at any offset below the name's end
    int valid = Math.min(8, octets - i);
    return (long) LONGS.get(wire, i) & ~(-1L << 4 * valid << 4 * valid);
  }

  /** Octets of the first question's name in uncompressed wire form (1 for the root), 0 without one. */
  public int qnameOctets() {
    return nameOctets;
  }

  /**
   * Word {@code i} (0 to 3) of the first question's name in uncompressed wire form, ASCII letters
   * lower-cased: its bytes {@code [8i, 8i + 8)} little-endian, the bytes past {@link #qnameOctets()}
   * zero. Equal names (ignoring ASCII case) have equal words; for names over 32 octets the rest is in
   * {@link #qnameWire()}. Made when the question is read, so matching on it costs a load, not a
   * text.
   */
  public long qnameWord(int i) {
    return lowerCase(qnameRawWord(i));
  }

  /**
   * {@link #qnameWord} with ASCII letters as the message has them: equal raw words mean equal names,
   * but names equal ignoring case may have different raw words. A matcher compares these first and
   * lower-cases only when they differ, since a response repeats its query's question as sent.
   */
  public long qnameRawWord(int i) {
    if (nameOctets == 0) {
      return 0;
    }
    return i == 0 ? word0 : i == 1 ? word1 : i == 2 ? word2 : word3;
  }

  /** A word of {@link #qnameRawWord} with its ASCII letters lower-cased, as {@link #qnameWord} gives it. */
  public static long lowerCase(long rawWord) {
    return rawWord + (HostnameBytes.upperCase(rawWord) >>> 2);
  }

  /**
   * Remembers where the first question's name lies (the scanner read and validated it) and makes
   * its four words at once: one check of where the name lies and four reads, where a word made on
   * each ask would check again every time, and the matcher asks for all four of every message.
   */
  void takeName(ByteBuffer buf, int base, int pos, int octets, int hops) {
    if (nameBuffer != buf) {
      // the same buffer message after message: a reference store costs a GC write barrier
      nameBuffer = buf;
    }
    nameBase = base;
    namePos = pos;
    nameOctets = octets;
    nameHops = hops;
    long w0;
    long w1;
    long w2;
    long w3;
    if (hops == 0 && pos + 32 <= buf.limit()) {
      w0 = buf.getLong(pos);
      w1 = buf.getLong(pos + 8);
      w2 = buf.getLong(pos + 16);
      w3 = buf.getLong(pos + 24);
      if (buf.order() == ByteOrder.BIG_ENDIAN) {
        w0 = Long.reverseBytes(w0);
        w1 = Long.reverseBytes(w1);
        w2 = Long.reverseBytes(w2);
        w3 = Long.reverseBytes(w3);
      }
    } else {
      byte[] w = qnameWire();
      w0 = (long) LONGS.get(w, 0);
      w1 = (long) LONGS.get(w, 8);
      w2 = (long) LONGS.get(w, 16);
      w3 = (long) LONGS.get(w, 24);
    }
    word0 = masked(w0, octets);
    word1 = masked(w1, octets - 8);
    word2 = masked(w2, octets - 16);
    word3 = masked(w3, octets - 24);
  }

  /** A word of the name's wire bytes, those past its end ({@code left} bytes remain) zeroed. */
  private static long masked(long word, int left) {
    int valid = Math.max(0, Math.min(8, left));
    // Two shifts, so that 8 valid bytes shift by 64 in all and keep the whole word.
    return word & ~(-1L << 4 * valid << 4 * valid);
  }

  /**
   * The first question's name in uncompressed wire form, ASCII letters lower-cased: its first {@link
   * #qnameOctets()} bytes (length octets, labels, the root's zero). This view's array, overwritten
   * by later scans.
   */
  public byte[] qnameWire() {
    if (!wireReady) {
      writeWire();
      wireReady = true;
    }
    return wire;
  }

  /** Copies the name out of the message, following its (already validated) pointers. */
  private void writeWire() {
    if (nameOctets == 0) {
      return;
    }
    ByteBuffer buf = nameBuffer;
    int p = namePos;
    int t = 0;
    int len;
    while ((len = buf.get(p) & 0xFF) != 0) {
      if (len >= 0xC0) {
        p = nameBase + (((len & 0x3F) << 8) | (buf.get(p + 1) & 0xFF));
        continue;
      }
      wire[t++] = (byte) len;
      for (int i = p + 1, e = p + 1 + len; i < e; i++) {
        int c = buf.get(i) & 0xFF;
        wire[t++] = (byte) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
      }
      p += 1 + len;
    }
    wire[t] = 0;
  }

  private WireNameText text() {
    if (!text.isWritten()) {
      text.write(qnameWire(), nameOctets);
    }
    return text;
  }

  /** The qname as a String (allocates; for the slow path and tests). */
  public String qnameString() {
    return new String(qname(), 0, qnameLength(), StandardCharsets.US_ASCII);
  }
}
