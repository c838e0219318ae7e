package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.testsupport.LabTruth;

/**
 * Two rotated captures with a gap cut inside an outage, made from the demo capture by Wireshark's
 * {@code editcap}: the first file ends 10 s into the lab's outage, the second is the rest of the
 * demo shifted {@value #SHIFT_SECONDS} s (three days) later, so it begins with the servers still
 * dark. Needs {@code /usr/bin/editcap} (package wireshark-common, which tshark depends on).
 */
public final class GappedDemo {
  static final long SHIFT_SECONDS = 3 * 86_400;
  private static final long S = TimeUnits.NANOS_PER_SECOND;

  private GappedDemo() {}

  /** Writes {@code first.pcap} and {@code second.pcap} into {@code dir}; the two, in that order. */
  public static List<Path> write(Path dir) throws IOException, InterruptedException {
    LabTruth truth = LabTruth.read(Path.of("assets/demo/truth.json"));
    String cut = Instant.ofEpochSecond(truth.outageStartNanos() / S + 10).toString();
    Path first = dir.resolve("first.pcap");
    Path second = dir.resolve("second.pcap");
    editcap("-F", "pcap", "-B", cut, CaptureLoaderTest.DEMO.toString(), first.toString());
    editcap("-F", "pcap", "-A", cut, "-t", Long.toString(SHIFT_SECONDS), CaptureLoaderTest.DEMO.toString(), second.toString());
    return List.of(first, second);
  }

  private static void editcap(String... args) throws IOException, InterruptedException {
    List<String> cmd = Stream.concat(Stream.of("/usr/bin/editcap"), Stream.of(args)).toList();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), "editcap " + cmd + ": " + out);
  }
}
