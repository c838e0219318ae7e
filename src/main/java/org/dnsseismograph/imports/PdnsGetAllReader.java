package org.dnsseismograph.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads PowerDNS Recursor's {@code rec_control get-all}: {@code name<TAB>value} lines, one snapshot
 * per file or per {@code # time} header. Stateless.
 *
 * @see <a href="https://doc.powerdns.com/recursor/manpages/rec_control.1.html">rec_control get-all</a>
 */
final class PdnsGetAllReader extends SnapshotReader {
  private static final Pattern LINE = Pattern.compile("[a-z][a-z0-9\\-]*\\t\\S+");

  @Override
  public ImportFormat format() {
    return ImportFormat.PDNS_GET_ALL;
  }

  @Override
  public String rejection(ExportText text) {
    int seen = 0;
    for (String l : text.lines()) {
      if (l.isBlank() || l.startsWith("#")) {
        continue;
      }
      if (!LINE.matcher(l.strip()).matches()) {
        return "line \"" + abbreviate(l) + "\" is not name<TAB>value";
      }
      if (++seen == 5) {
        break;
      }
    }
    return seen == 0 ? "no name<TAB>value lines" : null;
  }

  @Override
  StatsDialect dialect(List<Snapshot> snapshots) {
    return StatsDialect.PDNS;
  }

  @Override
  List<Snapshot> snapshots(ExportText text, ImportOptions options, ImportLog log) throws NotThisFormat {
    List<Snapshot> out = new ArrayList<>();
    for (StampedChunks.Chunk c : StampedChunks.split(text, log)) {
      Map<String, Double> values = new LinkedHashMap<>();
      long line = c.firstLine() + (c.time() == Long.MIN_VALUE ? 0 : 1);
      for (String l : c.lines()) {
        if (!l.isBlank() && !l.startsWith("#")) {
          int tab = l.indexOf('\t');
          if (tab <= 0 || !LINE.matcher(l.strip()).matches()) {
            log.skip(line, "not a name<TAB>value statistic");
          } else {
            values.put(l.substring(0, tab), value(l.substring(tab + 1), line, log));
          }
        }
        line++;
      }
      if (values.isEmpty() && !c.failed()) {
        log.skip(c.firstLine(), "snapshot holds no statistics");
        continue;
      }
      out.add(new Snapshot(c.time(), c.time() == Long.MIN_VALUE ? "" : "# time header", values, c.firstLine(), text.name(),
          c.failed()));
    }
    if (out.isEmpty()) {
      throw new NotThisFormat("no rec_control statistics found");
    }
    return out;
  }

  static String abbreviate(String l) {
    String s = l.strip();
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
