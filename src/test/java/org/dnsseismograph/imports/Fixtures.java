package org.dnsseismograph.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.dnsseismograph.series.ColumnBuffer;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;

/** Where the tests' real files are, and small readers used to check imports against them. */
final class Fixtures {
  static final Path EXPORTS = Path.of("src/test/resources/exports");
  static final Path OWN = Path.of("src/test/resources/org/dnsseismograph/imports");
  static final Path DEMO = Path.of("assets/demo");
  static final Path LAB_RESET = OWN.resolve("lab-reset");
  static final long S = TimeUnits.NANOS_PER_SECOND;
  private static final Map<String, long[]> TSHARK_CACHE = new ConcurrentHashMap<>();

  private Fixtures() {}

  static Path export(String name) {
    return EXPORTS.resolve(name);
  }

  static long t(String iso) {
    return TimeUnits.toNanos(Instant.parse(iso));
  }

  /** The value a series shows at instant {@code t} (a one-nanosecond column): NaN for a gap. */
  static double at(ResolvableSeries s, long t) {
    ColumnBuffer out = new ColumnBuffer(1);
    s.reduce(new TimeRange(t, t + 1), 1, out);
    return out.value(0);
  }

  /**
   * Times (epoch ns) of the capture's frames matching a display filter, as tshark prints them:
   * the trusted peer of every packet count here.
   */
  static long[] tsharkTimes(Path capture, String filter) throws IOException, InterruptedException {
    String key = capture + "|" + filter;
    long[] cached = TSHARK_CACHE.get(key);
    if (cached != null) {
      return cached;
    }
    Process p = new ProcessBuilder("/usr/bin/tshark", "-r", capture.toString(), "-Y", filter, "-T", "fields", "-e", "frame.time_epoch")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    List<Long> times = new ArrayList<>();
    try (InputStream in = p.getInputStream()) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        if (!line.isBlank()) {
          times.add(TimeUnits.parseInstant(line.strip()));
        }
      }
    }
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException("tshark failed on " + capture);
    }
    long[] out = times.stream().mapToLong(Long::longValue).toArray();
    TSHARK_CACHE.put(key, out);
    return out;
  }

  /** How many of {@code times} fall in each whole UTC second from {@code from} (epoch s) for {@code n} seconds. */
  static int[] perSecond(long[] times, long fromSecond, int n) {
    int[] c = new int[n];
    for (long t : times) {
      long k = Math.floorDiv(t, S) - fromSecond;
      if (k >= 0 && k < n) {
        c[(int) k]++;
      }
    }
    return c;
  }
}
