package org.dnsseismograph.ui.live;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dnsseismograph.analysis.AlignmentMetrics;
import org.dnsseismograph.render.Lane;
import org.dnsseismograph.render.LaneDefaults;
import org.dnsseismograph.render.LaneKind;
import org.dnsseismograph.render.LanePlan;
import org.dnsseismograph.render.LanePlanner;
import org.dnsseismograph.render.LaneSeries;
import org.dnsseismograph.render.Palette;
import org.dnsseismograph.render.Rgba;
import org.dnsseismograph.series.SeriesSet;

/**
 * The lanes of the live sources and the files together: each live source's DNS lanes first, with
 * its drop counters (libpcap's, the interface's, our queue's) gathered into one "Drops" lane that is
 * always shown, so a loss is seen where it happened; then the files' lanes as the sources panel
 * plans them. The present is what the analyst watches: started beside captures of another day (the
 * bundled demo's fourteen lanes), a live source's lanes would otherwise open below the fold, under
 * lanes that say "no data" while the view follows the present. Stateless.
 */
final class LiveLanes {
  /** The lane id of a live source's drops, after its key: {@code lo/drops}. */
  static final String DROPS = "drops";
  private static final List<String> DROP_ORDER = List.of("kernel", "interface", "queue");

  private LiveLanes() {}

  /** The lanes of all of a capture's traffic, which its client and upstream lanes split once a resolver is known. */
  private static final List<String> ALL_TRAFFIC = List.of("dns.rate", "dns.rcode", "dns.failures", "dns.latency");

  /** A plan of the lanes, the keys of the lanes to show when they are new, and the live sources' keys. */
  record Planned(LanePlan plan, Set<String> shownAtFirst, List<String> liveKeys) {}

  /**
   * Plans {@code live} followed by {@code files} (shifted, in the panel's order; {@code fileIsExport}
   * says which are exports).
   */
  static Planned plan(List<SeriesSet> files, List<Boolean> fileIsExport, List<SeriesSet> live) {
    List<SeriesSet> all = new ArrayList<>(live);
    all.addAll(files);
    List<Boolean> exports = new ArrayList<>();
    live.forEach(l -> exports.add(false));
    exports.addAll(fileIsExport);
    LanePlan raw = new LanePlanner(Palette.STANDARD).plan(all);
    List<LaneDefaults.Keyed> keyed = LaneDefaults.keyed(all, exports, AlignmentMetrics::rateSeries);
    List<String> liveKeys = keyed.subList(0, live.size()).stream().map(LaneDefaults.Keyed::key).toList();
    List<Lane> lanes = raw.lanes();
    for (String key : liveKeys) {
      lanes = withDropsLane(lanes, key, all.size() > 1 ? key + " · " : "");
    }
    Set<String> shown = new LinkedHashSet<>(LaneDefaults.shownAtFirst(lanes, keyed));
    liveKeys.forEach(k -> shown.add(k + "/" + DROPS));
    return new Planned(LanePlan.of(lanes), shown, liveKeys);
  }

  /**
   * {@code arranged} with a live source's lanes of all its traffic hidden once its client lanes
   * appear (not in {@code before}): a capture shows them until it has recognised a resolver, then,
   * as a file does, its client and upstream sides instead (the hidden lanes stay in View ▸ Lanes).
   */
  static LanePlan sidesFound(LanePlan arranged, LanePlan before, List<String> liveKeys) {
    LanePlan out = arranged;
    for (String key : liveKeys) {
      String client = key + "/client.rate";
      if (has(arranged, client) && (before == null || !has(before, client))) {
        for (String id : ALL_TRAFFIC) {
          if (has(arranged, key + "/" + id)) {
            out = out.withVisible(key + "/" + id, false);
          }
        }
      }
    }
    return out;
  }

  private static boolean has(LanePlan p, String key) {
    return p.lanes().stream().anyMatch(l -> l.key().equals(key));
  }

  /** {@code lanes} with the drop-counter lanes of the source {@code key} replaced by one lane where the first was. */
  static List<Lane> withDropsLane(List<Lane> lanes, String key, String titlePrefix) {
    List<Lane> out = new ArrayList<>();
    List<LaneSeries> drops = new ArrayList<>();
    int at = -1;
    for (Lane l : lanes) {
      String kind = dropKind(l, key);
      if (kind == null) {
        out.add(l);
        continue;
      }
      at = at < 0 ? out.size() : at;
      drops.add(new LaneSeries(kind, l.series().get(0).series(), colour(kind)));
    }
    if (at >= 0) {
      drops.sort((a, b) -> Integer.compare(DROP_ORDER.indexOf(a.label()), DROP_ORDER.indexOf(b.label())));
      out.add(at, new Lane(key + "/" + DROPS, titlePrefix + "Drops (libpcap/kernel, interface, our queue)", LaneKind.LINES, drops,
          drops.get(0).series().unit(), 70, 40));
    }
    return out;
  }

  /** "kernel", "interface" or "queue" when {@code l} is one of the source's drop counters, else null. */
  private static String dropKind(Lane l, String key) {
    String k = l.key();
    if (!k.startsWith(key + "/") || l.series().size() != 1) {
      return null;
    }
    String metric = k.substring(key.length() + 1);
    for (String prefix : List.of("capture.dropped.", "dnstap.dropped.")) {
      if (metric.startsWith(prefix) && DROP_ORDER.contains(metric.substring(prefix.length()))) {
        return metric.substring(prefix.length());
      }
    }
    return null;
  }

  private static Rgba colour(String kind) {
    return switch (kind) {
      case "kernel" -> Palette.STANDARD.rcode("SERVFAIL");
      case "interface" -> Palette.STANDARD.rcode("NXDOMAIN");
      default -> Palette.STANDARD.rcode("REFUSED");
    };
  }
}
