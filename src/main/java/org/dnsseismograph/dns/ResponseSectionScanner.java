package org.dnsseismograph.dns;

import static org.dnsseismograph.dns.DnsHeaderScanner.RECORD_FIXED_LENGTH;
import static org.dnsseismograph.dns.DnsHeaderScanner.u16;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.dnsseismograph.wire.IpAddress;

/**
 * Reads from a response what tells which zones its server serves, into a reused {@link
 * ResponseSections}: the AA bit, the answers' owner names and types, the authority section's NS
 * records and first SOA owner, and the additional section's A and AAAA records. Meant for the
 * resolver-to-authoritative responses only, so it decodes names to text as it goes; it allocates
 * nothing per call. One instance per thread; not thread-safe.
 *
 * <p>Only records of class IN are kept. Every question and record is framed and every name
 * validated exactly as {@link DnsHeaderScanner} does (same rules, same bounds, never throws, never
 * loops); in addition the data of each kept NS, A and AAAA record must match its type (one name
 * filling the data; 4 or 16 bytes), else {@link ScanResult#BAD_RDATA}. The additional section's OPT
 * record is held to the same rules as there (owned by the root, options framed, only one). Returns
 * {@link ScanResult#OK} or the first problem; entries read before a problem stay.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc1034#section-4.3.2">RFC 1034 §4.3.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc2308">RFC 2308</a>
 */
public final class ResponseSectionScanner {
  private static final int CLASS_IN = 1;
  private static final int TYPE_A = 1;
  private static final int TYPE_NS = 2;
  private static final int TYPE_SOA = 6;
  private static final int TYPE_AAAA = 28;
  private static final int ANSWER = 1;
  private static final int AUTHORITY = 2;
  private static final int ADDITIONAL = 3;
  /** Where the target of an NS record beyond capacity is decoded, to validate it and throw it away. */
  private final byte[] scratch = new byte[DnsMessageView.MAX_QNAME_TEXT * 4];
  private final NameReader names = new NameReader();
  private ScanResult recordError;
  private boolean seenOpt;

  /**
   * Scans the response {@code buf[offset, offset + length)} (absolute indexes) into {@code out}.
   *
   * @return {@link ScanResult#OK}, or the first problem found
   * @throws IndexOutOfBoundsException if the range is not inside {@code buf}'s limit
   */
  public ScanResult scan(ByteBuffer buf, int offset, int length, ResponseSections out) {
    Objects.checkFromIndexSize(offset, length, buf.limit());
    out.reset();
    seenOpt = false;
    if (length < DnsHeaderScanner.HEADER_LENGTH) {
      return ScanResult.TOO_SHORT;
    }
    names.newMessage();
    int end = offset + length;
    out.authoritative = (buf.get(offset + 2) & 0x04) != 0;
    int p = offset + DnsHeaderScanner.HEADER_LENGTH;
    for (int i = u16(buf, offset + 4); i > 0; i--) {
      p = names.skip(buf, offset, end, p);
      if (p < 0) {
        return NameReader.error(p, ScanResult.TRUNCATED_QUESTION);
      }
      if (p + 4 > end) {
        return ScanResult.TRUNCATED_QUESTION;
      }
      p += 4;
    }
    for (int section = ANSWER; section <= ADDITIONAL; section++) {
      for (int i = u16(buf, offset + 4 + 2 * section); i > 0; i--) {
        p = record(buf, offset, end, p, section, out);
        if (p < 0) {
          return recordError;
        }
      }
    }
    return ScanResult.OK;
  }

  /** Reads one record; the offset after it, or -1 with {@link #recordError} set. */
  private int record(ByteBuffer buf, int base, int end, int pos, int section, ResponseSections out) {
    int ownerStart = pos;
    int p = names.skip(buf, base, end, pos);
    if (p < 0) {
      return fail(NameReader.error(p, ScanResult.TRUNCATED_RECORD));
    }
    if (p + RECORD_FIXED_LENGTH > end) {
      return fail(ScanResult.TRUNCATED_RECORD);
    }
    int type = u16(buf, p);
    int dataStart = p + RECORD_FIXED_LENGTH;
    int dataEnd = dataStart + u16(buf, p + 8);
    if (dataEnd > end) {
      return fail(ScanResult.TRUNCATED_RECORD);
    }
    if (section == ADDITIONAL && type == DnsHeaderScanner.TYPE_OPT) {
      return opt(buf, dataStart, dataEnd);
    }
    if (u16(buf, p + 2) != CLASS_IN) {
      return dataEnd;
    }
    ScanResult r = ScanResult.OK;
    if (section == ANSWER) {
      r = answer(buf, base, end, ownerStart, type, out);
    } else if (section == AUTHORITY && type == TYPE_NS) {
      r = delegation(buf, base, end, ownerStart, dataStart, dataEnd, out);
    } else if (section == AUTHORITY && type == TYPE_SOA && !out.hasSoa) {
      owner(buf, base, end, ownerStart, out.soaOwner);
      out.hasSoa = true;
    } else if (section == ADDITIONAL && (type == TYPE_A || type == TYPE_AAAA)) {
      r = glue(buf, base, end, ownerStart, type, dataStart, dataEnd, out);
    }
    return r == ScanResult.OK ? dataEnd : fail(r);
  }

  /** Applies {@link DnsHeaderScanner}'s OPT rules to the OPT record whose owner was just read. */
  private int opt(ByteBuffer buf, int dataStart, int dataEnd) {
    if (seenOpt) {
      return fail(ScanResult.DUPLICATE_OPT);
    }
    if (names.wireLength != 1 || !DnsHeaderScanner.optionsFramed(buf, dataStart, dataEnd)) {
      return fail(ScanResult.BAD_OPT);
    }
    seenOpt = true;
    return dataEnd;
  }

  private ScanResult answer(ByteBuffer buf, int base, int end, int ownerStart, int type, ResponseSections out) {
    if (out.answerCount == ResponseSections.MAX_ANSWERS) {
      out.omitted++;
      return ScanResult.OK;
    }
    owner(buf, base, end, ownerStart, out.answerOwners[out.answerCount]);
    out.answerTypes[out.answerCount++] = type;
    return ScanResult.OK;
  }

  private ScanResult delegation(
      ByteBuffer buf, int base, int end, int ownerStart, int dataStart, int dataEnd, ResponseSections out) {
    boolean keep = out.delegationCount < ResponseSections.MAX_DELEGATIONS;
    NameText server = keep ? out.delegationServers[out.delegationCount] : null;
    int after = names.read(buf, base, dataEnd, end, dataStart, keep ? server.bytes : scratch);
    if (after < 0) {
      return NameReader.error(after, ScanResult.BAD_RDATA);
    }
    if (after != dataEnd) {
      return ScanResult.BAD_RDATA;
    }
    if (!keep) {
      out.omitted++;
      return ScanResult.OK;
    }
    server.set(names);
    owner(buf, base, end, ownerStart, out.delegationZones[out.delegationCount++]);
    return ScanResult.OK;
  }

  private ScanResult glue(
      ByteBuffer buf, int base, int end, int ownerStart, int type, int dataStart, int dataEnd, ResponseSections out) {
    int size = dataEnd - dataStart;
    if (size != (type == TYPE_A ? 4 : 16)) {
      return ScanResult.BAD_RDATA;
    }
    if (out.glueCount == ResponseSections.MAX_GLUE) {
      out.omitted++;
      return ScanResult.OK;
    }
    int g = out.glueCount++;
    owner(buf, base, end, ownerStart, out.glueNames[g]);
    if (type == TYPE_A) {
      out.glueHi[g] = 0;
      out.glueLo[g] = IpAddress.v4Lo((int) bigEndian(buf, dataStart, 4));
    } else {
      out.glueHi[g] = bigEndian(buf, dataStart, 8);
      out.glueLo[g] = bigEndian(buf, dataStart + 8, 8);
    }
    return ScanResult.OK;
  }

  /** {@code n} bytes at {@code p} as a network-order number, whatever the buffer's byte order. */
  private static long bigEndian(ByteBuffer buf, int p, int n) {
    long v = 0;
    for (int i = 0; i < n; i++) {
      v = (v << 8) | (buf.get(p + i) & 0xFF);
    }
    return v;
  }

  /** Decodes an owner name that {@link #record} already validated. */
  private void owner(ByteBuffer buf, int base, int end, int ownerStart, NameText into) {
    names.read(buf, base, end, end, ownerStart, into.bytes);
    into.set(names);
  }

  private int fail(ScanResult r) {
    recordError = r;
    return -1;
  }
}
