package org.dnsseismograph.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** One line about the machine a benchmark ran on: CPU, cores, load, Java. */
final class MachineFacts {
  private MachineFacts() {}

  static String describe() {
    String cpu = "unknown CPU";
    String load = "?";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
      load = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0];
    } catch (IOException e) {
      // Not Linux: the facts we can get from the JVM are enough.
    }
    return String.format(Locale.ROOT, "%s, %d cores, load average %s at start, Java %s, max heap %d MiB", cpu,
        Runtime.getRuntime().availableProcessors(), load, Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
  }
}
