package org.dnsseismograph.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports several files as one source: each file holds statistics snapshots (usually one) of the
 * same dump format, stamped by its content or its file name. The format is detected on the first
 * file (or forced) and every file must be in it. Stateless.
 */
final class SnapshotSequence {

  private SnapshotSequence() {}

  static ImportResult importAll(List<Path> files, ImportOptions options) throws ImportException {
    ExportText first = ExportText.read(files.get(0));
    ExportImporter.checkText(first);
    SnapshotReader reader = reader(first, options);
    ImportLog log = new ImportLog();
    List<Snapshot> all = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Path f : files) {
      ExportText text = f.equals(files.get(0)) ? first : ExportText.read(f);
      names.add(text.name());
      try {
        ExportImporter.checkText(text);
        String why = reader.rejection(text);
        if (why != null) {
          throw new FormatReader.NotThisFormat(why);
        }
        all.addAll(reader.snapshots(text, options, log));
      } catch (ImportException | FormatReader.NotThisFormat e) {
        log.skip(0, "file is not a " + reader.format().title() + " snapshot (" + text.name() + ": " + e.getMessage() + ")");
      }
    }
    String source = files.get(0).getParent() != null && files.size() > 1 ? files.get(0).getParent().getFileName() + "/"
        + first.name() + "…" : first.name();
    try {
      List<RawSeries> raws = reader.series(all, options, log);
      return ImportResults.build(source, names, reader.format(), options.format() != null ? "given by the user"
          : "detected from the content of " + first.name(), raws, options, log, first.encodingNote());
    } catch (FormatReader.NotThisFormat e) {
      throw new ImportException(source + ": " + e.getMessage());
    }
  }

  private static SnapshotReader reader(ExportText first, ImportOptions options) throws ImportException {
    List<FormatAttempt> attempts = new ArrayList<>();
    for (FormatReader r : ExportImporter.readers()) {
      if (!(r instanceof SnapshotReader s) || options.format() != null && r.format() != options.format()) {
        continue;
      }
      String why = options.format() != null ? null : r.rejection(first);
      if (why == null) {
        return s;
      }
      attempts.add(new FormatAttempt(r.format(), why));
    }
    if (options.format() != null && attempts.isEmpty()) {
      throw new ImportException(first.name() + ": several files are read as statistics snapshots, and "
          + options.format().title() + " is not a snapshot format");
    }
    throw new ImportException(first.name() + " (first of " + "a snapshot sequence)", attempts);
  }
}
