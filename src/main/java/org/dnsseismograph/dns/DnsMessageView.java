package org.dnsseismograph.dns;

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
 *       completely; {@link #qname}, {@link #qnameLength}, {@link #qnameHash}, {@link #qtype} and
 *       {@link #qclass} are valid exactly then, even if a later part failed.
 *   <li>{@link #edns} is true only when an OPT record owned by the root, with well-framed options,
 *       was read in the additional section; the EDNS fields, and the upper bits of {@link #rcode},
 *       are valid exactly then. A scan that fails after that OPT record (say, on a second OPT) keeps
 *       them.
 * </ul>
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc1035#section-4.1.1">RFC 1035 §4.1.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6891#section-6.1.3">RFC 6891 §6.1.3</a>
 */
public final class DnsMessageView {
  /**
   * Longest name in presentation format without escapes: 253 characters plus a final dot. {@link
   * #qname} holds four times as many bytes, since every byte of a label may need a 4-character
   * {@code \DDD} escape (the longest escaped name is 1007 characters).
   */
  public static final int MAX_QNAME_TEXT = 254;

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
  /**
   * The first question's name in lower-case presentation format, ASCII, without the trailing dot
   * except for the root, which is ".": exactly dnsjava's {@code Name.toString(true)} after ASCII
   * lower-casing. A byte at or below 0x20 or at or above 0x7F is written {@code \DDD} (three
   * decimal digits), and the characters {@code " ( ) . ; \ @ $} inside a label as a backslash and
   * the character. The first {@link #qnameLength} bytes are valid.
   */
  public final byte[] qname = new byte[MAX_QNAME_TEXT * 4];

  public int qnameLength;
  /**
   * {@link #nameHash} of the first {@link #qnameLength} bytes of {@link #qname}, for hash tables
   * on the hot path.
   */
  public long qnameHash;

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
   * The 64-bit hash the scanners give a name's presentation text ({@link #qnameHash}, {@link
   * NameText#hash()}): the bytes folded in eight at a time, then avalanched. Not FNV: a word per
   * step keeps it cheap on the per-message path. Stable within a version, not a file format.
   *
   * @param text the text's ASCII bytes; only the first {@code length} are read
   */
  public static long nameHash(byte[] text, int length) {
    java.util.Objects.checkFromIndexSize(0, length, text.length);
    return NameReader.hash(text, length);
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
    qnameLength = 0;
    qnameHash = 0;
    qtype = 0;
    qclass = 0;
    edns = false;
    ednsVersion = 0;
    dnssecOk = false;
    udpPayloadSize = 0;
  }

  /** The qname as a String (allocates; for the slow path and tests). */
  public String qnameString() {
    return new String(qname, 0, qnameLength, StandardCharsets.US_ASCII);
  }

  /** True when {@link #qname} equals these ASCII bytes. */
  public boolean qnameEquals(byte[] other, int otherLength) {
    if (otherLength != qnameLength) {
      return false;
    }
    for (int i = 0; i < qnameLength; i++) {
      if (qname[i] != other[i]) {
        return false;
      }
    }
    return true;
  }
}
