package org.dnsseismograph.imports;

import java.util.List;
import org.dnsseismograph.series.SeriesSet;

/**
 * Finishes an import: assembles the raw series and writes the report. Stateless.
 */
final class ImportResults {

  private ImportResults() {}

  /**
   * The result of a read.
   *
   * @throws FormatReader.NotThisFormat when the read found no readings at all (every line skipped)
   */
  static ImportResult build(String sourceName, List<String> files, ImportFormat format, String formatBasis, List<RawSeries> raws,
      ImportOptions options, ImportLog log, String encodingNote) throws FormatReader.NotThisFormat {
    long readings = raws.stream().mapToLong(RawSeries::size).sum();
    if (readings == 0) {
      List<SkippedLines> skipped = log.skipped();
      throw new FormatReader.NotThisFormat("no readings could be read" + (skipped.isEmpty() ? ""
          : " (" + log.skippedCount() + " skipped; first: " + skipped.get(0).reason() + ")"));
    }
    if (encodingNote != null) {
      log.warn("text encoding: " + encodingNote);
    }
    SeriesAssembler assembler = new SeriesAssembler(options, log);
    assembler.addAll(raws);
    SeriesSet set = SeriesSet.of(sourceName, assembler.series());
    ImportReport report = new ImportReport(sourceName, files, format, formatBasis, log.timeBasis(), assembler.reports(),
        log.skipped(), log.timeNotes(), log.warnings(), log.partialReasons());
    return new ImportResult(set, report);
  }
}
