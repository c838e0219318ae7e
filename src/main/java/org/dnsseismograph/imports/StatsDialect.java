package org.dnsseismograph.imports;

import java.util.Set;
import org.dnsseismograph.series.Consolidation;
import org.dnsseismograph.series.Unit;

/**
 * What a resolver's statistics names mean: which are gauges (levels) and which counters, which one
 * tells the uptime (so a fall can be told to be a restart), and how absent keys read. Immutable.
 *
 * @see <a href="https://unbound.docs.nlnetlabs.nl/en/latest/manpages/unbound-control.html">unbound-control,
 *     "Statistic Counters"</a>
 * @see <a href="https://doc.powerdns.com/recursor/metrics.html">PowerDNS Recursor metrics</a>
 */
enum StatsDialect {
  /** {@code unbound-control stats}: {@code threadN.*}, {@code total.*}, {@code num.*}, {@code mem.*}... */
  UNBOUND("time.up", "time.elapsed", "total.num.queries"),
  /** PowerDNS Recursor (API, rec_control, carbon): names such as {@code questions}, {@code cache-entries}. */
  PDNS("uptime", null, "questions"),
  /** Carbon lines of an unknown sender: values kept as gauges. */
  GENERIC(null, null, null);

  /** What a statistics name is. */
  record Meaning(SeriesKind kind, String basis, Unit unit, Consolidation consolidation) {}

  private static final Set<String> UNBOUND_GAUGE_SUFFIXES = Set.of("requestlist.avg", "requestlist.max",
      "requestlist.current.all", "requestlist.current.user", "recursion.time.avg", "recursion.time.median", "tcpusage",
      "cache.count");
  private static final Set<String> PDNS_GAUGES = Set.of("concurrent-queries", "fd-usage", "qa-latency", "x-our-latency",
      "uptime", "security-status", "tcp-clients", "max-mthread-stack", "taskqueue-size", "udp-recvbuf-errors-ratio",
      "cpu-iowait", "cpu-steal", "memory-allocated", "memory-allocs", "memory-alloc-flags", "almost-expired-queue",
      "non-resolving-nameserver-entries", "saved-parent-ns-sets-entries");

  private final String uptimeKey;
  private final String elapsedKey;
  private final String activityKey;

  StatsDialect(String uptimeKey, String elapsedKey, String activityKey) {
    this.uptimeKey = uptimeKey;
    this.elapsedKey = elapsedKey;
    this.activityKey = activityKey;
  }

  /** The key (or, for carbon paths, the last path element) holding the uptime in seconds; null if none. */
  String uptimeKey() {
    return uptimeKey;
  }

  /** The key holding the seconds since the counters were last reset; null if none. */
  String elapsedKey() {
    return elapsedKey;
  }

  /** The busiest counter, whose falls tell reset-on-read from restarts. */
  String activityKey() {
    return activityKey;
  }

  /** True for keys that are not series (the snapshot's own time). */
  boolean isStamp(String key) {
    return this == UNBOUND && key.equals("time.now");
  }

  /** True when a key missing from one snapshot but present in others was zero (Unbound prints no zero extended counters). */
  boolean absentMeansZero() {
    return this == UNBOUND;
  }

  /** The meaning of {@code key} by its name. */
  Meaning meaning(String key) {
    return switch (this) {
      case UNBOUND -> unbound(key);
      case PDNS -> pdns(key);
      case GENERIC -> new Meaning(SeriesKind.GAUGE, "carbon values of an unknown sender, kept as they are", Unit.NUMBER,
          Consolidation.AVERAGE);
    };
  }

  private static Meaning unbound(String key) {
    if (key.startsWith("mem.")) {
      return new Meaning(SeriesKind.GAUGE, "Unbound mem.*: bytes in use", Unit.BYTES, Consolidation.AVERAGE);
    }
    if (key.startsWith("time.")) {
      return new Meaning(SeriesKind.GAUGE, "Unbound time.*: seconds", Unit.NUMBER, Consolidation.AVERAGE);
    }
    for (String s : UNBOUND_GAUGE_SUFFIXES) {
      if (key.endsWith(s)) {
        return new Meaning(SeriesKind.GAUGE, "Unbound statistic " + s + " is a level, not a count", Unit.NUMBER,
            s.endsWith("max") ? Consolidation.MAX : Consolidation.AVERAGE);
      }
    }
    return new Meaning(SeriesKind.COUNTER, "Unbound counter", Unit.PER_SECOND, Consolidation.AVERAGE);
  }

  private static Meaning pdns(String path) {
    String key = path.substring(path.lastIndexOf('.') + 1);
    if (PDNS_GAUGES.contains(key) || key.endsWith("-entries") || key.endsWith("-bytes") || key.endsWith("-usage")
        || key.endsWith("-latency") || key.startsWith("max-")) {
      Unit unit = key.endsWith("-bytes") || key.endsWith("memory-usage") ? Unit.BYTES : Unit.NUMBER;
      return new Meaning(SeriesKind.GAUGE, "PowerDNS Recursor metric " + key + " is a level, not a count", unit,
          Consolidation.AVERAGE);
    }
    return new Meaning(SeriesKind.COUNTER, "PowerDNS Recursor counter", Unit.PER_SECOND, Consolidation.AVERAGE);
  }

  /** The key's last element matches {@code wanted} (carbon paths carry a prefix). */
  static boolean is(String key, String wanted) {
    return wanted != null && (key.equals(wanted) || key.endsWith("." + wanted));
  }
}
