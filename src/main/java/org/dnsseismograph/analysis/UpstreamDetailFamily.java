package org.dnsseismograph.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.Unit;
import org.dnsseismograph.traffic.Side;
import org.dnsseismograph.traffic.Transaction;
import org.dnsseismograph.traffic.TransactionKind;
import org.dnsseismograph.wire.DnsPayload;
import org.dnsseismograph.wire.IpAddress;

/**
 * The upstream side per authoritative server and per zone:
 * {@code upstream.server.<ADDR>.queries|responses|timeouts|answer_ratio} and {@code
 * upstream.zone.<ZONE>.queries|responses|timeouts|answer_ratio}. Queries and responses count at
 * their capture time, timeouts (queries closed unanswered) and the answer ratio (answered per
 * closed query) at the query's time.
 *
 * <p>{@code <ADDR>} is an address as {@link IpAddress#toString()} writes it ({@code 192.0.2.1},
 * {@code 2001:db8::1}); {@code <ZONE>} a zone in lower case without its final dot ({@code
 * example.test}), the root being {@code .} ({@code upstream.zone...queries}). A message belongs to
 * the most specific zone its server is known to serve that holds its question ({@link ZoneMap},
 * learned as the capture goes by {@link ZoneLearner}); before that is known it counts for the
 * server only, and so do messages of a zone whose name has characters a metric name cannot hold
 * (escaped bytes, {@code *}). Confined to the aggregating thread.
 */
final class UpstreamDetailFamily implements MetricFamily {
  static final String SERVER = "upstream.server.";
  static final String ZONE = "upstream.zone.";
  private static final List<String> PARTS = List.of("queries", "responses", "timeouts", "answer_ratio");

  /** Hears of each closed upstream transaction with its server's id. */
  @FunctionalInterface
  interface Listener {
    void onUpstream(int server, Transaction t);
  }

  /** The four recorders of one server or zone. */
  private record Recorders(MetricSink.EventCounter queries, MetricSink.EventCounter responses, MetricSink.EventCounter timeouts,
      MetricSink.RatioRecorder answered) {}

  /** Marks a zone whose name cannot be part of a metric name. */
  private static final Recorders NO_RECORDERS = new Recorders(MetricSink.EventCounter.NONE, MetricSink.EventCounter.NONE, MetricSink.EventCounter.NONE,
      MetricSink.RatioRecorder.NONE);

  private final MetricSink sink;
  private final AddressIds servers = new AddressIds();
  private final ZoneMap zones = new ZoneMap(servers);
  private final ZoneLearner learner = new ZoneLearner(zones);
  private final boolean perServer;
  private final boolean perZone;
  private Recorders[] byServer = new Recorders[16];
  private Recorders[] byZone = new Recorders[16];
  private Listener listener;

  UpstreamDetailFamily(MetricSink sink) {
    this.sink = sink;
    this.perServer = sink.wantsAny(SERVER);
    this.perZone = sink.wantsAny(ZONE);
  }

  void setListener(Listener l) {
    this.listener = l;
  }

  AddressIds servers() {
    return servers;
  }

  ZoneMap zones() {
    return zones;
  }

  @Override
  public Side side() {
    return Side.UPSTREAM;
  }

  @Override
  public void onMessage(MessageFacts m) {
    if (m.side != Side.UPSTREAM) {
      return;
    }
    DnsPayload p = m.payload;
    int s = m.response ? servers.idOf(p.srcHi, p.srcLo) : servers.idOf(p.dstHi, p.dstLo);
    if (perServer) {
      Recorders server = server(s);
      (m.response ? server.responses : server.queries).add(m.timeNanos);
    }
    if (!m.wellFormed || !m.view.hasQuestion) {
      return;
    }
    if (m.response) {
      learner.learn(s, p, m.view);
    }
    Recorders zone = perZone ? zone(zones.zoneOf(s, m.view.qname(), m.view.qnameLength(), m.view.qnameHash())) : null;
    if (zone != null) {
      (m.response ? zone.responses : zone.queries).add(m.timeNanos);
    }
  }

  @Override
  public void onTransaction(Transaction t, Side side) {
    if (side != Side.UPSTREAM) {
      return;
    }
    TransactionKind kind = t.kind();
    int s = servers.idOf(t.serverHi, t.serverLo);
    if (kind != TransactionKind.RESPONSE_ONLY) {
      if (perServer) {
        record(server(s), t, kind);
      }
      Recorders zone = perZone ? zone(zones.zoneOf(s, t.qname(), t.qnameLength(), t.qnameHash())) : null;
      if (zone != null) {
        record(zone, t, kind);
      }
    }
    if (listener != null) {
      listener.onUpstream(s, t);
    }
  }

  private static void record(Recorders r, Transaction t, TransactionKind kind) {
    boolean answered = kind == TransactionKind.ANSWERED;
    if (!answered) {
      r.timeouts.add(t.queryTimeNanos);
    }
    r.answered.record(t.queryTimeNanos, answered);
  }

  private Recorders server(int s) {
    if (s >= byServer.length) {
      byServer = Arrays.copyOf(byServer, Math.max(s + 1, byServer.length * 2));
    }
    if (byServer[s] == null) {
      byServer[s] = recorders(SERVER + servers.address(s) + ".");
    }
    return byServer[s];
  }

  /** The recorders of a zone; null for none (-1) or a zone whose name cannot be part of a metric name. */
  private Recorders zone(int z) {
    if (z < 0) {
      return null;
    }
    if (z >= byZone.length) {
      byZone = Arrays.copyOf(byZone, Math.max(z + 1, byZone.length * 2));
    }
    if (byZone[z] == null) {
      byZone[z] = ZoneNames.metricSafe(zones.name(z)) ? recorders(ZONE + zones.name(z) + ".") : NO_RECORDERS;
    }
    return byZone[z] == NO_RECORDERS ? null : byZone[z];
  }

  private Recorders recorders(String prefix) {
    return new Recorders(sink.counter(MetricId.of(prefix + "queries")), sink.counter(MetricId.of(prefix + "responses")),
        sink.unansweredCounter(MetricId.of(prefix + "timeouts")), sink.answerRatio(MetricId.of(prefix + "answer_ratio"), MetricSink.Detail.COARSE));
  }

  @Override
  public List<String> patterns() {
    List<String> p = new ArrayList<>();
    for (String part : PARTS) {
      p.add(SERVER + "<ADDR>." + part);
    }
    for (String part : PARTS) {
      p.add(ZONE + "<ZONE>." + part);
    }
    return p;
  }

  @Override
  public MetricId resolve(String name) {
    boolean server = name.startsWith(SERVER);
    if (!server && !name.startsWith(ZONE)) {
      return null;
    }
    String prefix = server ? SERVER : ZONE;
    int dot = name.lastIndexOf('.');
    String part = name.substring(dot + 1);
    String middle = dot > prefix.length() ? name.substring(prefix.length(), dot) : "";
    if (!PARTS.contains(part) || middle.isEmpty()) {
      throw new IllegalArgumentException("'" + name + "' is not " + prefix + "<" + (server ? "ADDR" : "ZONE") + ">.<"
          + String.join("|", PARTS) + ">");
    }
    String canonical;
    try {
      canonical = server ? IpAddress.parse(middle).toString() : ZoneNames.normalize(middle);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("metric '" + name + "': " + e.getMessage(), e);
    }
    return MetricId.of(prefix + canonical + "." + part);
  }

  @Override
  public Unit unit(MetricId id) {
    return id.name().endsWith(".answer_ratio") ? Unit.RATIO : Unit.COUNT;
  }

  @Override
  public List<MetricId> present() {
    List<MetricId> ids = new ArrayList<>();
    for (int s = 0; s < Math.min(byServer.length, servers.size()); s++) {
      if (byServer[s] != null) {
        addAll(ids, SERVER + servers.address(s) + ".");
      }
    }
    for (int z = 0; z < Math.min(byZone.length, zones.zoneCount()); z++) {
      if (byZone[z] != null && byZone[z] != NO_RECORDERS) {
        addAll(ids, ZONE + zones.name(z) + ".");
      }
    }
    return ids;
  }

  private static void addAll(List<MetricId> ids, String prefix) {
    for (String part : PARTS) {
      ids.add(MetricId.of(prefix + part));
    }
  }

  /** Responses whose sections the zone learner read. */
  long sectionReads() {
    return learner.reads();
  }
}
