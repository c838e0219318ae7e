package org.dnsseismograph.imports;

import static org.dnsseismograph.imports.Fixtures.DEMO;
import static org.dnsseismograph.imports.Fixtures.export;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SeriesSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The importer as a {@link SourceLoader}, and the lab's failed-read marker. */
class ExportImporterTest {
  private final ExportImporter importer = new ExportImporter();
  @TempDir
  Path dir;

  @Test
  void itRecognisesExportsAndNotCaptures() {
    assertTrue(importer.recognizes(DEMO.resolve("unbound-stats.txt")));
    assertTrue(importer.recognizes(DEMO.resolve("pdns-api.txt.gz")));
    assertTrue(importer.recognizes(export("rrdtool-xport1.xml")));
    assertFalse(importer.recognizes(DEMO.resolve("capture.pcap.gz")));
    assertFalse(importer.recognizes(export("SOURCES.md")));
  }

  @Test
  void chainedLoadersGiveEachPathToTheFirstThatRecognisesIt() throws IOException {
    SeriesSet fake = SeriesSet.of("capture", List.of());
    SourceLoader captures = new SourceLoader() {
      @Override
      public boolean recognizes(Path path) {
        return path.toString().contains(".pcap");
      }

      @Override
      public SeriesSet load(Path path) {
        return fake;
      }
    };
    SourceLoader both = SourceLoader.firstOf(List.of(captures, importer));

    assertEquals(fake, both.load(DEMO.resolve("capture.pcap.gz")));
    assertEquals(List.of(MetricId.of("dv"), MetricId.of("wh")), both.load(export("rrdtool-xport1.json")).ids());
  }

  @Test
  void aFailedReadInTheLabsRecordingIsAGapInEverySeries() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(DEMO.resolve("unbound-stats.txt")));
    int header = 0;
    for (int i = 0, seen = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("# time ") && ++seen == 60) {
        header = i;
        break;
      }
    }
    int next = header + 1;
    while (!lines.get(next).startsWith("# time ")) {
      next++;
    }
    lines.subList(header + 1, next).clear();
    lines.add(header + 1, "# error unbound-control timed out");
    ImportResult r = importer.importFile(Files.write(dir.resolve("u.txt"), lines), ImportOptions.defaults());
    SeriesReport q = r.report().seriesReport("total.num.queries");

    assertEquals(126, q.readings());
    assertEquals(1, q.missing());
    // The intervals before and after the failed read have no rate: 125 - 2.
    assertEquals(123, q.samples());
    assertTrue(r.report().warnings().stream().anyMatch(w -> w.startsWith("1 snapshot(s) record a failed read")));
  }
}
