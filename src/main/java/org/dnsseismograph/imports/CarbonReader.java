package org.dnsseismograph.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads Graphite's carbon plaintext protocol as a sender wrote it: {@code path value epoch-seconds}
 * per line; the lines of one timestamp form one snapshot. PowerDNS Recursor's paths ({@code
 * ns.host.recursor.metric}) are read with its metric meanings; other senders' values are kept as
 * gauges. Stateless.
 *
 * @see <a href="https://graphite.readthedocs.io/en/latest/feeding-carbon.html">Feeding in your data: the plaintext protocol</a>
 */
final class CarbonReader extends SnapshotReader {
  private static final Pattern LINE = Pattern.compile("\\S+ +\\S+ +\\d{9,11}(\\.\\d+)?");
  private static final Pattern SPACES = Pattern.compile(" +");

  @Override
  public ImportFormat format() {
    return ImportFormat.CARBON;
  }

  @Override
  public String rejection(ExportText text) {
    int seen = 0;
    for (String l : text.lines()) {
      if (l.isBlank()) {
        continue;
      }
      if (!LINE.matcher(l.strip()).matches()) {
        return "line \"" + PdnsGetAllReader.abbreviate(l) + "\" is not \"path value epoch-seconds\"";
      }
      if (++seen == 5) {
        break;
      }
    }
    return seen == 0 ? "no carbon lines" : null;
  }

  @Override
  StatsDialect dialect(List<Snapshot> snapshots) {
    for (Snapshot s : snapshots) {
      for (String k : s.values().keySet()) {
        return k.contains(".recursor.") ? StatsDialect.PDNS : StatsDialect.GENERIC;
      }
    }
    return StatsDialect.GENERIC;
  }

  @Override
  List<Snapshot> snapshots(ExportText text, ImportOptions options, ImportLog log) throws NotThisFormat {
    Map<Long, Map<String, Double>> byTime = new LinkedHashMap<>();
    Map<Long, Long> firstLine = new LinkedHashMap<>();
    long line = 0;
    for (String l : text.lines()) {
      line++;
      String s = l.strip();
      if (s.isEmpty()) {
        continue;
      }
      String[] f = SPACES.split(s);
      Long t = f.length == 3 && LINE.matcher(s).matches() ? JsonTrees.epochSeconds(f[2]) : null;
      if (t == null) {
        log.skip(line, "not a carbon line (path value epoch-seconds)");
        continue;
      }
      firstLine.putIfAbsent(t, line);
      byTime.computeIfAbsent(t, k -> new LinkedHashMap<>()).put(f[0], value(f[1], line, log));
    }
    if (byTime.isEmpty()) {
      throw new NotThisFormat("no carbon lines found");
    }
    List<Snapshot> out = new ArrayList<>();
    byTime.forEach((t, values) -> out.add(new Snapshot(t, "the carbon timestamps", values, firstLine.get(t), text.name(), false)));
    return out;
  }
}
