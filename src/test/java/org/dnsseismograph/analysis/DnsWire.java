package org.dnsseismograph.analysis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dnsseismograph.wire.IpAddress;

/**
 * DNS messages as bytes on the wire (RFC 1035 §4.1), built by hand for generated captures: a
 * query, an answer with A records, a referral (NS records and glue), a negative answer with an SOA
 * record, SERVFAIL. No name compression. Stateless.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc1035#section-4.1">RFC 1035 §4.1</a>
 */
final class DnsWire {
  static final int A = 1;
  static final int NS = 2;
  static final int SOA = 6;
  static final int AAAA = 28;

  private DnsWire() {}

  static byte[] query(int id, String qname, int qtype, boolean rd) {
    ByteBuffer b = header(256, id, rd ? 0x0100 : 0, 1, 0, 0, 0);
    question(b, qname, qtype);
    return done(b);
  }

  /** An answer: {@code addresses} A records for the question (AA as given, RA when from a resolver). */
  static byte[] answer(int id, String qname, int qtype, boolean aa, boolean ra, List<IpAddress> addresses) {
    ByteBuffer b = header(512, id, 0x8000 | (aa ? 0x0400 : 0) | 0x0100 | (ra ? 0x0080 : 0), 1, addresses.size(), 0, 0);
    question(b, qname, qtype);
    for (IpAddress a : addresses) {
      record(b, qname, A, a.toBytes());
    }
    return done(b);
  }

  /** A response without records and with {@code rcode} (SERVFAIL from a resolver, say). */
  static byte[] failure(int id, String qname, int qtype, int rcode) {
    ByteBuffer b = header(256, id, 0x8000 | 0x0100 | 0x0080 | rcode, 1, 0, 0, 0);
    question(b, qname, qtype);
    return done(b);
  }

  /** A referral for {@code zone} to its name servers, with their glue addresses. */
  static byte[] referral(int id, String qname, int qtype, String zone, List<String> nameServers, List<IpAddress> glue) {
    ByteBuffer b = header(1024, id, 0x8000 | 0x0100, 1, 0, nameServers.size(), glue.size());
    question(b, qname, qtype);
    for (String ns : nameServers) {
      record(b, zone, NS, name(ns));
    }
    for (int i = 0; i < glue.size(); i++) {
      record(b, nameServers.get(i), A, glue.get(i).toBytes());
    }
    return done(b);
  }

  /** An authoritative NXDOMAIN with the zone's SOA record in the authority section (RFC 2308). */
  static byte[] nxdomain(int id, String qname, int qtype, String zone) {
    ByteBuffer b = header(512, id, 0x8000 | 0x0400 | 0x0100 | 3, 1, 0, 1, 0);
    question(b, qname, qtype);
    ByteBuffer soa = ByteBuffer.allocate(300);
    soa.put(name("ns1." + zone)).put(name("hostmaster." + zone)).putInt(1).putInt(3600).putInt(600).putInt(86400).putInt(300);
    byte[] data = new byte[soa.position()];
    soa.flip().get(data);
    record(b, zone, SOA, data);
    return done(b);
  }

  private static ByteBuffer header(int capacity, int id, int flags, int qd, int an, int ns, int ar) {
    return ByteBuffer.allocate(capacity).putShort((short) id).putShort((short) flags).putShort((short) qd).putShort((short) an)
        .putShort((short) ns).putShort((short) ar);
  }

  private static void question(ByteBuffer b, String qname, int qtype) {
    b.put(name(qname)).putShort((short) qtype).putShort((short) 1);
  }

  private static void record(ByteBuffer b, String owner, int type, byte[] data) {
    b.put(name(owner)).putShort((short) type).putShort((short) 1).putInt(300).putShort((short) data.length).put(data);
  }

  /** A name in wire format; "." or "" is the root. */
  static byte[] name(String name) {
    ByteBuffer b = ByteBuffer.allocate(256);
    if (!name.isEmpty() && !name.equals(".")) {
      for (String label : name.split("\\.")) {
        b.put((byte) label.length()).put(label.getBytes(StandardCharsets.US_ASCII));
      }
    }
    b.put((byte) 0);
    byte[] out = new byte[b.position()];
    b.flip().get(out);
    return out;
  }

  private static byte[] done(ByteBuffer b) {
    byte[] out = new byte[b.position()];
    b.flip().get(out);
    return out;
  }
}
