package org.dnsseismograph.analysis;

import java.util.List;
import org.dnsseismograph.wire.FrameBuilder;
import org.dnsseismograph.wire.IpAddress;

/**
 * The client's side of one lookup attempt in a {@link SyntheticCapture}: the query and the
 * resolver's answer, over UDP or over a TCP connection of its own (handshake, length-framed
 * messages, FINs).
 */
final class ClientLeg {
  /** Where the frames go, with their capture times. */
  @FunctionalInterface
  interface Frames {
    void emit(long time, byte[] frame);
  }

  private final Frames out;
  private final FrameBuilder eth;
  private final IpAddress resolver;
  private final IpAddress client;
  private final int port;
  private final int id;
  private final String qname;
  private final int qtype;
  private final boolean tcp;
  private int queryLength;

  ClientLeg(Frames out, FrameBuilder eth, IpAddress resolver, IpAddress client, int port, int id, String qname, int qtype, boolean tcp) {
    this.out = out;
    this.eth = eth;
    this.resolver = resolver;
    this.client = client;
    this.port = port;
    this.id = id;
    this.qname = qname;
    this.qtype = qtype;
    this.tcp = tcp;
  }

  void query(long t) {
    byte[] q = DnsWire.query(id, qname, qtype, true);
    if (!tcp) {
      out.emit(t, eth.udp(client, port, resolver, 53, q));
      return;
    }
    byte[] framed = framed(q);
    queryLength = framed.length;
    out.emit(t, eth.tcp(client, port, resolver, 53, 1000, 0, FrameBuilder.SYN, new byte[0]));
    out.emit(t + 20_000, eth.tcp(resolver, 53, client, port, 5000, 1001, FrameBuilder.SYN, new byte[0]));
    out.emit(t + 40_000, eth.tcp(client, port, resolver, 53, 1001, 5001, FrameBuilder.PSH, framed));
  }

  void answer(long t, int rcode) {
    byte[] a = rcode == 0 ? DnsWire.answer(id, qname, qtype, false, true, List.of(IpAddress.ofIpv4(0xC000_02FE))) : DnsWire.failure(id, qname, qtype, rcode);
    if (!tcp) {
      out.emit(t, eth.udp(resolver, 53, client, port, a));
      return;
    }
    byte[] framed = framed(a);
    out.emit(t, eth.tcp(resolver, 53, client, port, 5001, 1001 + queryLength, FrameBuilder.PSH, framed));
    out.emit(t + 50_000, eth.tcp(client, port, resolver, 53, 1001 + queryLength, 5001 + framed.length, FrameBuilder.FIN, new byte[0]));
    out.emit(t + 100_000, eth.tcp(resolver, 53, client, port, 5001 + framed.length, 1002 + queryLength, FrameBuilder.FIN, new byte[0]));
  }

  private static byte[] framed(byte[] m) {
    byte[] out = new byte[m.length + 2];
    out[0] = (byte) (m.length >>> 8);
    out[1] = (byte) m.length;
    System.arraycopy(m, 0, out, 2, m.length);
    return out;
  }
}
