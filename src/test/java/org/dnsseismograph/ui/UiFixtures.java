package org.dnsseismograph.ui;

import java.nio.file.Path;
import org.dnsseismograph.testsupport.Captures;

/** Files the window's tests open: the real captures, the bundled demo and this package's resources. */
public final class UiFixtures {
  private UiFixtures() {}

  /** The repository's {@code assets/demo} directory. */
  public static Path demo() {
    return base().resolve("assets").resolve("demo");
  }

  /** A file of {@code src/test/resources/org/dnsseismograph/ui/}. */
  public static Path resource(String name) {
    return Path.of(System.getProperty("seismograph.test.data", "src/test/resources"), "org", "dnsseismograph", "ui", name).toAbsolutePath();
  }

  /** A real capture of {@code src/test/resources/pcap/}. */
  public static Path capture(String name) {
    return Captures.file(name).toAbsolutePath();
  }

  /** Unbound's dnstap log of the capture package's fixture ({@code fstrm_capture} output). */
  public static Path dnstap() {
    return Path.of(System.getProperty("seismograph.test.data", "src/test/resources"), "org", "dnsseismograph", "capture", "unbound.dnstap")
        .toAbsolutePath();
  }

  /** A real export of {@code src/test/resources/exports/}. */
  public static Path export(String name) {
    return Path.of(System.getProperty("seismograph.test.data", "src/test/resources"), "exports", name).toAbsolutePath();
  }

  /** The export the imports tests wrote 37 s fast in Berlin time from the demo's Unbound statistics. */
  public static Path shiftedExport() {
    return Path.of(System.getProperty("seismograph.test.data", "src/test/resources"), "org", "dnsseismograph", "imports",
        "unbound-stats-shifted-37s-europe-berlin.csv").toAbsolutePath();
  }

  private static Path base() {
    return Path.of(System.getProperty("seismograph.test.data", "src/test/resources")).toAbsolutePath().getParent().getParent().getParent();
  }
}
