package org.dnsseismograph.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dnsseismograph.cli.SeismographCommand;
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
    int code = run("bench", "--packets", "3000", "--runs", "2", "--warmups", "2", "--no-tshark", "--dir", dir.toString(), "--results", results.toString());

    assertEquals(0, code, err.toString());
    List<String> rows = Files.readAllLines(results).stream().filter(l -> l.startsWith("| 3,000 |")).toList();
    assertEquals(4, rows.size(), String.join("\n", rows));
    assertTrue(rows.get(0).contains("| warm-up 1 |") && rows.get(1).contains("| warm-up 2 |"), rows.toString());
    assertTrue(rows.get(2).contains("| run 1 |") && rows.get(3).contains("| run 2 |"), rows.toString());
    assertTrue(Files.readString(results).contains("2 measured runs after 2 warm-up runs"));
  }

  @Test
  void noMeasuredRunIsAUsageError() {
    int code = run("bench", "--runs", "0", "--no-tshark", "--dir", dir.toString(), "--results", dir.resolve("r.md").toString());

    assertEquals(2, code);
    assertTrue(err.toString().startsWith("seismograph: --runs must be at least 1"), err.toString());
    assertTrue(Files.notExists(dir.resolve("r.md")));
  }
}
