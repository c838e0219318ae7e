package org.dnsseismograph.traffic;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.dnsseismograph.dns.DnsHeaderScanner;
import org.dnsseismograph.dns.DnsMessageView;
import org.dnsseismograph.wire.DnsPayload;
import org.dnsseismograph.wire.IpAddress;
import org.dnsseismograph.wire.Transport;

/**
 * Fills the {@link DnsPayload} and {@link DnsMessageView} flyweights the way the capture reader and
 * the header scanner would for one message: the payload carries a real DNS message (header and
 * question) built from the fields, and the view is what {@link DnsHeaderScanner} reads from it, so
 * the question's name is read from the message bytes as in a capture. Flags changed by hand are
 * written back with {@link #sync()}.
 */
public final class CraftedMessage {
  public final DnsPayload payload = new DnsPayload();
  public final DnsMessageView view = new DnsMessageView();
  private final DnsHeaderScanner scanner = new DnsHeaderScanner();
  private ByteBuffer message = ByteBuffer.allocate(12);

  /** A UDP query from client to server. */
  public static CraftedMessage query(long timeNanos, String client, int clientPort, String server, int serverPort, int id, String qname, int qtype) {
    CraftedMessage m = new CraftedMessage();
    m.fill(timeNanos, client, clientPort, server, serverPort, id, qname, qtype);
    m.view.qr = false;
    m.view.rd = true;
    return m.sync();
  }

  /** A UDP response from server to client. */
  public static CraftedMessage response(long timeNanos, String server, int serverPort, String client, int clientPort, int id, String qname, int qtype, int rcode) {
    CraftedMessage m = new CraftedMessage();
    m.fill(timeNanos, server, serverPort, client, clientPort, id, qname, qtype);
    m.view.qr = true;
    m.view.rd = true;
    m.view.ra = true;
    m.view.rcode = rcode;
    return m.sync();
  }

  private void fill(long t, String src, int srcPort, String dst, int dstPort, int id, String qname, int qtype) {
    IpAddress s = IpAddress.parse(src);
    IpAddress d = IpAddress.parse(dst);
    payload.timestampNanos = t;
    payload.frameNumber = 1;
    payload.transport = Transport.UDP;
    payload.srcHi = s.hi();
    payload.srcLo = s.lo();
    payload.dstHi = d.hi();
    payload.dstLo = d.lo();
    payload.srcPort = srcPort;
    payload.dstPort = dstPort;
    view.id = id;
    view.qtype = qtype;
    view.qclass = 1;
    view.qdCount = 1;
    view.hasQuestion = true;
    setName(qname);
  }

  private void setName(String qname) {
    byte[] wire = wireName(qname);
    message = ByteBuffer.allocate(12 + wire.length + 4);
    message.put(12, wire);
    message.putShort(12 + wire.length, (short) view.qtype).putShort(14 + wire.length, (short) view.qclass);
  }

  /** The wire form of a dotted name ("." is the root); labels of at most 63 octets. */
  public static byte[] wireName(String name) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    if (!name.equals(".")) {
      for (String label : name.split("\\.")) {
        byte[] b = label.getBytes(StandardCharsets.US_ASCII);
        out.write(b.length);
        out.write(b, 0, b.length);
      }
    }
    out.write(0);
    return out.toByteArray();
  }

  /**
   * Writes the header bytes from the view's fields and scans the message again; call after changing
   * flags by hand. The full rcode set by hand survives (the header holds only its low four bits).
   */
  public CraftedMessage sync() {
    int flags = (view.qr ? 0x8000 : 0) | (view.opcode & 0xF) << 11 | (view.aa ? 0x0400 : 0) | (view.tc ? 0x0200 : 0) | (view.rd ? 0x0100 : 0)
        | (view.ra ? 0x0080 : 0) | (view.rcode & 0xF);
    message.putShort(0, (short) view.id).putShort(2, (short) flags).putShort(4, (short) view.qdCount);
    message.putShort(6, (short) view.anCount).putShort(8, (short) view.nsCount).putShort(10, (short) view.arCount);
    int rcode = view.rcode;
    // the counted records are not in the message, so the scan ends early; the header and question are read
    scanner.scan(message, 0, message.limit(), view);
    view.rcode = rcode;
    payload.buffer = message;
    payload.offset = 0;
    payload.length = message.limit();
    payload.originalLength = message.limit();
    return this;
  }

  public CraftedMessage at(long timeNanos) {
    payload.timestampNanos = timeNanos;
    return this;
  }

  public CraftedMessage frame(long number) {
    payload.frameNumber = number;
    return this;
  }

  public CraftedMessage tcp() {
    payload.transport = Transport.TCP;
    return this;
  }

  public CraftedMessage truncated() {
    view.tc = true;
    return sync();
  }

  public CraftedMessage authoritative() {
    view.aa = true;
    return sync();
  }

  public CraftedMessage opcode(int opcode) {
    view.opcode = opcode;
    return sync();
  }

  public CraftedMessage rd(boolean rd) {
    view.rd = rd;
    return sync();
  }

  public CraftedMessage answers(int an, int ns) {
    view.anCount = an;
    view.nsCount = ns;
    return sync();
  }

  /** Drops the question, as some FORMERR responses do. */
  public CraftedMessage noQuestion() {
    view.qdCount = 0;
    message = ByteBuffer.allocate(12);
    return sync();
  }

  /** Replaces the payload by {@code length} raw bytes, as a message the scanner rejects. */
  public CraftedMessage rawBytes(byte[] bytes) {
    payload.buffer = ByteBuffer.wrap(bytes);
    payload.offset = 0;
    payload.length = bytes.length;
    payload.originalLength = bytes.length;
    return this;
  }

  /** The name hash, as the scanner computes it. */
  public static long nameHash(byte[] b, int length) {
    return DnsMessageView.nameHash(b, length);
  }
}
