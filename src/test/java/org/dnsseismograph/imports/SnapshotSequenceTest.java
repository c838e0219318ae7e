package org.dnsseismograph.imports;

import static org.dnsseismograph.imports.Fixtures.S;
import static org.dnsseismograph.imports.Fixtures.at;
import static org.dnsseismograph.imports.Fixtures.export;
import static org.dnsseismograph.imports.Fixtures.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.SampleSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshot files read as one source: netdata's real Unbound read sequences (cumulative, and reset
 * on read with zero keys vanishing), and snapshots stamped by their file names.
 */
class SnapshotSequenceTest {
  private final ExportImporter importer = new ExportImporter();
  @TempDir
  Path dir;

  private static List<Path> lifecycle(String mode) {
    return List.of(1, 2, 3).stream().map(i -> export("unbound-control-stats_netdata-lifecycle-" + mode + "-" + i + ".txt")).toList();
  }

  @Test
  void cumulativeReadsBecomeRatesBetweenUnboundsOwnTimes() throws ImportException {
    ImportResult r = importer.importPaths(lifecycle("cumulative"), ImportOptions.defaults());
    SampleSeries q = (SampleSeries) r.series().get(MetricId.of("total.num.queries"));

    // total.num.queries 200, 290, 360 at time.now 1574103378.552596, ...461.161540, ...543.692653.
    assertEquals(2, q.size());
    assertEquals(90 / 82.608944, q.value(0), 1e-6);
    assertEquals(70 / 82.531113, q.value(1), 1e-6);
    assertEquals(1574103378552596000L, q.start(0), 1000);
    assertEquals(3, r.report().files().size());
    assertTrue(r.report().warnings().stream().noneMatch(w -> w.contains("reset on each read")));
  }

  @Test
  void resetOnReadIsRecognisedAndVanishedZeroKeysReadAsZero() throws ImportException {
    ImportResult r = importer.importPaths(lifecycle("reset"), ImportOptions.defaults());
    SampleSeries q = (SampleSeries) r.series().get(MetricId.of("total.num.queries"));
    ResolvableSeries a = r.series().get(MetricId.of("num.query.type.A"));

    // 100, 0, 70 while time.up grows 45.3, 71.8, 131.7 s: counts per read, not restarts.
    assertTrue(r.report().warnings().stream().anyMatch(w -> w.startsWith("counters reset on each read")), r.report().warnings().toString());
    assertEquals(3, q.size());
    assertEquals(100 / 45.285130, q.value(0), 1e-6);
    assertEquals(0.0, q.value(1), 0.0);
    assertEquals(70 / 59.828049, q.value(2), 1e-6);
    // num.query.type.A=30 in read 1, absent (zero) in read 2, 20 in read 3.
    long second = 1574103671543847000L;
    assertEquals(0.0, at(a, second - S), 0.0);
    assertEquals(20 / 59.828049, at(a, second + S), 1e-6);
    assertEquals(0, r.report().seriesReport("total.num.queries").resets());
  }

  @Test
  void theUserCanSayTheCountersAreCumulativeAndThenFallsAreResets() throws ImportException {
    ImportResult r = importer.importPaths(lifecycle("reset"), ImportOptions.defaults().withCounterMode(CounterMode.CUMULATIVE));
    SampleSeries q = (SampleSeries) r.series().get(MetricId.of("total.num.queries"));

    assertEquals(1, r.report().seriesReport("total.num.queries").resets());
    for (int i = 0; i < q.size(); i++) {
      assertTrue(Double.isNaN(q.value(i)) || q.value(i) >= 0, "never a negative spike");
    }
  }

  @Test
  void snapshotFilesWithoutTimesAreStampedByTheirNames() throws IOException {
    String stats = Files.readString(export("pdns-recursor-api-statistics_netdata-v4.3.1.json"));
    Path a = Files.writeString(dir.resolve("stats-20240101T000000Z.json"), stats);
    Path b = Files.writeString(dir.resolve("stats-20240101T000010Z.json"), stats.replace("\"value\": \"41\"", "\"value\": \"61\""));

    ImportResult r = importer.importPaths(List.of(dir), ImportOptions.defaults());
    ResolvableSeries out = r.series().get(MetricId.of("all-outqueries"));

    assertEquals(ImportFormat.PDNS_API_JSON, r.report().format());
    assertEquals(List.of(a.getFileName().toString(), b.getFileName().toString()), r.report().files());
    assertEquals(2.0, at(out, t("2024-01-01T00:00:05Z")), 1e-9);
    assertTrue(r.report().timeBasis().contains("file name"), r.report().timeBasis());
  }

  @Test
  void aSequenceFileInAnotherFormatIsASkipNotACrash() throws IOException {
    Path a = Files.copy(export("unbound-control-stats_netdata-lifecycle-cumulative-1.txt"), dir.resolve("a.txt"));
    Path b = Files.writeString(dir.resolve("b.txt"), "{\"not\": \"statistics\"}\n");
    Path c = Files.copy(export("unbound-control-stats_netdata-lifecycle-cumulative-2.txt"), dir.resolve("c.txt"));

    ImportResult r = importer.importPaths(List.of(a, b, c), ImportOptions.defaults());

    assertEquals(1, r.report().skippedCount());
    assertTrue(!r.report().isComplete());
    assertEquals(2, r.report().seriesReport("total.num.queries").readings());
  }

  @Test
  void aSnapshotWithNoTimeAnywhereIsRefusedWithWhatToDo() throws IOException {
    Path p = Files.copy(export("pdns-recursor-api-statistics_netdata-v4.3.1.json"), dir.resolve("stats.json"));
    ImportException e = assertThrows(ImportException.class, () -> importer.importPaths(List.of(p), ImportOptions.defaults()));

    assertTrue(e.getMessage().contains("--time"), e.getMessage());
  }
}
