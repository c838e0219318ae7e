package org.dnsseismograph.imports;

import static org.dnsseismograph.imports.Fixtures.DEMO;
import static org.dnsseismograph.imports.Fixtures.export;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Broken inputs, mostly real files damaged on purpose: each gives a specific error or counted skips
 * with line numbers, never a crash, and a series with lines missing is never reported complete.
 */
class MalformedInputTest {
  private final ExportImporter importer = new ExportImporter();
  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void anEmptyFolderSaysSoRatherThanThatItCannotBeListed() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Files.writeString(empty.resolve(".hidden"), "not a snapshot");

    ImportException e = assertThrows(ImportException.class, () -> importer.importPaths(List.of(empty), ImportOptions.defaults()));
    assertEquals(empty + ": no files in the directory", e.getMessage());
  }

  @ParameterizedTest(name = "{0} cut in half")
  @ValueSource(strings = {"prometheus-query_range_grafana-range_auto.json", "rrdtool-xport1.json", "pdns-recursor-api-statistics_netdata-v4.3.1.json"})
  void truncatedJsonSaysWhereItEnds(String file) throws IOException {
    String whole = Files.readString(export(file));
    Path cut = write(file, whole.substring(0, whole.length() / 2));

    ImportException e = assertThrows(ImportException.class, () -> importer.importFile(cut, ImportOptions.defaults()));

    assertTrue(e.getMessage().contains("ends early (truncated?) at line"), e.getMessage());
  }

  @Test
  void truncatedXmlSaysWhereItBreaks() throws IOException {
    String whole = Files.readString(export("rrdtool-xport1.xml"));
    Path cut = write("x.xml", whole.substring(0, 1000));

    ImportException e = assertThrows(ImportException.class, () -> importer.importFile(cut, ImportOptions.defaults()));

    assertTrue(e.getMessage().contains("rrd-xport-xml: not well-formed XML at line"), e.getMessage());
  }

  @Test
  void aCsvCutInsideAQuotedFieldKeepsTheRowsBeforeAndIsPartial() throws IOException {
    String whole = Files.readString(export("grafana-legacy-series-per-row_Varmelager.csv"));
    int cutAt = whole.indexOf("\"Probe-3\";\"2020-05-04T15:3") + 12;
    Path cut = write("legacy.csv", whole.substring(0, cutAt));

    ImportResult r = importer.importFile(cut, ImportOptions.defaults());

    assertFalse(r.report().isComplete());
    assertTrue(r.report().skipped().stream().anyMatch(s -> s.reason().contains("never closed")), r.report().skipped().toString());
    assertEquals(1501, r.report().seriesReport("Probe-2").readings());
  }

  @Test
  void linesWithAnotherDelimiterAreCountedSkipsWithTheirLineNumbers() throws IOException {
    List<String> lines = new ArrayList<>(List.of("Time;a;b"));
    for (int i = 0; i < 20; i++) {
      String sep = i == 5 || i == 11 ? "," : ";";
      lines.add((1_700_000_000 + i) + sep + i + sep + (2 * i));
    }
    ImportResult r = importer.importFile(write("mixed.csv", String.join("\n", lines) + "\n"), ImportOptions.defaults());

    SkippedLines s = r.report().skipped().get(0);
    assertTrue(s.reason().contains("wrong number of fields"), s.reason());
    assertEquals(2, s.count());
    assertEquals(List.of(7L, 13L), s.firstLines());
    assertFalse(r.report().isComplete());
    assertEquals(18, r.report().seriesReport("a").readings());
  }

  @Test
  void aFileThatMixesDelimitersThroughoutIsRefusedSayingSo() throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      String sep = i % 2 == 0 ? "," : ";";
      b.append(1_700_000_000 + i).append(sep).append(i).append(i % 4 < 2 ? sep : "|").append(i).append('\n');
    }
    ImportException e = assertThrows(ImportException.class, () -> importer.importFile(write("m.csv", b.toString()), ImportOptions.defaults()));

    assertTrue(e.getMessage().contains("mixed delimiters"), e.getMessage());
  }

  @Test
  void aTimeThatGoesBackIsASkippedLineAndANewestFirstFileIsReversed() throws IOException {
    ImportResult back = importer.importFile(write("b.csv", "time,v\n1700000000,1\n1700000010,2\n1700000005,9\n1700000020,3\n"),
        ImportOptions.defaults());
    assertEquals(1, back.report().skippedCount());
    assertEquals(List.of(4L), back.report().skipped().get(0).firstLines());
    assertTrue(back.report().skipped().get(0).reason().contains("time goes back"));
    assertFalse(back.report().isComplete());

    ImportResult reversed = importer.importFile(write("r.csv", "time,v\n1700000020,3\n1700000010,2\n1700000000,1\n"), ImportOptions.defaults());
    assertTrue(reversed.report().isComplete());
    assertTrue(reversed.report().warnings().stream().anyMatch(w -> w.contains("newest first")));
    assertEquals(3.0, Fixtures.at(reversed.series().get(reversed.report().series().get(0).id()), 1_700_000_025L * Fixtures.S), 0.0);
  }

  @Test
  void garbageLinesInARealUnboundRecordingAreCountedAndTheRestIsRead() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(DEMO.resolve("unbound-stats.txt")));
    lines.add(500, "%%% garbage from a broken pipe %%%");
    lines.add(1000, "total.num.queries=twelve");
    ImportResult r = importer.importFile(write("unbound.txt", String.join("\n", lines) + "\n"), ImportOptions.defaults());

    assertEquals(2, r.report().skippedCount());
    assertEquals(List.of(501L), r.report().skipped().get(0).firstLines());
    assertEquals(List.of(1001L), r.report().skipped().get(1).firstLines());
    assertFalse(r.report().isComplete());
    assertEquals(126, r.report().seriesReport("total.num.queries").readings());
    assertEquals(1, r.report().seriesReport("total.num.queries").missing());
  }

  @Test
  void garbageLinesInARealCarbonStreamAreCounted() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(DEMO.resolve("pdns-carbon.txt")).subList(0, 2000));
    lines.add(1500, "pdns.lab.recursor.questions 12");
    ImportResult r = importer.importFile(write("carbon.txt", String.join("\n", lines) + "\n"), ImportOptions.defaults());

    assertEquals(ImportFormat.CARBON, r.report().format());
    assertEquals(1, r.report().skippedCount());
    assertEquals(List.of(1501L), r.report().skipped().get(0).firstLines());
  }

  @Test
  void emptyAndBinaryFilesAreRefusedWithTheirReason() throws IOException {
    ImportException empty = assertThrows(ImportException.class, () -> importer.importFile(write("e.csv", "\n \n"), ImportOptions.defaults()));
    assertTrue(empty.getMessage().endsWith("the file is empty"), empty.getMessage());

    ImportException binary = assertThrows(ImportException.class,
        () -> importer.importFile(Path.of("src/test/resources/pcap").toFile().listFiles()[0].toPath(), ImportOptions.defaults()));
    assertTrue(binary.getMessage().contains("binary file") || binary.getMessage().contains("not a known export format"), binary.getMessage());
  }

  @Test
  void aFileInNoFormatNamesEveryFormatTriedAndWhy() throws IOException {
    Path prose = write("notes.txt", "Dear colleague,\nour resolver fell over at about ten past nine.\nRegards\n");

    ImportException e = assertThrows(ImportException.class, () -> importer.importFile(prose, ImportOptions.defaults()));

    assertEquals(ImportFormat.values().length, e.attempts().size());
    for (ImportFormat f : ImportFormat.values()) {
      assertTrue(e.getMessage().contains(f.cliName() + ": "), f.cliName());
    }
  }

  @Test
  void aForcedFormatThatDoesNotFitSaysWhy() throws IOException {
    ImportException e = assertThrows(ImportException.class,
        () -> importer.importFile(export("rrdtool-xport1.xml"), ImportOptions.defaults().withFormat(ImportFormat.PROMETHEUS_JSON)));

    assertTrue(e.getMessage().contains("not Prometheus query_range JSON: not valid JSON at line 1"), e.getMessage());
  }
}
