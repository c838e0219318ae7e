package org.dnsseismograph.cli.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dnsseismograph.cli.SeismographCommand;
import org.dnsseismograph.wire.CaptureFiles;
import org.dnsseismograph.wire.FrameReader;
import org.dnsseismograph.wire.RawFrame;
import org.dnsseismograph.wire.SkipCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  @TempDir Path dir;

  private int run(String... args) {
    return SeismographCommand.run(args, request -> 99, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void theWarmUpRunsComeBeforeTheMeasuredOnesAndAreLabelledSo() throws IOException {
    Path results = dir.resolve("results.md");
    int code = run("bench", "--packets", "3000", "--runs", "2", "--warmups", "2", "--warmup-packets", "0", "--no-tshark", "--dir", dir.toString(),
        "--results", results.toString());

    assertEquals(0, code, err.toString());
    List<String> rows = Files.readAllLines(results).stream().filter(l -> l.startsWith("| 3,000 | 0 MiB |")).toList();
    assertEquals(4, rows.size(), String.join("\n", rows));
    assertTrue(rows.get(0).contains("| warm-up 1 |") && rows.get(1).contains("| warm-up 2 |"), rows.toString());
    assertTrue(rows.get(2).contains("| run 1 |") && rows.get(3).contains("| run 2 |"), rows.toString());
    assertTrue(Files.readString(results).contains("2 measured runs after at least 2 warm-up runs"));
  }

  @Test
  void warmUpGoesOnUntilItHasReadThePacketsAskedForAndTheLaterWarmUpsAreOneRowOfTotals() throws IOException {
    Path results = dir.resolve("results.md");
    // 3,000-packet runs: 10,000 packets take four runs, so warm-ups 2 to 4 make one row of 9,000 frames
    int code = run("bench", "--packets", "3000", "--runs", "1", "--warmups", "2", "--warmup-packets", "10000", "--no-tshark", "--dir",
        dir.toString(), "--results", results.toString());

    assertEquals(0, code, err.toString());
    List<String> lines = Files.readAllLines(results);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("| 3,000 | 0 MiB | warm-up 1 |")), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("| 9,000 | 0 MiB | warm-ups 2–4 (totals) |")), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("| 3,000 | 0 MiB | run 1 |")), lines.toString());
    assertEquals(4, err.toString().lines().filter(l -> l.contains(", warm-up ")).count(), err.toString());
    // the summary: 4 warm-up runs, 1 measured, and the median of one run is that run's own rate
    String run1 = lines.stream().filter(l -> l.startsWith("| 3,000 | 0 MiB | run 1 |")).findFirst().orElseThrow();
    assertTrue(lines.contains(summaryOfOneRun(run1, 4)), lines.toString());
  }

  @Test
  void noWarmUpAskedMeansNoneWhateverThePackets() throws IOException {
    Path results = dir.resolve("results.md");
    int code = run("bench", "--packets", "3000", "--runs", "1", "--warmups", "0", "--no-tshark", "--dir", dir.toString(), "--results",
        results.toString());

    assertEquals(0, code, err.toString());
    List<String> rows = Files.readAllLines(results).stream().filter(l -> l.startsWith("| 3,000 | 0 MiB |")).toList();
    assertEquals(1, rows.size(), rows.toString());
    assertTrue(rows.get(0).contains("| run 1 |"), rows.toString());
    assertTrue(Files.readAllLines(results).contains(summaryOfOneRun(rows.get(0), 0)), Files.readString(results));
  }

  @Test
  void aCaptureFromThisGeneratorIsReusedAndOneWithoutItsStampIsWrittenAgain() throws IOException {
    String[] args = {"bench", "--packets", "3000", "--runs", "1", "--warmups", "0", "--no-tshark", "--dir", dir.toString(), "--results",
        dir.resolve("results.md").toString()};
    Path capture = dir.resolve("seismograph-bench-3000.pcap");
    Files.writeString(capture, "left by an older generator, or by anything else");

    assertEquals(0, run(args), err.toString());
    assertTrue(err.toString().contains("regenerating 3,000 packets into " + capture), err.toString());
    assertTrue(Files.readAllLines(dir.resolve("results.md")).stream().anyMatch(l -> l.startsWith("| 3,000 | 0 MiB | run 1 |")));
    byte[] generated = Files.readAllBytes(capture);

    err.getBuffer().setLength(0);
    assertEquals(0, run(args), err.toString());
    assertTrue(!err.toString().contains("generating"), err.toString());
    assertArrayEquals(generated, Files.readAllBytes(capture));

    Files.writeString(dir.resolve("seismograph-bench-3000.pcap.generator"), "SyntheticResolverTraffic generation 1, an older plan\n");
    assertEquals(0, run(args), err.toString());
    assertTrue(err.toString().contains("regenerating 3,000 packets"), err.toString());
    assertArrayEquals(generated, Files.readAllBytes(capture), "the same plan writes the same bytes");
  }

  @Test
  void theCaptureCutIntoRotatedFilesIsReadWholeAndTheCutIsReused() throws IOException {
    String[] args = {"bench", "--packets", "3000", "--files", "4", "--runs", "1", "--warmups", "0", "--dir", dir.toString(), "--results",
        dir.resolve("results.md").toString()};

    assertEquals(0, run(args), err.toString());
    List<Path> parts;
    try (var list = Files.list(dir.resolve("seismograph-bench-3000-in-4"))) {
      parts = list.filter(p -> p.toString().endsWith(".pcap")).sorted().toList();
    }
    assertEquals(4, parts.size(), parts.toString());
    long frames = 0;
    long lastTime = Long.MIN_VALUE;
    RawFrame f = new RawFrame();
    for (Path part : parts) {
      try (FrameReader r = CaptureFiles.open(part, new SkipCounter())) {
        while (r.next(f)) {
          assertTrue(f.timestampNanos >= lastTime, "the parts follow each other in time");
          lastTime = f.timestampNanos;
          frames++;
        }
      }
    }
    assertEquals(3000, frames);
    String results = Files.readString(dir.resolve("results.md"));
    assertTrue(results.contains("read as 4 files of consecutive frames"), results);
    assertTrue(results.lines().anyMatch(l -> l.startsWith("| 3,000 | 0 MiB | run 1 |")), results);
    assertTrue(!results.contains("tshark 4 on the same files"), "tshark reads one file: not timed on a cut capture");

    long modified = Files.getLastModifiedTime(parts.get(0)).toMillis();
    assertEquals(0, run(args), err.toString());
    assertEquals(modified, Files.getLastModifiedTime(parts.get(0)).toMillis(), "the cut is reused");
  }

  /** The summary row of a size measured once: that run's rates are its median and whole range. */
  private static String summaryOfOneRun(String runRow, int warmUps) {
    String[] cells = runRow.split("\\|");
    String wall = cells[6].trim();
    return "| 3,000 | " + warmUps + " | 1 | " + wall + " | " + wall + "–" + wall + " | " + cells[7].trim() + " |";
  }

  @Test
  void theMedianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
    assertEquals(4.5, BenchCommand.median(new double[] {6, 3, 4, 5}));
    assertEquals(5.0, BenchCommand.median(new double[] {7, 5, 1}));
  }

  @Test
  void noMeasuredRunIsAUsageError() {
    int code = run("bench", "--runs", "0", "--no-tshark", "--dir", dir.toString(), "--results", dir.resolve("r.md").toString());

    assertEquals(2, code);
    assertTrue(err.toString().startsWith("seismograph: --runs must be at least 1"), err.toString());
    assertTrue(Files.notExists(dir.resolve("r.md")));
  }
}
