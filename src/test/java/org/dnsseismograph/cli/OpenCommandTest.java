package org.dnsseismograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.capture.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seismograph open}: what reaches the window, and the refusals before it opens. */
class OpenCommandTest {
  private final List<GuiLauncher.GuiRequest> launched = new ArrayList<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int open(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "open";
    System.arraycopy(args, 0, all, 1, args.length);
    return SeismographCommand.run(all, r -> {
      launched.add(r);
      return ExitCode.OK;
    }, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void liveWithRecordingReachesTheWindowWithItsRotation(@TempDir Path dir) {
    Path file = dir.resolve("storm.pcap");
    assertEquals(ExitCode.OK, open("--live", "lo", "--dns-port", "5353", "--record", file.toString(), "--rotate-size", "10MiB", "--rotate-time", "15min"));
    GuiLauncher.GuiRequest r = launched.get(0);
    assertEquals("lo", r.liveInterface());
    assertEquals(List.of(5353), r.extraDnsPorts());
    assertEquals(new Recording(dir.toAbsolutePath(), "storm.pcap", 10L << 20, 15 * 60 * 1_000_000_000L), r.liveRecording());
  }

  @Test
  void keepingTheNewestFilesReachesTheWindowAndNeedsRotation(@TempDir Path dir) {
    Path file = dir.resolve("ring.pcap");
    assertEquals(ExitCode.OK, open("--live", "lo", "--record", file.toString(), "--rotate-size", "100MiB", "--keep", "10GiB"));
    assertEquals(new Recording(dir.toAbsolutePath(), "ring.pcap", 100L << 20, 0, 10L << 30), launched.get(0).liveRecording());
    assertEquals(ExitCode.BAD_USAGE, open("--live", "lo", "--record", file.toString(), "--keep", "10GiB"));
    assertTrue(err.toString().contains("keeping only the newest files needs rotation by size or by time"), err.toString());
    assertEquals(ExitCode.BAD_USAGE, open("--live", "lo", "--record", file.toString(), "--rotate-size", "100MiB", "--keep", "150MiB"));
    assertTrue(err.toString().contains("keep at least two files' worth: 200 MiB for files of 100 MiB"), err.toString());
    assertEquals(ExitCode.BAD_USAGE, open("--live", "lo", "--record", file.toString(), "--rotate-size", "100MiB", "--keep", "lots"));
    assertTrue(err.toString().contains("--keep must be a size such as 100MiB or 1GiB, not lots"), err.toString());
    assertEquals(ExitCode.BAD_USAGE, open("--live", "lo", "--keep", "1GiB"));
    assertTrue(err.toString().contains("--rotate-size, --rotate-time and --keep need --record FILE.pcap"), err.toString());
    assertEquals(1, launched.size());
  }

  @Test
  void liveWithoutRecordingRecordsNothing() {
    assertEquals(ExitCode.OK, open("--live", "lo"));
    assertNull(launched.get(0).liveRecording());
  }

  @Test
  void aRecordingWithoutLiveIsAUsageError(@TempDir Path dir) throws Exception {
    Path capture = Files.copy(Path.of("src/test/resources/pcap").resolve(firstCapture()), dir.resolve("c.pcap"));
    assertEquals(ExitCode.BAD_USAGE, open(capture.toString(), "--record", dir.resolve("x.pcap").toString()));
    assertTrue(err.toString().contains("--record needs --live IF"), err.toString());
    assertTrue(launched.isEmpty());
  }

  @Test
  void rotationWithoutARecordingIsAUsageError() {
    assertEquals(ExitCode.BAD_USAGE, open("--live", "lo", "--rotate-size", "10MiB"));
    assertTrue(err.toString().contains("need --record"), err.toString());
    assertTrue(launched.isEmpty());
  }

  @Test
  void aRecordingIntoAMissingDirectoryIsRefusedBeforeTheWindowOpens(@TempDir Path dir) {
    assertEquals(ExitCode.UNREADABLE_INPUT, open("--live", "lo", "--record", dir.resolve("no/such/dir/x.pcap").toString()));
    assertTrue(err.toString().contains("is not a directory"), err.toString());
    assertTrue(launched.isEmpty());
  }

  @Test
  void aMissingFileIsOneLineAndNoWindow(@TempDir Path dir) {
    assertEquals(ExitCode.UNREADABLE_INPUT, open(dir.resolve("gone.pcap").toString()));
    assertEquals(1, err.toString().lines().count(), err.toString());
    assertTrue(err.toString().contains("no such file"), err.toString());
    assertTrue(launched.isEmpty());
    assertEquals("", out.toString());
  }

  private static String firstCapture() throws Exception {
    try (var files = Files.list(Path.of("src/test/resources/pcap"))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pcap")).sorted().findFirst().orElseThrow();
    }
  }
}
