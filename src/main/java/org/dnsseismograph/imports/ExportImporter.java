package org.dnsseismograph.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.dnsseismograph.series.SeriesSet;

/**
 * Imports operators' exports: detects the format by content (or takes the one the user forces),
 * reads it, and returns the series on the UTC axis with a report of everything decided, skipped and
 * warned about. A sequence of statistics snapshots (several files, or a directory of them, each
 * file one snapshot) becomes one source. Also the {@link SourceLoader} for exports.
 *
 * <p>Failure: an unreadable file, an empty one, or one in none of the formats throws {@link
 * ImportException}, whose message names every format tried and why it did not fit. Bad lines inside
 * a readable export are skipped, counted and make the report partial; nothing unchecked escapes.
 *
 * <p>Thread-safe: stateless; each call reads on the calling thread.
 *
 * @see ImportFormat for the formats and their specifications
 */
public final class ExportImporter implements SourceLoader {
  private static final int SNIFF_BYTES = 4096;
  /** How much of a file {@link #recognizes} reads. */
  private static final int RECOGNIZE_BYTES = 64 * 1024;
  private final ImportOptions defaults;

  /** An importer that detects everything. */
  public ExportImporter() {
    this(ImportOptions.defaults());
  }

  /** An importer whose {@link SourceLoader} methods use {@code defaults} (a zone, a forced format). */
  public ExportImporter(ImportOptions defaults) {
    this.defaults = defaults;
  }

  /** The readers in detection order: the most specific shapes first, generic CSV last. */
  static List<FormatReader> readers() {
    List<FormatReader> all = new ArrayList<>(List.of(new PrometheusJsonReader(), new GraphiteJsonReader(),
        new RrdXportJsonReader(), new PdnsApiReader(), new RrdXportXmlReader(), new RrdFetchReader(), new GraphiteRawReader(),
        new UnboundStatsReader(), new PdnsGetAllReader(), new CarbonReader()));
    for (ImportFormat f : List.of(ImportFormat.GRAFANA_LEGACY_CSV, ImportFormat.GRAPHITE_CSV, ImportFormat.GRAFANA_WIDE_CSV,
        ImportFormat.CSV)) {
      all.add(new CsvReader(f));
    }
    return all;
  }

  /** Imports one export file. */
  public ImportResult importFile(Path file, ImportOptions options) throws ImportException {
    return importText(ExportText.read(file), options);
  }

  /** Imports text already in memory (pasted, or produced by a test) under {@code name}. */
  public ImportResult importText(String name, String text, ImportOptions options) throws ImportException {
    return importText(new ExportText(name, text, null), options);
  }

  /**
   * Imports paths as one source: a directory or several files are a sequence of statistics
   * snapshots (ordered by their times), one file is one export.
   */
  public ImportResult importPaths(List<Path> paths, ImportOptions options) throws ImportException {
    if (paths.isEmpty()) {
      throw new ImportException("no file to import");
    }
    if (paths.size() == 1 && !Files.isDirectory(paths.get(0))) {
      return importFile(paths.get(0), options);
    }
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new ImportException(p + ": no such file or directory");
      }
      files.addAll(Files.isDirectory(p) ? listFiles(p) : List.of(p));
    }
    return SnapshotSequence.importAll(files, options);
  }

  private static List<Path> listFiles(Path dir) throws ImportException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new ImportException(dir + ": cannot list: " + e.getMessage(), e);
    }
    // outside the try: an ImportException is an IOException, and was wrapped as "cannot list"
    if (files.isEmpty()) {
      throw new ImportException(dir + ": no files in the directory");
    }
    return files;
  }

  static ImportResult importText(ExportText text, ImportOptions options) throws ImportException {
    checkText(text);
    List<FormatAttempt> attempts = new ArrayList<>();
    for (FormatReader reader : readers()) {
      if (options.format() != null && reader.format() != options.format()) {
        continue;
      }
      String why = options.format() != null ? null : reader.rejection(text);
      if (why != null) {
        attempts.add(new FormatAttempt(reader.format(), why));
        continue;
      }
      ImportLog log = new ImportLog();
      try {
        List<RawSeries> raws = reader.read(text, options, log);
        String basis = options.format() != null ? "given by the user" : "detected from the content";
        return ImportResults.build(text.name(), List.of(text.name()), reader.format(), basis, raws, options, log, text.encodingNote());
      } catch (FormatReader.Unusable e) {
        throw new ImportException(text.name() + ": " + e.getMessage());
      } catch (FormatReader.NotThisFormat e) {
        attempts.add(new FormatAttempt(reader.format(), e.getMessage()));
      }
    }
    if (options.format() != null) {
      throw new ImportException(text.name() + ": not " + options.format().title() + ": " + attempts.get(0).reason());
    }
    throw new ImportException(text.name(), attempts);
  }

  static void checkText(ExportText text) throws ImportException {
    if (text.text().isBlank()) {
      throw new ImportException(text.name() + ": the file is empty");
    }
    String head = text.text().length() > SNIFF_BYTES ? text.text().substring(0, SNIFF_BYTES) : text.text();
    if (head.indexOf('\0') >= 0) {
      throw new ImportException(text.name() + ": a binary file, not a text export (a capture is opened as a source of its own)");
    }
  }

  @Override
  public boolean recognizes(Path path) {
    return rejection(path).isEmpty();
  }

  /**
   * Why {@code path} is no export this importer reads, judged from its first 64 KiB as {@link
   * #recognizes} does: empty when it is one; else the reason, with every format tried and why it
   * did not fit ({@link ImportException#attempts()}) when the file is text.
   */
  public Optional<ImportException> rejection(Path path) {
    if (Files.isDirectory(path)) {
      return Optional.empty();
    }
    try {
      ExportText text = ExportText.readHead(path, RECOGNIZE_BYTES);
      checkText(text);
      List<FormatAttempt> attempts = new ArrayList<>();
      for (FormatReader reader : readers()) {
        String why = reader.rejection(text);
        if (why == null) {
          return Optional.empty();
        }
        attempts.add(new FormatAttempt(reader.format(), why));
      }
      return Optional.of(new ImportException(text.name(), attempts));
    } catch (ImportException e) {
      return Optional.of(e);
    }
  }

  @Override
  public SeriesSet load(Path path) throws ImportException {
    return importPaths(List.of(path), defaults).series();
  }
}
