package org.dnsseismograph.dns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.DNSInput;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;
import org.xbill.DNS.WireParseException;

/**
 * dnsjava's view of one message, as the reference for the scanners, and the comparison of a scan
 * with it. Two readings:
 *
 * <ul>
 *   <li>{@code strict}: dnsjava's {@code Message} on the message (TC cleared, since dnsjava forgives
 *       any error of a message with TC set). Does dnsjava accept all of it, and if not, why.
 *   <li>{@code framing}: the message walked as {@code Message} walks it, with dnsjava's own {@code
 *       DNSInput} and {@code Name}, but with record data read as opaque bytes and EDNS options only
 *       framed (RFC 6891 §6.1.2). That is the scanners' contract: framing and names checked, record
 *       data skipped. What it read before a problem stays, for the fields a failed scan still reports.
 * </ul>
 *
 * @param strict the message when dnsjava accepts all of it, else null
 * @param failure why dnsjava rejects it, else null
 * @param framing the framing walk
 */
record DnsjavaOracle(Message strict, Exception failure, Framing framing) {

  /**
   * What the framing walk read.
   *
   * @param complete true when every question and record was framed
   * @param question the first question's name, or null when it could not be read
   * @param qtype its type
   * @param qclass its class
   * @param opt the additional section's first OPT record (any owner, as dnsjava's getOPT), or null
   */
  record Framing(boolean complete, Name question, int qtype, int qclass, Opt opt) {}

  /** An OPT record's owner, class (payload size) and TTL (extended rcode, version, flags). */
  record Opt(Name owner, int payload, long ttl) {}

  static DnsjavaOracle of(byte[] wire) {
    Message strict = null;
    Exception failure = null;
    try {
      strict = new Message(withoutTc(wire));
    } catch (IOException | RuntimeException e) {
      failure = e;
    }
    return new DnsjavaOracle(strict, failure, walk(wire));
  }

  private static byte[] withoutTc(byte[] wire) {
    byte[] copy = wire.clone();
    if (copy.length > 2) {
      copy[2] &= ~0x02;
    }
    return copy;
  }

  /** The framing walk; see the class description. */
  static Framing walk(byte[] wire) {
    Name question = null;
    int qtype = 0;
    int qclass = 0;
    Opt opt = null;
    if (wire.length < Header.LENGTH) {
      return new Framing(false, null, 0, 0, null);
    }
    DNSInput in = new DNSInput(wire);
    try {
      in.readByteArray(Header.LENGTH);
      for (int i = 0; i < u16(wire, 4); i++) {
        Name n = new Name(in);
        int type = in.readU16();
        int dnsClass = in.readU16();
        if (i == 0) {
          question = n;
          qtype = type;
          qclass = dnsClass;
        }
      }
      for (int section = 1; section <= 3; section++) {
        for (int i = 0; i < u16(wire, 4 + 2 * section); i++) {
          Name owner = new Name(in);
          int type = in.readU16();
          int dnsClass = in.readU16();
          long ttl = in.readU32();
          int length = in.readU16();
          if (length > in.remaining()) {
            throw new WireParseException("truncated record");
          }
          byte[] data = in.readByteArray(length);
          if (section == 3 && type == Type.OPT) {
            if (!optionsFramed(data)) {
              throw new WireParseException("truncated option");
            }
            opt = opt == null ? new Opt(owner, dnsClass, ttl) : opt;
          }
        }
      }
      return new Framing(true, question, qtype, qclass, opt);
    } catch (WireParseException | RuntimeException e) {
      return new Framing(false, question, qtype, qclass, opt);
    }
  }

  private static boolean optionsFramed(byte[] data) {
    int p = 0;
    while (p + 4 <= data.length) {
      p += 4 + u16(data, p + 2);
    }
    return p == data.length;
  }

  private static int u16(byte[] b, int p) {
    return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
  }

  boolean accepts() {
    return strict != null;
  }

  /**
   * How a scan's acceptance differs from dnsjava's: null when both accept or both reject; else the
   * kind of a known divergence, each proven: RDATA (the scan accepts, dnsjava rejects the message
   * but its framing walk accepts it), TSIG_POSITION (likewise, dnsjava's rule that TSIG comes last),
   * OPT_RULE (the scan rejects a second OPT, or one not owned by the root, that dnsjava takes),
   * POINTER_HOPS (the scan's bound); or a text starting with UNEXPLAINED.
   */
  String divergence(ScanResult result) {
    boolean scannerAccepts = result == ScanResult.OK;
    if (scannerAccepts == accepts()) {
      return null;
    }
    if (scannerAccepts) {
      if (!framing.complete()) {
        return "UNEXPLAINED scanner accepts, " + this + ", even with record data skipped";
      }
      boolean tsig = String.valueOf(failure.getMessage()).startsWith("TSIG is not the last record");
      return tsig ? "TSIG_POSITION" : "RDATA";
    }
    List<Record> opts = new ArrayList<>();
    for (Record r : strict.getSection(Section.ADDITIONAL)) {
      if (r.getType() == Type.OPT) {
        opts.add(r);
      }
    }
    if (result == ScanResult.DUPLICATE_OPT && opts.size() > 1
        || result == ScanResult.BAD_OPT && opts.stream().anyMatch(r -> !r.getName().equals(Name.root))) {
      return "OPT_RULE";
    }
    if (result == ScanResult.TOO_MANY_POINTERS) {
      return "POINTER_HOPS";
    }
    return "UNEXPLAINED scanner " + result + ", dnsjava accepts";
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
    Header h = header(wire);
    compareHeader(out, h, v);
    Name q = framing.question();
    if (v.hasQuestion || result == ScanResult.OK) {
      expect(out, "hasQuestion", q != null, v.hasQuestion);
    }
    if (v.hasQuestion && q != null) {
      String lower = lowerAscii(q.toString(true));
      expect(out, "qname", lower, v.qnameString());
      expect(out, "qnameHash", nameHash(lower), v.qnameHash());
      expect(out, "qtype", framing.qtype(), v.qtype);
      expect(out, "qclass", framing.qclass(), v.qclass);
    }
    Opt opt = framing.opt();
    if (v.edns || result == ScanResult.OK) {
      expect(out, "edns", opt != null, v.edns);
    }
    if (v.edns && opt != null) {
      expect(out, "ednsVersion", (int) (opt.ttl() >>> 16) & 0xFF, v.ednsVersion);
      expect(out, "dnssecOk", (opt.ttl() & 0x8000) != 0, v.dnssecOk);
      expect(out, "udpPayloadSize", opt.payload(), v.udpPayloadSize);
      expect(out, "rcode", (int) (opt.ttl() >>> 24) << 4 | h.getRcode(), v.rcode);
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

  /**
   * The scanners' name hash written out from its description, byte by byte (no word reads): eight
   * bytes per little-endian word, the last zero-padded, each folded in as {@code rotl(h ^ w * K1,
   * 27) * K2} from {@code seed ^ length}, then MurmurHash3's fmix64.
   */
  static long nameHash(String ascii) {
    byte[] b = ascii.getBytes(StandardCharsets.US_ASCII);
    long h = 0x2545F4914F6CDD1DL ^ b.length;
    for (int i = 0; i < b.length; i += 8) {
      long w = 0;
      for (int k = 0; k < 8 && i + k < b.length; k++) {
        w |= (long) (b[i + k] & 0xFF) << (8 * k);
      }
      h = Long.rotateLeft(h ^ w * 0x9E3779B97F4A7C15L, 27) * 0x87C37B91114253D5L;
    }
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    return h ^ h >>> 33;
  }

  @Override
  public String toString() {
    return strict != null
        ? "dnsjava accepts"
        : "dnsjava rejects: " + String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
  }
}
