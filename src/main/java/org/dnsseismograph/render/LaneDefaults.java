package org.dnsseismograph.render;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SeriesSet;

/**
 * Which lanes a newly opened source shows before the analyst arranges them, so that a capture with
 * dozens of metrics and a statistics dump with a hundred series still fit one screen: a capture
 * shows its client side (query rate, answers by rcode, unanswered and retries, latency) and its
 * upstream side (query rate, servers and zones as heat strips), or, without a resolver found, the
 * same lanes of all its DNS traffic; an export shows its query rate and at most {@value
 * #EXPORT_LANES_SHOWN} − 1 of the statistics an operator looks at first in an incident (SERVFAIL
 * answers, dropped or waiting requests, upstream timeouts). Every other lane exists, hidden, in
 * View ▸ Lanes. The window and the command line's pictures of a workspace without saved lanes
 * choose the same. Stateless.
 */
public final class LaneDefaults {
  /** Most lanes an export shows at first. */
  public static final int EXPORT_LANES_SHOWN = 3;
  private static final List<String> CLIENT_LANES = List.of("client.rate", "client.rcode", "client.failures", "client.latency", "upstream.rate",
      "upstream.servers", "upstream.zones");
  private static final List<String> DNS_LANES = List.of("dns.rate", "dns.rcode", "dns.failures", "dns.latency", "upstream.rate",
      "upstream.servers", "upstream.zones");
  /** Statistics worth seeing first, by the last part of their name, in order of interest. */
  private static final List<String> INCIDENT_STATISTICS = List.of("num.answer.rcode.SERVFAIL", "servfail-answers",
      "requestlist.exceeded", "outgoing-timeouts", "requestlist.current.all", "concurrent-queries", "num.recursivereplies", "answers-slow");

  private LaneDefaults() {}

  /**
   * A source as the lane planner keyed it, whether it is an export, and for an export the name of
   * its query-rate series (null when it has none).
   */
  public record Keyed(String key, SeriesSet set, boolean export, String rateSeries) {}

  /**
   * The planner's keys of {@code sets} (their names, with {@code #2}, {@code #3} for repeats, as
   * {@link LanePlanner} makes them).
   *
   * @param rateSeries an export's query-rate series name, or null (the caller's choice of rate, so
   *     that drawing needs no analysis)
   */
  public static List<Keyed> keyed(List<SeriesSet> sets, List<Boolean> isExport, Function<SeriesSet, String> rateSeries) {
    Set<String> names = new HashSet<>();
    List<Keyed> out = new ArrayList<>();
    for (int i = 0; i < sets.size(); i++) {
      String name = sets.get(i).sourceName();
      for (int k = 2; !names.add(name); k++) {
        name = sets.get(i).sourceName() + "#" + k;
      }
      out.add(new Keyed(name, sets.get(i), isExport.get(i), isExport.get(i) ? rateSeries.apply(sets.get(i)) : null));
    }
    return out;
  }

  /** The keys of the lanes shown at first among {@code lanes}. */
  public static Set<String> shownAtFirst(List<Lane> lanes, List<Keyed> sources) {
    Set<String> shown = new LinkedHashSet<>();
    for (Keyed s : sources) {
      String prefix = s.key() + "/";
      List<String> ids = lanes.stream().map(Lane::key).filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length())).toList();
      for (String id : s.export() ? exportLanes(s.set(), s.rateSeries(), ids) : captureLanes(ids)) {
        shown.add(prefix + id);
      }
    }
    for (Lane l : lanes) {
      if (sources.stream().noneMatch(s -> l.key().startsWith(s.key() + "/"))) {
        shown.add(l.key());
      }
    }
    return shown;
  }

  static List<String> captureLanes(List<String> ids) {
    List<String> wanted = ids.stream().anyMatch(id -> id.startsWith("client.")) ? CLIENT_LANES : DNS_LANES;
    List<String> out = ids.stream().filter(wanted::contains).toList();
    return out.isEmpty() ? ids : out;
  }

  static List<String> exportLanes(SeriesSet set, String rateSeries, List<String> ids) {
    if (ids.size() <= EXPORT_LANES_SHOWN) {
      return ids;
    }
    Set<String> out = new LinkedHashSet<>();
    if (rateSeries != null) {
      out.add(rateSeries);
    }
    // Totals before per-thread figures (Unbound's total.* and thread0.*).
    List<MetricId> byPreference = set.ids().stream().sorted(java.util.Comparator.comparing((MetricId m) -> m.name().startsWith("thread"))).toList();
    for (String wanted : INCIDENT_STATISTICS) {
      for (MetricId m : byPreference) {
        if (out.size() < EXPORT_LANES_SHOWN && ids.contains(m.name()) && endsWith(m.name(), wanted) && !hasSameStatistic(out, wanted)) {
          out.add(m.name());
        }
      }
    }
    out.retainAll(ids);
    return out.isEmpty() ? ids.subList(0, EXPORT_LANES_SHOWN) : List.copyOf(out);
  }

  private static boolean hasSameStatistic(Set<String> chosen, String statistic) {
    return chosen.stream().anyMatch(c -> endsWith(c, statistic));
  }

  private static boolean endsWith(String name, String part) {
    String n = name.toLowerCase(Locale.ROOT);
    String p = part.toLowerCase(Locale.ROOT);
    return n.equals(p) || n.endsWith("." + p);
  }
}
