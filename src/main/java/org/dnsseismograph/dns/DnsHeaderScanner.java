package org.dnsseismograph.dns;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The hot-path DNS decoder: reads the header, the first question and the EDNS OPT record of one
 * message into a reused {@link DnsMessageView}, and checks the framing of every other question and
 * record on the way (names with their compression pointers, record lengths), without copying record
 * data. Allocation-free: absolute reads from the buffer, no objects per call, its position and limit
 * untouched. One instance per thread (it holds a small name reader); not thread-safe.
 *
 * <p>Failure behaviour: never throws for any message bytes, and never loops: each name follows at
 * most 128 strictly backward pointers and 255 octets, and each record consumes at least 11 bytes. It
 * returns {@link ScanResult#OK} or the first problem found; which fields of the view are still valid
 * after a problem is documented on {@link DnsMessageView}. A message that is well framed but whose
 * record data is wrong for its type (an A record of 5 bytes, say) is OK here: record data other than
 * the OPT record's option framing is not looked at. Bytes after the last record are ignored, as
 * dnsjava does.
 *
 * <p>EDNS: only the additional section is searched. The OPT record must be owned by the root and its
 * options must exactly fill its data ({@link ScanResult#BAD_OPT} otherwise); a second one is {@link
 * ScanResult#DUPLICATE_OPT} (RFC 6891 §6.1.1 makes both FORMERR). An OPT record in another section
 * is an ordinary record.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc1035#section-4.1">RFC 1035 §4.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6891#section-6.1">RFC 6891 §6.1</a>
 */
public final class DnsHeaderScanner {
  static final int HEADER_LENGTH = 12;
  static final int TYPE_OPT = 41;
  /** Owner name aside, a record's fixed part: type, class, TTL, data length. */
  static final int RECORD_FIXED_LENGTH = 10;

  private final NameReader names = new NameReader();

  /**
   * Scans the message {@code buf[offset, offset + length)} (absolute indexes; any byte order) into
   * {@code out}.
   *
   * @return {@link ScanResult#OK}, or the first problem found
   * @throws IndexOutOfBoundsException if the range is not inside {@code buf}'s limit (a caller's bug,
   *     not bad input)
   */
  public ScanResult scan(ByteBuffer buf, int offset, int length, DnsMessageView out) {
    Objects.checkFromIndexSize(offset, length, buf.limit());
    if (length < HEADER_LENGTH) {
      out.reset();
      return ScanResult.TOO_SHORT;
    }
    out.resetBody();
    names.newMessage();
    readHeader(buf, offset, out);
    int end = offset + length;
    int p = readQuestions(buf, offset, end, out);
    if (p < 0) {
      return NameReader.error(p, ScanResult.TRUNCATED_QUESTION);
    }
    p = skipRecords(buf, offset, end, p, out.anCount + out.nsCount);
    if (p < 0) {
      return NameReader.error(p, ScanResult.TRUNCATED_RECORD);
    }
    return readAdditional(buf, offset, end, p, out);
  }

  private static void readHeader(ByteBuffer buf, int offset, DnsMessageView out) {
    long head = buf.getLong(offset);
    int counts = buf.getInt(offset + 8);
    if (buf.order() != ByteOrder.BIG_ENDIAN) {
      head = Long.reverseBytes(head);
      counts = Integer.reverseBytes(counts);
    }
    int flags = (int) (head >>> 32) & 0xFFFF;
    out.id = (int) (head >>> 48);
    out.qr = (flags & 0x8000) != 0;
    out.opcode = (flags >>> 11) & 0xF;
    out.aa = (flags & 0x0400) != 0;
    out.tc = (flags & 0x0200) != 0;
    out.rd = (flags & 0x0100) != 0;
    out.ra = (flags & 0x0080) != 0;
    out.ad = (flags & 0x0020) != 0;
    out.cd = (flags & 0x0010) != 0;
    out.headerRcode = flags & 0xF;
    out.rcode = out.headerRcode;
    out.qdCount = (int) (head >>> 16) & 0xFFFF;
    out.anCount = (int) head & 0xFFFF;
    out.nsCount = counts >>> 16;
    out.arCount = counts & 0xFFFF;
  }

  /** Reads the first question into {@code out} and skips the others; the end offset or an error. */
  private int readQuestions(ByteBuffer buf, int base, int end, DnsMessageView out) {
    int p = base + HEADER_LENGTH;
    for (int i = 0; i < out.qdCount; i++) {
      int start = p;
      p = i == 0 ? names.read(buf, base, end, end, p, null) : names.skip(buf, base, end, p);
      if (p < 0) {
        return p;
      }
      if (p + 4 > end) {
        return NameReader.TRUNCATED;
      }
      if (i == 0) {
        out.takeName(buf, base, start, names.wireLength, names.lastHops);
        out.qtype = u16(buf, p);
        out.qclass = u16(buf, p + 2);
        out.hasQuestion = true;
      }
      p += 4;
    }
    return p;
  }

  /** Skips {@code count} records; the end offset, or an error code of {@link NameReader}. */
  private int skipRecords(ByteBuffer buf, int base, int end, int pos, int count) {
    int p = pos;
    for (int i = 0; i < count; i++) {
      p = names.skip(buf, base, end, p);
      if (p < 0) {
        return p;
      }
      if (p + RECORD_FIXED_LENGTH > end) {
        return NameReader.TRUNCATED;
      }
      int dataEnd = p + RECORD_FIXED_LENGTH + u16(buf, p + 8);
      if (dataEnd > end) {
        return NameReader.TRUNCATED;
      }
      p = dataEnd;
    }
    return p;
  }

  private ScanResult readAdditional(ByteBuffer buf, int base, int end, int pos, DnsMessageView out) {
    int p = pos;
    for (int i = 0; i < out.arCount; i++) {
      p = names.skip(buf, base, end, p);
      if (p < 0) {
        return NameReader.error(p, ScanResult.TRUNCATED_RECORD);
      }
      if (p + RECORD_FIXED_LENGTH > end) {
        return ScanResult.TRUNCATED_RECORD;
      }
      int dataStart = p + RECORD_FIXED_LENGTH;
      int dataEnd = dataStart + u16(buf, p + 8);
      if (dataEnd > end) {
        return ScanResult.TRUNCATED_RECORD;
      }
      if (u16(buf, p) == TYPE_OPT) {
        if (out.edns) {
          return ScanResult.DUPLICATE_OPT;
        }
        if (names.wireLength != 1 || !optionsFramed(buf, dataStart, dataEnd)) {
          return ScanResult.BAD_OPT;
        }
        readOpt(buf, p, out);
      }
      p = dataEnd;
    }
    return ScanResult.OK;
  }

  /** Fills the EDNS fields from an OPT record whose fixed part starts at {@code p}. */
  private static void readOpt(ByteBuffer buf, int p, DnsMessageView out) {
    int extendedRcode = buf.get(p + 4) & 0xFF;
    out.edns = true;
    out.udpPayloadSize = u16(buf, p + 2);
    out.ednsVersion = buf.get(p + 5) & 0xFF;
    out.dnssecOk = (buf.get(p + 6) & 0x80) != 0;
    out.rcode = (extendedRcode << 4) | out.headerRcode;
  }

  /** True when the OPT data is a sequence of (code, length, value) options that fills it exactly. */
  static boolean optionsFramed(ByteBuffer buf, int start, int end) {
    int p = start;
    while (p < end) {
      if (p + 4 > end) {
        return false;
      }
      p += 4 + u16(buf, p + 2);
    }
    return p == end;
  }

  /** The big-endian 16-bit number at {@code p}, whatever the buffer's byte order. */
  static int u16(ByteBuffer buf, int p) {
    short v = buf.getShort(p);
    return (buf.order() == ByteOrder.BIG_ENDIAN ? v : Short.reverseBytes(v)) & 0xFFFF;
  }
}
