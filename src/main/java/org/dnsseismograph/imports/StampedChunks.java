package org.dnsseismograph.imports;

import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.series.TimeUnits;

/**
 * Splits a statistics dump into the snapshots of the lab's recorder format: a line {@code # time
 * ISO-8601} before each snapshot, the snapshot's output after it until the next header, and {@code
 * # error REASON} in place of the output when a read failed. A file without headers is one chunk
 * with no time. Stateless.
 *
 * @see <a href="../../../../../../lab/README.md">lab/README.md, "Statistics snapshots"</a>
 */
final class StampedChunks {
  private static final String TIME = "# time ";
  private static final String ERROR = "# error";

  /** One snapshot's lines. {@code time} is Long.MIN_VALUE when the file has no header. */
  record Chunk(long time, long firstLine, List<String> lines, boolean failed, String error) {}

  private StampedChunks() {}

  /** True when the file's first non-blank line is a time header. */
  static boolean isStamped(ExportText text) {
    return text.firstContentLine().startsWith(TIME.strip());
  }

  /** The chunks of {@code text}; a header whose time cannot be read is skipped with its snapshot. */
  static List<Chunk> split(ExportText text, ImportLog log) {
    List<Chunk> out = new ArrayList<>();
    List<String> lines = text.lines();
    long time = Long.MIN_VALUE;
    long first = 1;
    List<String> body = new ArrayList<>();
    boolean stamped = isStamped(text);
    boolean valid = !stamped;
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (stamped && l.startsWith(TIME)) {
        if (valid && (i > 0 || !body.isEmpty())) {
          out.add(chunk(time, first, body));
        }
        body = new ArrayList<>();
        first = i + 1;
        try {
          time = TimeUnits.parseInstant(l.substring(TIME.length()));
          valid = true;
        } catch (IllegalArgumentException e) {
          log.skip(i + 1, "snapshot header time is not ISO-8601 with offset (its snapshot skipped)");
          valid = false;
        }
        continue;
      }
      body.add(l);
    }
    if (valid && (stamped || !body.isEmpty())) {
      out.add(chunk(time, first, body));
    }
    return out;
  }

  private static Chunk chunk(long time, long first, List<String> body) {
    for (String l : body) {
      if (l.startsWith(ERROR)) {
        return new Chunk(time, first, body, true, l.substring(ERROR.length()).strip());
      }
    }
    return new Chunk(time, first, body, false, null);
  }
}
