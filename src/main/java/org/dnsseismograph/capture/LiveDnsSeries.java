package org.dnsseismograph.capture;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.dnsseismograph.dns.DnsMessageView;
import org.dnsseismograph.dns.ScanResult;
import org.dnsseismograph.series.EventSeriesWriter;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.Retention;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.traffic.MatcherConfig;
import org.dnsseismograph.traffic.MatcherStats;
import org.dnsseismograph.traffic.QueryResponseMatcher;
import org.dnsseismograph.traffic.RecentTraffic;
import org.dnsseismograph.traffic.RecentTransactions;
import org.dnsseismograph.traffic.Side;
import org.dnsseismograph.traffic.Transaction;
import org.dnsseismograph.wire.DnsPayload;
import org.dnsseismograph.wire.DnsPorts;

/**
 * The built-in {@link LiveAnalysis}: the DNS metrics of the file path as live event series, under
 * {@code dns.} for every message and, when its side of the resolver is known, also under {@code
 * client.} or {@code upstream.} ({@link RoleSeries}, with the upstream side per authoritative
 * server); plus {@code packets.skipped}. A dnstap message's type says its side; a captured packet's
 * side is learnt from the resolvers the capture shows ({@link LiveSides}). Queries are matched to
 * responses by the same {@link QueryResponseMatcher} the files use, so {@code unanswered} and
 * latency mean the same thing live: one per dnstap role, and one for all captured packets whose
 * transactions count on the side their addresses are on when they close.
 *
 * <p>Message facts follow the file dispatcher's rules: a malformed message whose 4 header bytes are
 * there still counts as a query or response with its header rcode, but is not matched; a shorter
 * one counts in {@code packets.skipped}.
 *
 * <p>Memory is bounded for endless runs: every second the event series apply the {@link Retention}
 * (coarser detail as it ages), the matchers hold at most their capacity, latency grows by 32 bytes
 * per second with answers. The transactions themselves are kept as long as exact events are, for
 * the side panel ({@link #transactions()}), up to {@value #MAX_RECENT_ROWS} of them. Confined to the
 * source's worker thread.
 */
public final class LiveDnsSeries implements LiveAnalysis {
  private static final long RETENTION_EVERY_NANOS = TimeUnits.NANOS_PER_SECOND;
  /**
   * Transactions kept for the side panel at most: about 40 MB of heap when full (CaptureSoak at
   * 45,000 queries/s through Unbound, both sides captured: 90–93 MB after full collections,
   * against 45–54 MB without them).
   */
  static final int MAX_RECENT_ROWS = 1_000_000;
  private static final long MIN_KEPT_NANOS = TimeUnits.NANOS_PER_SECOND;

  private final MatcherConfig matching;
  private final Retention retention;
  private final List<long[]> coverage = new ArrayList<>();
  private final RoleSeries all;
  private final RoleSeries[] byRole = new RoleSeries[MessageRole.values().length];
  private final QueryResponseMatcher[] matchers = new QueryResponseMatcher[MessageRole.values().length];
  private final EventSeriesWriter skipped = new EventSeriesWriter(MetricId.of("packets.skipped"));
  private final RecentTransactions recent;
  private final LiveSides sides;
  private long lastRetention;

  /** Matching with the file defaults (3 s timeout), {@link Retention#LIVE_DEFAULT}. */
  public LiveDnsSeries() {
    this(MatcherConfig.defaults(), Retention.LIVE_DEFAULT);
  }

  public LiveDnsSeries(MatcherConfig matching, Retention retention) {
    this(matching, retention, DnsPorts.DEFAULT);
  }

  /** @param ports the DNS ports of the capture, which tell a resolver's listening side */
  public LiveDnsSeries(MatcherConfig matching, Retention retention, DnsPorts ports) {
    this.sides = new LiveSides(Objects.requireNonNull(ports, "ports"));
    this.matching = Objects.requireNonNull(matching, "matching");
    this.retention = Objects.requireNonNull(retention, "retention");
    this.all = new RoleSeries("dns", matching.timeoutNanos(), coverage);
    // As long as the series keep exact events; a transaction closes up to a timeout after its time.
    this.recent = new RecentTransactions(matching.timeoutNanos(), Math.max(MIN_KEPT_NANOS, retention.exactNanos()), MAX_RECENT_ROWS);
    skipped.setImplicitCoverage(false);
  }

  @Override
  public void onMessage(DnsPayload payload, DnsMessageView view, ScanResult result, MessageRole role) {
    long t = payload.timestampNanos;
    boolean ok = result == ScanResult.OK;
    boolean response;
    int rcode;
    boolean tc;
    if (ok) {
      response = view.qr;
      rcode = view.rcode;
      tc = view.tc;
    } else if (payload.buffer != null && payload.length >= 4) {
      int flags = headerFlags(payload.buffer, payload.offset);
      response = (flags & 0x8000) != 0;
      rcode = flags & 0xF;
      tc = (flags & 0x0200) != 0;
    } else {
      onSkipped(t);
      matcher(role).advanceTo(t);
      return;
    }
    all.onMessage(t, response, rcode, tc);
    MessageRole side = role != MessageRole.UNKNOWN ? role : roleOf(ok ? sides.learn(payload, view) : sides.of(payload, response));
    RoleSeries own = roleSeries(side);
    if (own != null) {
      own.onMessage(t, response, rcode, tc);
      own.onServerMessage(t, response, response ? payload.srcHi : payload.dstHi, response ? payload.srcLo : payload.dstLo);
    }
    if (ok) {
      matcher(role).onMessage(payload, view);
    } else {
      matcher(role).advanceTo(t);
    }
  }

  /** The 16 flag bits of the DNS header at {@code offset}. */
  static int headerFlags(ByteBuffer b, int offset) {
    return ((b.get(offset + 2) & 0xFF) << 8) | (b.get(offset + 3) & 0xFF);
  }

  private RoleSeries roleSeries(MessageRole role) {
    if (role == MessageRole.UNKNOWN) {
      return null;
    }
    RoleSeries s = byRole[role.ordinal()];
    if (s == null) {
      s = new RoleSeries(role.metricPrefix(), matching.timeoutNanos(), coverage);
      byRole[role.ordinal()] = s;
    }
    return s;
  }

  private static MessageRole roleOf(Side side) {
    return switch (side) {
      case CLIENT -> MessageRole.CLIENT;
      case UPSTREAM -> MessageRole.UPSTREAM;
      case OTHER -> MessageRole.UNKNOWN;
    };
  }

  private QueryResponseMatcher matcher(MessageRole role) {
    QueryResponseMatcher m = matchers[role.ordinal()];
    if (m == null) {
      // A dnstap role is the transaction's side; a captured packet's is decided when it closes.
      m = new QueryResponseMatcher(matching, t -> onTransaction(t, role != MessageRole.UNKNOWN ? role : roleOf(sides.of(t))));
      matchers[role.ordinal()] = m;
    }
    return m;
  }

  private void onTransaction(Transaction t, MessageRole side) {
    all.onTransaction(t);
    RoleSeries own = roleSeries(side);
    if (own != null) {
      own.onTransaction(t);
    }
    recent.append(t);
    if (side == MessageRole.CLIENT) {
      // a client's query was sent to the resolver: its server is the resolver
      recent.addResolver(t.serverHi, t.serverLo);
    }
  }

  @Override
  public void onSkipped(long timeNanos) {
    skipped.append(timeNanos);
  }

  @Override
  public void advanceTo(long timeNanos) {
    for (QueryResponseMatcher m : matchers) {
      if (m != null) {
        m.advanceTo(timeNanos);
      }
    }
  }

  @Override
  public void observed(long startNanos, long endNanos) {
    if (endNanos <= startNanos) {
      return;
    }
    long[] last = coverage.isEmpty() ? null : coverage.get(coverage.size() - 1);
    if (last != null && startNanos <= last[1] && startNanos >= last[0]) {
      last[1] = Math.max(last[1], endNanos);
    } else {
      coverage.add(new long[] {startNanos, endNanos});
    }
    skipped.cover(startNanos, endNanos);
    forEachRole(r -> r.observed(startNanos, endNanos));
  }

  @Override
  public List<ResolvableSeries> publish() {
    long clock = clock();
    forEachRole(r -> r.closeLatency(clock));
    if (clock != Long.MIN_VALUE && clock - lastRetention >= RETENTION_EVERY_NANOS) {
      lastRetention = clock;
      forEachRole(r -> r.applyRetention(retention));
      skipped.applyRetention(retention);
    }
    if (clock != Long.MIN_VALUE) {
      recent.advanceClock(clock);
    }
    recent.publish();
    List<ResolvableSeries> out = new ArrayList<>();
    all.publish(out);
    for (RoleSeries r : byRole) {
      if (r != null) {
        r.publish(out);
      }
    }
    out.add(skipped.publish());
    return out;
  }

  @Override
  public void finish() {
    for (QueryResponseMatcher m : matchers) {
      if (m != null) {
        m.finish();
      }
    }
    forEachRole(r -> r.closeLatency(Long.MAX_VALUE));
    recent.finish();
  }

  @Override
  public RecentTraffic transactions() {
    return recent.snapshot();
  }

  /**
   * The matchers' counts by role ({@link MessageRole#UNKNOWN} for packets); roles never seen are
   * absent. Call from the worker thread, or after the source stopped.
   */
  public Map<MessageRole, MatcherStats> matcherStats() {
    Map<MessageRole, MatcherStats> stats = new EnumMap<>(MessageRole.class);
    for (MessageRole r : MessageRole.values()) {
      if (matchers[r.ordinal()] != null) {
        stats.put(r, matchers[r.ordinal()].stats());
      }
    }
    return stats;
  }

  private long clock() {
    long c = Long.MIN_VALUE;
    for (QueryResponseMatcher m : matchers) {
      if (m != null) {
        c = Math.max(c, m.clockNanos());
      }
    }
    return c;
  }

  private void forEachRole(Consumer<RoleSeries> action) {
    action.accept(all);
    for (RoleSeries r : byRole) {
      if (r != null) {
        action.accept(r);
      }
    }
  }
}
