package org.dnsseismograph.render;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.Unit;
import org.dnsseismograph.workspace.ValueAxis;

/**
 * Decides the lanes of a timeline from the metrics its sources provide. For a capture (metrics
 * under {@code client.} with roles, or {@code dns.} without): the query and response rate; answers
 * by rcode, stacked; unanswered queries and retries; latency percentiles. For the resolver's side
 * ({@code upstream.}): its query rate, and a heat strip with one row per authoritative server (and
 * one per zone) coloured by answer ratio, never less than {@link #HEAT_ROW_MIN} per row. Every other series (an operator's export) gets a lane of
 * its own; the annotations lane comes last. Lanes are keyed {@code source/lane} so a workspace can
 * keep their order. Stateless and thread-safe.
 */
public final class LanePlanner {
  private static final List<String> RCODE_ORDER = List.of("NOERROR", "NXDOMAIN", "SERVFAIL", "REFUSED", "FORMERR", "NOTIMP");
  private static final List<String> LATENCY_ORDER = List.of("p50", "p90", "p99", "max");
  private static final String SERVER = "upstream.server.";
  private static final String ZONE = "upstream.zone.";

  /**
   * The least height of a heat lane's row, in logical pixels: its name is written beside it in
   * {@link TextStyle#SMALL} (10 px), whose letters with ascenders and descenders span about 1.2 em
   * (12 px), and a pixel above and below keeps neighbouring names apart. A heat lane's minimum is
   * its header and this much per row, so every row is tall enough to read and to carry its name.
   */
  public static final double HEAT_ROW_MIN = Math.ceil(TextStyle.SMALL.size() * 1.2) + 2;
  /** A heat lane's row at the default window size, in logical pixels: a little room over the minimum. */
  public static final double HEAT_ROW = HEAT_ROW_MIN + 2;

  private final Palette palette;

  public LanePlanner(Palette palette) {
    this.palette = palette;
  }

  /** The plan for these sources, in the order given, every lane shown. */
  public LanePlan plan(List<SeriesSet> sources) {
    List<Lane> lanes = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (SeriesSet s : sources) {
      String name = s.sourceName();
      for (int k = 2; !names.add(name); k++) {
        name = s.sourceName() + "#" + k;
      }
      lanes.addAll(lanesOf(s, name, sources.size() > 1 ? name + " · " : ""));
    }
    lanes.add(Lane.annotations());
    return LanePlan.of(lanes);
  }

  private List<Lane> lanesOf(SeriesSet s, String key, String titlePrefix) {
    Source src = new Source(s, key, titlePrefix);
    for (String p : List.of("client", "dns")) {
      String who = p.equals("client") ? "Client" : "DNS";
      src.lines(p + ".rate", who + " queries & responses", List.of(p + ".queries", p + ".responses"), List.of());
      src.rcodes(p);
      src.lines(p + ".failures", who + " unanswered & retries", List.of(p + ".unanswered", p + ".retries"),
          List.of(palette.rcode("SERVFAIL"), palette.rcode("REFUSED")));
      src.latency(p);
    }
    src.lines("upstream.rate", "Upstream queries", List.of("upstream.queries", "upstream.responses", "upstream.timeouts"), List.of());
    src.latency("upstream");
    src.heat("upstream.servers", "Authoritative servers: answer ratio", SERVER);
    src.heat("upstream.zones", "Zones: answer ratio", ZONE);
    src.rest();
    return src.lanes;
  }

  /** The root zone's row says so: a lone dot beside the row is easily missed. */
  private static String rowLabel(String metricPrefix, String target) {
    return metricPrefix.equals(ZONE) && target.equals(".") ? ". (root)" : target;
  }

  /** The lanes of one source while they are being found; remembers which metrics are drawn. */
  private final class Source {
    final SeriesSet set;
    final String key;
    final String prefix;
    final Set<MetricId> used = new HashSet<>();
    final List<Lane> lanes = new ArrayList<>();

    Source(SeriesSet set, String key, String prefix) {
      this.set = set;
      this.key = key;
      this.prefix = prefix;
    }

    void lines(String id, String title, List<String> metrics, List<Rgba> colours) {
      List<LaneSeries> series = new ArrayList<>();
      for (int i = 0; i < metrics.size(); i++) {
        ResolvableSeries r = take(metrics.get(i));
        if (r != null) {
          String label = metrics.get(i).substring(metrics.get(i).lastIndexOf('.') + 1);
          series.add(new LaneSeries(label, r, i < colours.size() ? colours.get(i) : palette.series(i)));
        }
      }
      add(id, title, LaneKind.LINES, series, 110, ValueAxis.LINEAR);
    }

    void rcodes(String p) {
      Map<String, ResolvableSeries> found = byLastPart(p + ".rcode.");
      List<LaneSeries> series = new ArrayList<>();
      for (String rc : RCODE_ORDER) {
        ResolvableSeries r = found.remove(rc);
        if (r != null) {
          series.add(new LaneSeries(rc, r, palette.rcode(rc)));
        }
      }
      found.forEach((rc, r) -> series.add(new LaneSeries(rc, r, palette.rcode(rc))));
      add(p + ".rcode", (p.equals("client") ? "Client answers" : "DNS answers") + " by rcode", LaneKind.STACKED, series, 110, ValueAxis.LINEAR);
    }

    void latency(String p) {
      Map<String, ResolvableSeries> found = byLastPart(p + ".latency.");
      List<Rgba> colours = List.of(palette.series(0), palette.series(4), palette.series(3), palette.series(7));
      List<LaneSeries> series = new ArrayList<>();
      for (int i = 0; i < LATENCY_ORDER.size(); i++) {
        ResolvableSeries r = found.remove(LATENCY_ORDER.get(i));
        if (r != null) {
          series.add(new LaneSeries(LATENCY_ORDER.get(i), r, colours.get(i)));
        }
      }
      int i = 5;
      for (Map.Entry<String, ResolvableSeries> e : found.entrySet()) {
        series.add(new LaneSeries(e.getKey(), e.getValue(), palette.series(i++)));
      }
      // Normal answers take a fraction of a millisecond and an outage's seconds: only a log axis shows both.
      String who = switch (p) {
        case "client" -> "Client";
        case "upstream" -> "Upstream";
        default -> "DNS";
      };
      add(p + ".latency", who + " latency", LaneKind.LINES, series, 100, ValueAxis.LOG);
    }

    void heat(String id, String title, String metricPrefix) {
      Map<String, Map<String, ResolvableSeries>> targets = new TreeMap<>(LanePlanner::compareAddresses);
      for (MetricId m : set.ids()) {
        String n = m.name();
        int dot = n.lastIndexOf('.');
        if (n.startsWith(metricPrefix) && dot > metricPrefix.length()) {
          targets.computeIfAbsent(n.substring(metricPrefix.length(), dot), t -> new TreeMap<>()).put(n.substring(dot + 1), set.get(m));
          used.add(m);
        }
      }
      List<LaneSeries> rows = new ArrayList<>();
      targets.forEach((target, fields) -> {
        ResolvableSeries ratio = fields.get("answer_ratio");
        if (ratio == null && fields.containsKey("queries") && fields.containsKey("responses")) {
          ratio = new RatioSeries(MetricId.of(metricPrefix + target + ".answer_ratio"), fields.get("responses"), fields.get("queries"));
        }
        if (ratio != null) {
          rows.add(new LaneSeries(rowLabel(metricPrefix, target), ratio, palette.series(rows.size())));
        }
      });
      if (!rows.isEmpty()) {
        double min = TimelineLayout.HEADER + rows.size() * HEAT_ROW_MIN;
        double height = TimelineLayout.HEADER + rows.size() * HEAT_ROW;
        lanes.add(new Lane(key + "/" + id, prefix + title, LaneKind.HEAT, rows, Unit.RATIO, height, min));
      }
    }

    void rest() {
      int colour = 0;
      for (MetricId m : set.ids()) {
        if (!used.contains(m)) {
          ResolvableSeries r = set.get(m);
          LaneSeries one = new LaneSeries(m.name(), r, palette.series(colour++));
          lanes.add(new Lane(key + "/" + m.name(), prefix + m.name(), LaneKind.LINES, List.of(one), r.unit(), 90, 40));
        }
      }
    }

    private ResolvableSeries take(String metric) {
      MetricId id = MetricId.of(metric);
      ResolvableSeries r = set.get(id);
      if (r != null) {
        used.add(id);
      }
      return r;
    }

    private Map<String, ResolvableSeries> byLastPart(String metricPrefix) {
      Map<String, ResolvableSeries> found = new TreeMap<>();
      for (MetricId m : set.ids()) {
        String rest = m.name().startsWith(metricPrefix) ? m.name().substring(metricPrefix.length()) : "";
        if (!rest.isEmpty() && rest.indexOf('.') < 0) {
          found.put(rest, set.get(m));
          used.add(m);
        }
      }
      return found;
    }

    private void add(String id, String title, LaneKind kind, List<LaneSeries> series, double height, ValueAxis axis) {
      if (!series.isEmpty()) {
        Unit unit = series.get(0).series().unit();
        lanes.add(new Lane(key + "/" + id, prefix + title, kind, series, unit, height, 40, axis));
      }
    }
  }

  /** Orders server addresses naturally: IPv4 by number, then everything else by text. */
  static int compareAddresses(String a, String b) {
    long x = ipv4(a);
    long y = ipv4(b);
    if (x >= 0 && y >= 0) {
      return Long.compare(x, y);
    }
    if (x >= 0 || y >= 0) {
      return x >= 0 ? -1 : 1;
    }
    return a.compareTo(b);
  }

  private static long ipv4(String s) {
    String[] p = s.split("\\.", -1);
    if (p.length != 4) {
      return -1;
    }
    long v = 0;
    for (String part : p) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit) || Integer.parseInt(part) > 255) {
        return -1;
      }
      v = v << 8 | Integer.parseInt(part);
    }
    return v;
  }
}
