package org.dnsseismograph.testsupport;

import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.DnsPorts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real captures under {@code src/test/resources/pcap/} (see SOURCES.md there). */
public final class Captures {
  private Captures() {}

  public static Path dir() {
    String base = System.getProperty("seismograph.test.data", "src/test/resources");
    return Path.of(base, "pcap");
  }

  public static Path file(String name) {
    return dir().resolve(name);
  }

  /** Every capture file (everything but SOURCES.md), sorted by name. */
  public static List<Path> captures() throws IOException {
    try (Stream<Path> s = Files.list(dir())) {
      return s.filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().toList();
    }
  }

  /** The pktvisor captures whose DNS runs on port 53000. */
  public static boolean usesPort53000(Path file) {
    return file.getFileName().toString().contains("port53000");
  }

  public static DecodeOptions optionsFor(Path file) {
    DecodeOptions o = DecodeOptions.defaults();
    return usesPort53000(file) ? o.withPorts(DnsPorts.DEFAULT.plus(53000)) : o;
  }

  public static List<String> tsharkDecodeAs(Path file) {
    return usesPort53000(file) ? List.of("-d", "udp.port==53000,dns", "-d", "tcp.port==53000,dns") : List.of();
  }
}
