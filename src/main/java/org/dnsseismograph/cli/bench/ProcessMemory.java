package org.dnsseismograph.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of a process from {@code /proc/<pid>/status} (Linux), in bytes; -1 when unknown. */
final class ProcessMemory {
  private ProcessMemory() {}

  /** The peak resident set size ({@code VmHWM}). */
  static long peakRss(long pid) {
    return field(pid, "VmHWM:");
  }

  /** The current resident set size ({@code VmRSS}). */
  static long rss(long pid) {
    return field(pid, "VmRSS:");
  }

  private static long field(long pid, String name) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith(name)) {
          String[] parts = line.substring(name.length()).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
