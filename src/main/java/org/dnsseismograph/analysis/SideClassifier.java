package org.dnsseismograph.analysis;

import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.traffic.ResolverRole;
import org.dnsseismograph.traffic.ResolverSet;
import org.dnsseismograph.traffic.RoleDetector;
import org.dnsseismograph.traffic.Side;
import org.dnsseismograph.traffic.Transaction;
import org.dnsseismograph.wire.DnsPayload;
import org.dnsseismograph.wire.IpAddress;

/**
 * Tells the side of each message and transaction from the known resolvers, and keeps learning:
 * messages between two addresses neither of which is a known resolver go to a {@link RoleDetector},
 * and an address that starts to show both sides of a resolver joins the set from then on (its
 * earlier messages stay where they were counted). Confined to the aggregating thread.
 */
final class SideClassifier {
  private final ResolverSet resolvers;
  private final List<ResolverRole> roles;
  private final RoleDetector online;

  /**
   * @param known the resolvers known before the pass (given, or from {@link RoleScan})
   * @param online where messages of no known resolver go, or null to learn nothing more (resolvers
   *     given by the user)
   */
  SideClassifier(List<ResolverRole> known, RoleDetector online) {
    this.roles = new ArrayList<>(known);
    this.resolvers = ResolverSet.of(known.stream().map(ResolverRole::address).toList());
    this.online = online;
  }

  /** The side of a message; may recognise a new resolver first. */
  Side of(MessageFacts m) {
    DnsPayload p = m.payload;
    if (p == null) {
      return Side.OTHER;
    }
    Side side = sideOf(p, m.response);
    if (side == Side.OTHER && online != null && m.wellFormed) {
      IpAddress found = online.observe(p, m.view);
      if (found != null && resolvers.add(found)) {
        roles.add(new ResolverRole(found, ResolverRole.Basis.BOTH_SIDES, 0, 0));
        side = sideOf(p, m.response);
      }
    }
    return side;
  }

  private Side sideOf(DnsPayload p, boolean response) {
    return response ? resolvers.sideOf(p.dstHi, p.dstLo, p.srcHi, p.srcLo) : resolvers.sideOf(p.srcHi, p.srcLo, p.dstHi, p.dstLo);
  }

  Side of(Transaction t) {
    return resolvers.sideOf(t.clientHi, t.clientLo, t.serverHi, t.serverLo);
  }

  /** The resolvers: those known before the pass, then those recognised during it. */
  List<ResolverRole> roles() {
    return List.copyOf(roles);
  }

  ResolverSet resolvers() {
    return resolvers;
  }
}
