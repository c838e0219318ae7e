package org.dnsseismograph.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory of a process from {@code /proc/<pid>/status} (Linux), in bytes; -1 for a field
 * that cannot be read (not Linux, process gone). Resident memory is told apart by kind: anonymous
 * ({@code RssAnon}: heap, stacks, code, what the program owns) and file-backed ({@code RssFile}:
 * pages of mapped files, such as a memory-mapped capture, which are page cache the kernel can take
 * back at any time). Stateless.
 *
 * @param rss current resident set size ({@code VmRSS})
 * @param peakRss the highest resident set size so far ({@code VmHWM}), of both kinds together
 * @param anon anonymous resident memory ({@code RssAnon})
 * @param file file-backed resident memory ({@code RssFile})
 */
record ProcessMemory(long rss, long peakRss, long anon, long file) {
  /** Nothing known. */
  static final ProcessMemory UNKNOWN = new ProcessMemory(-1, -1, -1, -1);

  /** The process' memory now; {@link #UNKNOWN} when its status cannot be read. */
  static ProcessMemory of(long pid) {
    try {
      long rss = -1;
      long peak = -1;
      long anon = -1;
      long file = -1;
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = kibibytes(line);
        } else if (line.startsWith("VmHWM:")) {
          peak = kibibytes(line);
        } else if (line.startsWith("RssAnon:")) {
          anon = kibibytes(line);
        } else if (line.startsWith("RssFile:")) {
          file = kibibytes(line);
        }
      }
      return new ProcessMemory(rss, peak, anon, file);
    } catch (IOException | RuntimeException e) {
      return UNKNOWN;
    }
  }

  /** This JVM's memory now. */
  static ProcessMemory self() {
    return of(ProcessHandle.current().pid());
  }

  /** The larger of each field. */
  ProcessMemory max(ProcessMemory o) {
    return new ProcessMemory(Math.max(rss, o.rss), Math.max(peakRss, o.peakRss), Math.max(anon, o.anon), Math.max(file, o.file));
  }

  /** "RssAnon:   12345 kB" to bytes. */
  private static long kibibytes(String line) {
    String[] parts = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
    return Long.parseLong(parts[0]) * 1024;
  }
}
