package org.dnsseismograph.dns;

import java.nio.charset.StandardCharsets;

/**
 * What {@link DnsHeaderScanner} read from one message: header fields, the first question and the
 * EDNS OPT record. A reused flyweight, filled in place by each scan; not thread-safe. Fields are
 * meaningful only after a scan returned {@link ScanResult#OK}.
 */
public final class DnsMessageView {
  /** Longest presentation-format name we hold: 253 characters plus a trailing dot. */
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
  /** The full rcode: the header's 4 bits, plus the OPT record's upper 8 bits when EDNS is present. */
  public int rcode;
  public int qdCount;
  public int anCount;
  public int nsCount;
  public int arCount;

  /** True when the message has a first question ({@code qdCount > 0}). */
  public boolean hasQuestion;
  /**
   * The first question's name in lower-case presentation format, ASCII, without the trailing dot
   * except for the root, which is ".". Bytes outside printable ASCII and the characters {@code . \}
   * inside labels are written as {@code \DDD} escapes, as dnsjava and dig do.
   */
  public final byte[] qname = new byte[MAX_QNAME_TEXT * 4];

  public int qnameLength;
  /** A 64-bit hash of {@link #qname}'s bytes (FNV-1a), for hash tables on the hot path. */
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
