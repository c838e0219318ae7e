package org.dnsseismograph.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code unbound-control stats} / {@code stats_noreset} output: {@code key=value} lines, one
 * snapshot per file or per {@code # time} header (the lab's recorder). A snapshot without a header
 * is stamped by Unbound's own {@code time.now}. Stateless.
 *
 * @see <a href="https://unbound.docs.nlnetlabs.nl/en/latest/manpages/unbound-control.html">unbound-control,
 *     "Statistic Counters"</a>
 */
final class UnboundStatsReader extends SnapshotReader {
  private static final Pattern KEY = Pattern.compile(
      "(thread\\d+|total|time|num|mem|histogram|unwanted|msg|rrset|infra|key|dnscrypt_\\w+)\\.[\\w.\\-]*=\\S*");
  private static final long HALF_SECOND = 500_000_000L;

  @Override
  public ImportFormat format() {
    return ImportFormat.UNBOUND_STATS;
  }

  @Override
  public String rejection(ExportText text) {
    for (String l : text.lines().subList(0, Math.min(20, text.lines().size()))) {
      if (KEY.matcher(l.strip()).matches()) {
        return null;
      }
    }
    return "no Unbound statistic (key=value such as total.num.queries=12) in the first lines";
  }

  @Override
  StatsDialect dialect(List<Snapshot> snapshots) {
    return StatsDialect.UNBOUND;
  }

  @Override
  List<Snapshot> snapshots(ExportText text, ImportOptions options, ImportLog log) throws NotThisFormat {
    List<Snapshot> out = new ArrayList<>();
    List<Long> clockDiffs = new ArrayList<>();
    for (StampedChunks.Chunk c : StampedChunks.split(text, log)) {
      Map<String, Double> values = new LinkedHashMap<>();
      long line = c.firstLine() + (c.time() == Long.MIN_VALUE ? 0 : 1);
      for (String l : c.lines()) {
        String s = l.strip();
        int eq = s.indexOf('=');
        if (!s.isEmpty() && !s.startsWith("#")) {
          if (eq <= 0 || !KEY.matcher(s).matches()) {
            log.skip(line, "not an Unbound key=value statistic");
          } else {
            values.put(s.substring(0, eq), value(s.substring(eq + 1), line, log));
          }
        }
        line++;
      }
      if (values.isEmpty() && !c.failed()) {
        log.skip(c.firstLine(), "snapshot holds no statistics");
        continue;
      }
      out.add(stamp(c, values, text.name(), clockDiffs));
    }
    if (out.isEmpty()) {
      throw new NotThisFormat("no Unbound statistics found");
    }
    noteClock(clockDiffs, log);
    return out;
  }

  private static Snapshot stamp(StampedChunks.Chunk c, Map<String, Double> values, String file, List<Long> clockDiffs) {
    Double now = values.get("time.now");
    long own = now != null && Double.isFinite(now) ? Math.round(now * 1e9) : Long.MIN_VALUE;
    if (c.time() != Long.MIN_VALUE) {
      if (own != Long.MIN_VALUE) {
        clockDiffs.add(own - c.time());
      }
      return new Snapshot(c.time(), "# time header", values, c.firstLine(), file, c.failed());
    }
    return new Snapshot(own, own == Long.MIN_VALUE ? "" : "time.now", values, c.firstLine(), file, c.failed());
  }

  /** Unbound's clock and the recorder's stamps should agree; a difference is a clock offset worth telling. */
  private static void noteClock(List<Long> diffs, ImportLog log) {
    if (diffs.isEmpty()) {
      return;
    }
    long[] d = diffs.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(d);
    long median = d[d.length / 2];
    if (Math.abs(median) > HALF_SECOND) {
      log.warn(String.format(java.util.Locale.ROOT,
          "Unbound's time.now differs from the snapshot headers by %+.3f s (median): one of the two clocks is off", median / 1e9));
    }
  }
}
