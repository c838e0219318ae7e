package org.dnsseismograph.capture;

import org.dnsseismograph.dns.DnsMessageView;
import org.dnsseismograph.traffic.ResolverSet;
import org.dnsseismograph.traffic.RoleDetector;
import org.dnsseismograph.traffic.Side;
import org.dnsseismograph.traffic.Transaction;
import org.dnsseismograph.wire.DnsPayload;
import org.dnsseismograph.wire.DnsPorts;
import org.dnsseismograph.wire.IpAddress;

/**
 * The side of each captured message and transaction, learnt as the capture goes: a live capture
 * has no prefix to read before its first message, so an address joins the resolvers when it
 * starts to show both sides of one (it receives recursive queries and sends queries to port 53,
 * {@link RoleDetector}'s rule), and its messages count as client or upstream traffic from then
 * on; what came before stays counted under {@code dns.} only, as the file path does with a
 * resolver it recognises mid-capture. A capture of one side of a resolver finds none and stays
 * with {@code dns.}.
 *
 * <p>Evidence is kept for at most {@value #MAX_ADDRESSES} addresses (about 4 MB), so an endless
 * run stays bounded; an address first seen beyond that is never recognised (a resolver shows
 * itself within its first seconds). Confined to the source's worker thread.
 */
final class LiveSides {
  static final int MAX_ADDRESSES = 1 << 16;

  private final ResolverSet resolvers = new ResolverSet();
  private final RoleDetector detector;

  LiveSides(DnsPorts ports) {
    this.detector = new RoleDetector(ports, MAX_ADDRESSES);
  }

  /** The side of a well-formed message; learns from it first when neither end is a resolver yet. */
  Side learn(DnsPayload p, DnsMessageView v) {
    Side side = of(p, v.qr);
    if (side == Side.OTHER) {
      IpAddress found = detector.observe(p, v);
      if (found != null && resolvers.add(found)) {
        side = of(p, v.qr);
      }
    }
    return side;
  }

  /** The side of a message from the resolvers known now, without learning (a malformed one). */
  Side of(DnsPayload p, boolean response) {
    return response ? resolvers.sideOf(p.dstHi, p.dstLo, p.srcHi, p.srcLo) : resolvers.sideOf(p.srcHi, p.srcLo, p.dstHi, p.dstLo);
  }

  Side of(Transaction t) {
    return resolvers.sideOf(t.clientHi, t.clientLo, t.serverHi, t.serverLo);
  }
}
