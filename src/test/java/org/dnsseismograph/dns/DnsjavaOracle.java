package org.dnsseismograph.dns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * dnsjava's view of one message, as the reference for the scanners, and the comparison of a scan
 * with it. dnsjava forgives any parse error of a message with TC set and keeps what it read; so the
 * message is parsed twice: with TC cleared (does dnsjava accept all of it, and if not, why) and with
 * TC set (what it read before the problem, for the fields a failed scan still reports).
 *
 * @param strict the message when dnsjava accepts all of it, else null
 * @param failure why dnsjava rejects it, else null
 * @param partial what dnsjava read before the problem (the whole message when accepted); null when
 *     even that fails
 */
record DnsjavaOracle(Message strict, Exception failure, Message partial) {

  /** Why dnsjava rejected a message that a scanner accepted, or that the scanner rejects too. */
  enum FailureKind {
    /** In a record's data (dnsjava parses every type's data; the scanners skip it). */
    RDATA,
    /** A TSIG record that is not the last one (dnsjava's rule; framing is fine). */
    TSIG_POSITION,
    /** In the message's framing: header, names, record lengths. The scanners must reject too. */
    FRAMING
  }

  static DnsjavaOracle of(byte[] wire) {
    Message strict = null;
    Exception failure = null;
    try {
      strict = new Message(withTc(wire, false));
    } catch (IOException | RuntimeException e) {
      failure = e;
    }
    Message partial = strict;
    if (partial == null && wire.length >= Header.LENGTH) {
      try {
        partial = new Message(withTc(wire, true));
      } catch (IOException | RuntimeException e) {
        partial = null;
      }
    }
    return new DnsjavaOracle(strict, failure, partial);
  }

  private static byte[] withTc(byte[] wire, boolean tc) {
    byte[] copy = wire.clone();
    if (copy.length > 2) {
      copy[2] = (byte) (tc ? copy[2] | 0x02 : copy[2] & ~0x02);
    }
    return copy;
  }

  boolean accepts() {
    return strict != null;
  }

  FailureKind failureKind() {
    String text = String.valueOf(failure.getMessage());
    if (text.startsWith("TSIG is not the last record")) {
      return FailureKind.TSIG_POSITION;
    }
    if (text.equals("invalid record length")) {
      return FailureKind.RDATA;
    }
    for (StackTraceElement e : failure.getStackTrace()) {
      if (e.getMethodName().equals("rrFromWire")
          || e.getMethodName().equals("optionFromWire")
          || e.getClassName().equals("org.xbill.DNS.EDNSOption")) {
        return FailureKind.RDATA;
      }
    }
    return FailureKind.FRAMING;
  }

  /**
   * Every field the scan reports as valid (per {@link DnsMessageView}'s contract) that differs from
   * dnsjava's reading; empty when they agree.
   */
  List<String> mismatches(byte[] wire, ScanResult result, DnsMessageView v) {
    List<String> out = new ArrayList<>();
    if (wire.length < Header.LENGTH) {
      expect(out, "result", ScanResult.TOO_SHORT, result);
      return out;
    }
    compareHeader(out, header(wire), v);
    Message m = strict != null ? strict : partial;
    Record q = m == null ? null : m.getQuestion();
    if (v.hasQuestion || result == ScanResult.OK) {
      expect(out, "hasQuestion", q != null, v.hasQuestion);
    }
    if (v.hasQuestion && q != null) {
      String name = q.getName().toString(true);
      String lower = lowerAscii(name);
      expect(out, "qname", lower, v.qnameString());
      expect(out, "qnameHash", fnv1a64(lower), v.qnameHash);
      expect(out, "qtype", q.getType(), v.qtype);
      expect(out, "qclass", q.getDClass(), v.qclass);
    }
    OPTRecord opt = m == null ? null : m.getOPT();
    if (v.edns || result == ScanResult.OK) {
      expect(out, "edns", opt != null, v.edns);
    }
    if (v.edns && opt != null) {
      expect(out, "ednsVersion", opt.getVersion(), v.ednsVersion);
      expect(out, "dnssecOk", (opt.getFlags() & ExtendedFlags.DO) != 0, v.dnssecOk);
      expect(out, "udpPayloadSize", opt.getPayloadSize(), v.udpPayloadSize);
      expect(out, "rcode", m.getRcode(), v.rcode);
    } else {
      expect(out, "rcode", v.headerRcode, v.rcode);
    }
    return out;
  }

  private static void compareHeader(List<String> out, Header h, DnsMessageView v) {
    expect(out, "id", h.getID(), v.id);
    expect(out, "qr", h.getFlag(Flags.QR), v.qr);
    expect(out, "opcode", h.getOpcode(), v.opcode);
    expect(out, "aa", h.getFlag(Flags.AA), v.aa);
    expect(out, "tc", h.getFlag(Flags.TC), v.tc);
    expect(out, "rd", h.getFlag(Flags.RD), v.rd);
    expect(out, "ra", h.getFlag(Flags.RA), v.ra);
    expect(out, "ad", h.getFlag(Flags.AD), v.ad);
    expect(out, "cd", h.getFlag(Flags.CD), v.cd);
    expect(out, "headerRcode", h.getRcode(), v.headerRcode);
    expect(out, "qdCount", h.getCount(Section.QUESTION), v.qdCount);
    expect(out, "anCount", h.getCount(Section.ANSWER), v.anCount);
    expect(out, "nsCount", h.getCount(Section.AUTHORITY), v.nsCount);
    expect(out, "arCount", h.getCount(Section.ADDITIONAL), v.arCount);
  }

  static Header header(byte[] wire) {
    try {
      return new Header(wire);
    } catch (IOException e) {
      throw new AssertionError("dnsjava could not read a 12-byte header", e);
    }
  }

  private static void expect(List<String> out, String field, Object dnsjava, Object scanner) {
    if (!dnsjava.equals(scanner)) {
      out.add(field + ": dnsjava " + dnsjava + ", scanner " + scanner);
    }
  }

  /** Lower-cases A to Z only, as dnsjava's canonical form does. */
  static String lowerAscii(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    }
    return b.toString();
  }

  /** FNV-1a 64 as its authors specify it: offset basis 0xcbf29ce484222325, prime 2^40 + 0x1b3. */
  static long fnv1a64(String ascii) {
    long h = 0xcbf29ce484222325L;
    for (byte b : ascii.getBytes(StandardCharsets.US_ASCII)) {
      h ^= b & 0xFF;
      h *= 0x100000001b3L;
    }
    return h;
  }

  @Override
  public String toString() {
    return strict != null ? "dnsjava accepts" : "dnsjava rejects: " + String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
  }
}
