package org.dnsseismograph.cli.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Encodes the few DNS messages the synthetic traffic needs: a query with EDNS, and a response that
 * echoes its question with one A/AAAA answer or none. Plain RFC 1035 wire format, no compression
 * beyond a pointer from the answer to the question name.
 */
final class DnsMessageBytes {
  static final int A = 1;
  static final int AAAA = 28;
  static final int NOERROR = 0;
  static final int SERVFAIL = 2;
  static final int NXDOMAIN = 3;

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
    header(out, id, flags, 1, answer ? 1 : 0, 0, 1);
    question(out, qname, qtype);
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
