package org.dnsseismograph.traffic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dnsseismograph.dns.DnsMessageView;
import org.dnsseismograph.wire.DnsPayload;
import org.dnsseismograph.wire.DnsPorts;
import org.dnsseismograph.wire.IpAddress;

/**
 * Finds the recursive resolvers of a capture from what each address does. The rule of issue 3: a
 * resolver receives queries on a DNS port and itself sends queries to port 53. Refined so that
 * other servers that also send queries are not taken for resolvers: only opcode QUERY counts
 * (NOTIFY and UPDATE do not), queries sent for zone maintenance (SOA, AXFR, IXFR) do not count as
 * sent, and most queries a resolver receives ask for recursion (RD set; an authoritative server
 * that also looks names up receives RD=0 queries from resolvers).
 *
 * <p>When no address shows both sides (a capture of one side only), {@link #resolvers()} falls back
 * to: addresses that receive mostly recursive queries and answer mostly with RA set (the client
 * side of a resolver), or else addresses that send mostly non-recursive queries to port 53 and
 * receive none (the upstream side of one).
 *
 * <p>Evidence is kept for at most {@code maxAddresses} addresses (about 60 bytes each); later
 * addresses are not tracked. Feed it well-formed messages only. Confined to one thread.
 */
public final class RoleDetector {
  /** Default most addresses tracked: about 60 MB at most. */
  public static final int DEFAULT_MAX_ADDRESSES = 1 << 20;
  private static final int TYPE_SOA = 6;
  private static final int TYPE_IXFR = 251;
  private static final int TYPE_AXFR = 252;
  private static final int IN = 0;
  private static final int IN_RD = 1;
  private static final int OUT = 2;
  private static final int OUT_NO_RD = 3;
  private static final int ANSWERS = 4;
  private static final int ANSWERS_RA = 5;
  private static final int PROMOTED = 6;
  private static final int COUNTERS = 7;

  private final DnsPorts ports;
  private final int maxAddresses;
  private long[] his = new long[256];
  private long[] los = new long[256];
  private long[][] counts = new long[256][];
  private int size;
  private long untracked;

  public RoleDetector(DnsPorts ports, int maxAddresses) {
    this.ports = ports;
    this.maxAddresses = maxAddresses;
  }

  /**
   * Notes what one well-formed message says about its two ends; returns the address that this
   * message made a resolver by the both-sides rule, or null (almost always).
   */
  public IpAddress observe(DnsPayload p, DnsMessageView v) {
    if (v.opcode != 0) {
      return null;
    }
    if (v.qr) {
      long[] src = ports.contains(p.srcPort) ? evidence(p.srcHi, p.srcLo) : null;
      if (src != null) {
        src[ANSWERS]++;
        src[ANSWERS_RA] += v.ra ? 1 : 0;
      }
      return null;
    }
    IpAddress promoted = null;
    long[] dst = ports.contains(p.dstPort) ? evidence(p.dstHi, p.dstLo) : null;
    if (dst != null) {
      dst[IN]++;
      dst[IN_RD] += v.rd ? 1 : 0;
      promoted = promote(dst) ? new IpAddress(p.dstHi, p.dstLo) : null;
    }
    boolean sent = p.dstPort == 53 && v.qtype != TYPE_SOA && v.qtype != TYPE_AXFR && v.qtype != TYPE_IXFR;
    long[] src = sent ? evidence(p.srcHi, p.srcLo) : null;
    if (src != null) {
      src[OUT]++;
      src[OUT_NO_RD] += v.rd ? 0 : 1;
      if (promote(src) && promoted == null) {
        promoted = new IpAddress(p.srcHi, p.srcLo);
      }
    }
    return promoted;
  }

  /** True the first time an address meets the both-sides rule. */
  private static boolean promote(long[] c) {
    if (c[PROMOTED] == 0 && bothSides(c)) {
      c[PROMOTED] = 1;
      return true;
    }
    return false;
  }

  private static boolean bothSides(long[] c) {
    return c[IN_RD] > 0 && c[OUT] > 0 && 2 * c[IN_RD] >= c[IN];
  }

  private static boolean clientSide(long[] c) {
    return c[IN_RD] > 0 && 2 * c[IN_RD] >= c[IN] && 2 * c[ANSWERS_RA] >= c[ANSWERS];
  }

  private static boolean upstreamSide(long[] c) {
    return c[IN] == 0 && c[OUT] > 0 && 2 * c[OUT_NO_RD] > c[OUT];
  }

  /** The evidence of an address, created on first use; null when the table is full. */
  private long[] evidence(long hi, long lo) {
    int mask = his.length - 1;
    int i = index(hi, lo, mask);
    while (counts[i] != null) {
      if (his[i] == hi && los[i] == lo) {
        return counts[i];
      }
      i = (i + 1) & mask;
    }
    if (size >= maxAddresses) {
      untracked++;
      return null;
    }
    his[i] = hi;
    los[i] = lo;
    long[] c = new long[COUNTERS];
    counts[i] = c;
    if (++size * 2 > his.length) {
      grow();
    }
    return c;
  }

  private static int index(long hi, long lo, int mask) {
    long h = hi * 0x9E3779B97F4A7C15L ^ lo * 0xC2B2AE3D27D4EB4FL;
    return (int) (h ^ (h >>> 31)) & mask;
  }

  private void grow() {
    long[] oh = his;
    long[] ol = los;
    long[][] oc = counts;
    his = new long[oh.length * 2];
    los = new long[oh.length * 2];
    counts = new long[oh.length * 2][];
    int mask = his.length - 1;
    for (int j = 0; j < oh.length; j++) {
      if (oc[j] != null) {
        int i = index(oh[j], ol[j], mask);
        while (counts[i] != null) {
          i = (i + 1) & mask;
        }
        his[i] = oh[j];
        los[i] = ol[j];
        counts[i] = oc[j];
      }
    }
  }

  /**
   * The resolvers the evidence shows, most queries received first (then most sent): those seen on
   * both sides; when there are none, those seen on one side only.
   */
  public List<ResolverRole> resolvers() {
    List<ResolverRole> both = collect(ResolverRole.Basis.BOTH_SIDES);
    if (!both.isEmpty()) {
      return both;
    }
    List<ResolverRole> one = new ArrayList<>(collect(ResolverRole.Basis.CLIENT_SIDE));
    one.addAll(collect(ResolverRole.Basis.UPSTREAM_SIDE));
    return List.copyOf(one);
  }

  private List<ResolverRole> collect(ResolverRole.Basis basis) {
    List<ResolverRole> out = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      long[] c = counts[i];
      if (c != null && matches(basis, c)) {
        out.add(new ResolverRole(new IpAddress(his[i], los[i]), basis, c[IN], c[OUT]));
      }
    }
    out.sort(Comparator.comparingLong(ResolverRole::queriesReceived).thenComparingLong(ResolverRole::queriesSent).reversed()
        .thenComparing(ResolverRole::address));
    return out;
  }

  private static boolean matches(ResolverRole.Basis basis, long[] c) {
    return switch (basis) {
      case BOTH_SIDES -> bothSides(c);
      case CLIENT_SIDE -> clientSide(c);
      case UPSTREAM_SIDE -> upstreamSide(c);
      case GIVEN, NAMED_BY_SOURCE -> false;
    };
  }

  /** Addresses tracked. */
  public int size() {
    return size;
  }

  /** Messages whose ends could not be tracked because the table was full. */
  public long untracked() {
    return untracked;
  }
}
