package org.dnsseismograph.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dnsseismograph.series.LabelConvention;

/**
 * Turns a sequence of statistics snapshots into one raw series per statistic. Decides whether the
 * counters were cumulative or reset on each read (unless the user said): a busy counter that falls
 * while the uptime keeps growing was reset by the read; one that falls with the uptime was a
 * restart. A lone snapshot of a cumulative counter gives its average rate since the resolver
 * started, when the uptime is known. Stateless.
 */
final class SnapshotSeriesBuilder {

  private SnapshotSeriesBuilder() {}

  /** The raw series of {@code snapshots} (each with a time), ordered by time. */
  static List<RawSeries> build(List<Snapshot> snapshots, StatsDialect dialect, ImportOptions options, ImportLog log) {
    List<Snapshot> snaps = new ArrayList<>(snapshots);
    snaps.sort(Comparator.comparingLong(Snapshot::timeNanos));
    double[] uptime = column(snaps, dialect.uptimeKey());
    double[] elapsed = column(snaps, dialect.elapsedKey());
    CounterMode mode = mode(snaps, dialect, uptime, options, log);
    Map<String, RawSeries> out = new LinkedHashMap<>();
    for (Snapshot s : snaps) {
      for (String key : s.values().keySet()) {
        if (!dialect.isStamp(key)) {
          out.computeIfAbsent(key, k -> newSeries(k, dialect));
        }
      }
    }
    for (RawSeries r : out.values()) {
      fill(r, snaps, dialect, mode, uptime, elapsed);
      if (r.kind == SeriesKind.COUNTER && options.counterMode() == CounterMode.AUTO && mode == CounterMode.CUMULATIVE
          && fallsWithoutRestart(r, uptime)) {
        r.kind = SeriesKind.GAUGE;
        r.unit = org.dnsseismograph.series.Unit.NUMBER;
        r.kindBasis = "its values fell while the resolver kept running: a level, not a count";
      }
    }
    return new ArrayList<>(out.values());
  }

  private static RawSeries newSeries(String key, StatsDialect dialect) {
    RawSeries r = new RawSeries(key);
    StatsDialect.Meaning m = dialect.meaning(key);
    r.kind = m.kind();
    r.kindBasis = m.basis();
    r.unit = m.unit();
    r.consolidation = m.consolidation();
    r.label = LabelConvention.END;
    return r;
  }

  private static void fill(RawSeries r, List<Snapshot> snaps, StatsDialect dialect, CounterMode mode, double[] uptime,
      double[] elapsed) {
    boolean counter = r.kind == SeriesKind.COUNTER;
    boolean lone = snaps.size() == 1;
    r.counterMode = counter && (mode == CounterMode.RESET_ON_READ || lone) ? CounterMode.RESET_ON_READ : CounterMode.CUMULATIVE;
    for (int i = 0; i < snaps.size(); i++) {
      Snapshot s = snaps.get(i);
      Double v = s.values().get(r.name);
      double value = v != null ? v : !s.failed() && counter && dialect.absentMeansZero() ? 0.0 : Double.NaN;
      r.add(s.timeNanos(), value, s.line());
      // Later readings count from the previous stamp, so intervals tile and the rates add up to the counts;
      // only the first has no previous stamp and needs the resolver's own elapsed time (or uptime).
      double since = i > 0 ? Double.NaN : mode == CounterMode.RESET_ON_READ ? elapsed[i] : lone ? uptime[i] : Double.NaN;
      if (counter && Double.isFinite(since) && since > 0) {
        long start = s.timeNanos() - Math.round(since * 1e9);
        r.setLastStart(start);
        if (lone) {
          r.declaredStep = s.timeNanos() - start;
          r.stepBasis = mode == CounterMode.RESET_ON_READ ? "one snapshot: the time since the previous read ("
              + dialect.elapsedKey() + ")" : "one snapshot: the average since the resolver started (" + dialect.uptimeKey() + ")";
        }
      }
    }
    if (counter && r.counterMode == CounterMode.RESET_ON_READ) {
      r.kindBasis += mode == CounterMode.RESET_ON_READ ? ", reset on each read" : ", one cumulative reading";
    }
  }

  /** The values of {@code key} in each snapshot (NaN where absent); all NaN when the key is null. */
  private static double[] column(List<Snapshot> snaps, String key) {
    double[] c = new double[snaps.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = Double.NaN;
      if (key != null) {
        for (Map.Entry<String, Double> e : snaps.get(i).values().entrySet()) {
          if (StatsDialect.is(e.getKey(), key)) {
            c[i] = e.getValue();
            break;
          }
        }
      }
    }
    return c;
  }

  private static CounterMode mode(List<Snapshot> snaps, StatsDialect dialect, double[] uptime, ImportOptions options,
      ImportLog log) {
    if (options.counterMode() != CounterMode.AUTO) {
      log.warn("counters read as " + options.counterMode().name().toLowerCase(java.util.Locale.ROOT) + " (given by the user)");
      return options.counterMode();
    }
    if (dialect != StatsDialect.UNBOUND) {
      return CounterMode.CUMULATIVE;
    }
    double[] busy = column(snaps, dialect.activityKey());
    int resets = 0;
    int restarts = 0;
    for (int i = 1; i < busy.length; i++) {
      if (busy[i] < busy[i - 1]) {
        if (uptime[i] < uptime[i - 1]) {
          restarts++;
        } else {
          resets++;
        }
      }
    }
    if (resets > 0) {
      log.warn("counters reset on each read: " + dialect.activityKey() + " fell " + resets
          + " time(s) while the uptime grew (unbound-control stats, not stats_noreset)");
      return CounterMode.RESET_ON_READ;
    }
    if (restarts > 0) {
      log.warn("the resolver restarted " + restarts + " time(s) (its uptime fell): counters start again from zero there");
    }
    return CounterMode.CUMULATIVE;
  }

  private static boolean fallsWithoutRestart(RawSeries r, double[] uptime) {
    for (int i = 1; i < r.size(); i++) {
      if (r.value(i) < r.value(i - 1) && !(uptime[i] < uptime[i - 1])) {
        return true;
      }
    }
    return false;
  }

  /** Fills unknown snapshot times from the file name or the user's time; the problem when one stays unknown, else null. */
  static String stampMissing(List<Snapshot> snaps, ImportOptions options, ImportLog log) {
    for (int i = 0; i < snaps.size(); i++) {
      Snapshot s = snaps.get(i);
      if (s.hasTime()) {
        continue;
      }
      FileNameTime.Found f = FileNameTime.parse(s.file(), options.zone());
      if (f != null) {
        snaps.set(i, s.withTime(f.epochNanos(), "file name"));
        if (f.local()) {
          log.warn(s.file() + ": the time in the file name has no offset; read in "
              + (options.zone() == null ? "UTC (no time zone given)" : options.zone().toString()));
        }
      } else if (options.snapshotTimeNanos() != null && snaps.stream().filter(x -> !x.hasTime()).count() == 1) {
        snaps.set(i, s.withTime(options.snapshotTimeNanos(), "given by the user"));
      } else {
        return s.file() + ": a statistics snapshot without a time (no \"# time\" header, no time in the output or the"
            + " file name): give its time (for example --time 2026-11-25T19:08:24Z) or put it in the file name";
      }
    }
    return null;
  }
}
