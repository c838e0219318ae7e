package org.dnsseismograph.cli.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Encodes the few DNS messages the synthetic traffic needs: a query with EDNS, and a response that
 * echoes its question with one A/AAAA answer or none; a name error carries its zone's SOA in the
 * authority section, as RFC 2308 §3 asks of negative answers. Plain RFC 1035 wire format; the only
 * compression is pointers into the question name (for the answer's owner and the zone's apex).
 */
final class DnsMessageBytes {
  static final int A = 1;
  static final int AAAA = 28;
  static final int NOERROR = 0;
  static final int SERVFAIL = 2;
  static final int NXDOMAIN = 3;
  private static final int SOA = 6;
  private static final int HEADER_LENGTH = 12;
  private static final int NEGATIVE_TTL = 300;

  private DnsMessageBytes() {}

  static byte[] query(int id, String qname, int qtype, boolean recursionDesired) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    header(out, id, recursionDesired ? 0x0100 : 0x0000, 1, 0, 0, 1);
    question(out, qname, qtype);
    opt(out);
    return out.toByteArray();
  }

  static byte[] response(int id, String qname, int qtype, int rcode, boolean authoritative, boolean withAnswer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(96);
    int flags = 0x8000 | 0x0100 | 0x0080 | (authoritative ? 0x0400 : 0) | (rcode & 0xF);
    boolean answer = withAnswer && rcode == NOERROR;
    boolean nameError = rcode == NXDOMAIN;
    header(out, id, flags, 1, answer ? 1 : 0, nameError ? 1 : 0, 1);
    question(out, qname, qtype);
    if (nameError) {
      soa(out, zoneApexPointer(qname));
    }
    if (answer) {
      short16(out, 0xC00C);
      short16(out, qtype);
      short16(out, 1);
      int32(out, 300);
      if (qtype == AAAA) {
        short16(out, 16);
        out.writeBytes(new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) (id & 0xFF)});
      } else {
        short16(out, 4);
        out.writeBytes(new byte[] {(byte) 198, 51, 100, (byte) (id & 0xFF)});
      }
    }
    opt(out);
    return out.toByteArray();
  }

  private static void header(ByteArrayOutputStream out, int id, int flags, int qd, int an, int ns, int ar) {
    short16(out, id);
    short16(out, flags);
    short16(out, qd);
    short16(out, an);
    short16(out, ns);
    short16(out, ar);
  }

  private static void question(ByteArrayOutputStream out, String qname, int qtype) {
    for (String label : qname.split("\\.")) {
      byte[] b = label.getBytes(StandardCharsets.US_ASCII);
      out.write(b.length);
      out.writeBytes(b);
    }
    out.write(0);
    short16(out, qtype);
    short16(out, 1);
  }

  /**
   * Where the question name's zone starts, as a compression pointer: the generator's names lie one
   * label under their zone, so the apex is the name without its first label.
   */
  private static int zoneApexPointer(String qname) {
    int firstLabel = qname.indexOf('.');
    if (firstLabel < 1) {
      throw new IllegalArgumentException("no zone under the name " + qname);
    }
    return 0xC000 | (HEADER_LENGTH + 1 + firstLabel);
  }

  /** The zone's SOA record (owner at {@code apex}, a pointer), its TTL the negative-caching TTL. */
  private static void soa(ByteArrayOutputStream out, int apex) {
    byte[] mname = {3, 'n', 's', '1'};
    byte[] rname = {10, 'h', 'o', 's', 't', 'm', 'a', 's', 't', 'e', 'r'};
    short16(out, apex);
    short16(out, SOA);
    short16(out, 1);
    int32(out, NEGATIVE_TTL);
    short16(out, mname.length + 2 + rname.length + 2 + 5 * 4);
    out.writeBytes(mname);
    short16(out, apex);
    out.writeBytes(rname);
    short16(out, apex);
    int32(out, 2026112501); // serial
    int32(out, 7200); // refresh
    int32(out, 3600); // retry
    int32(out, 1209600); // expire
    int32(out, NEGATIVE_TTL); // minimum: the negative-caching TTL (RFC 2308 §4)
  }

  /** An OPT record: root owner, 1232-byte payload size, DO clear. */
  private static void opt(ByteArrayOutputStream out) {
    out.write(0);
    short16(out, 41);
    short16(out, 1232);
    int32(out, 0);
    short16(out, 0);
  }

  private static void short16(ByteArrayOutputStream out, int v) {
    out.write((v >>> 8) & 0xFF);
    out.write(v & 0xFF);
  }

  private static void int32(ByteArrayOutputStream out, int v) {
    short16(out, v >>> 16);
    short16(out, v);
  }
}
