package org.dnsseismograph.ui.sources;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import org.dnsseismograph.analysis.CaptureLoader;
import org.dnsseismograph.analysis.LoadRequest;
import org.dnsseismograph.analysis.LoadResult;
import org.dnsseismograph.analysis.LoadSnapshot;
import org.dnsseismograph.capture.DnstapFiles;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.imports.ExportImporter;
import org.dnsseismograph.imports.ImportOptions;
import org.dnsseismograph.imports.ImportResult;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.MessageFiles;
import org.dnsseismograph.workspace.ContentHash;

/**
 * The long work of opening sources, as plain functions on the calling thread (a background task in
 * the window, the test's thread in tests): hash the file, then read it — a capture through {@link
 * CaptureLoader} with its partial snapshots, an export through {@link ExportImporter}. Failures
 * come out as {@link IOException}s whose message {@link #reason} turns into one line for people.
 *
 * <p>Immutable and thread-safe.
 *
 * @param decode the DNS ports and reader bounds for captures
 * @param timeoutNanos how long a captured query waits for its response
 */
public record SourceLoads(DecodeOptions decode, long timeoutNanos) {
  /** Port 53 and a 3 s timeout, as the command line's defaults. */
  public static SourceLoads defaults() {
    return new SourceLoads(DecodeOptions.defaults(), 3_000_000_000L);
  }

  /** A loaded capture: the loader's result and the file's hash. */
  public record CaptureLoad(LoadResult result, String contentHash) {}

  /** An imported export: the importer's result and the file's hash (empty for a directory). */
  public record ExportLoad(ImportResult result, String contentHash) {}

  /**
   * Reads a capture, handing each published snapshot to {@code publish} on this thread.
   *
   * @throws IOException when it cannot be read or is no capture
   * @throws org.dnsseismograph.common.CancelledException when {@code progress} was cancelled
   */
  public CaptureLoad capture(List<Path> files, Progress progress, Consumer<LoadSnapshot> publish) throws IOException {
    return load(files, decode, progress, publish);
  }

  /**
   * Reads a resolver's dnstap log as a capture is read, handing each published snapshot to {@code
   * publish} on this thread.
   *
   * @throws IOException when it cannot be read or is no dnstap log
   * @throws org.dnsseismograph.common.CancelledException when {@code progress} was cancelled
   */
  public CaptureLoad dnstap(List<Path> files, Progress progress, Consumer<LoadSnapshot> publish) throws IOException {
    return load(files, decodeFor(SourceKind.DNSTAP), progress, publish);
  }

  /** How the files of a source of {@code kind} are read into DNS messages. */
  public DecodeOptions decodeFor(SourceKind kind) {
    return kind == SourceKind.DNSTAP ? decode.withMessages(DnstapFiles.INSTANCE) : decode;
  }

  /** How files of {@code kind} are read into DNS messages, or null for files that are not (exports, workspaces). */
  static MessageFiles messagesOf(SourceFiles.Kind kind) {
    return switch (kind) {
      case CAPTURE -> MessageFiles.CAPTURES;
      case DNSTAP -> DnstapFiles.INSTANCE;
      default -> null;
    };
  }

  private CaptureLoad load(List<Path> files, DecodeOptions options, Progress progress, Consumer<LoadSnapshot> publish) throws IOException {
    LoadResult r = new CaptureLoader(new LoadRequest(files, options, timeoutNanos)).load(progress, publish);
    progress.checkCancelled();
    // After the load, not before: a read of the whole file (1.1 s for 1 GB) no longer holds back the first lanes.
    return new CaptureLoad(r, ContentHash.of(files));
  }

  /**
   * Imports an export (local times read in {@code zone}, or as the importer decides when null).
   *
   * @throws IOException when it cannot be read or is in no known format
   */
  public ExportLoad export(Path file, ZoneId zone, Progress progress) throws IOException {
    String hash = Files.isDirectory(file) ? "" : ContentHash.of(file);
    progress.checkCancelled();
    ImportOptions options = zone == null ? ImportOptions.defaults() : ImportOptions.defaults().withZone(zone);
    ImportResult r = new ExportImporter().importPaths(List.of(file), options);
    return new ExportLoad(r, hash);
  }

  /** One line for people, naming the file, for any failure of a load; never a stack trace. */
  public static String reason(Path file, Throwable e) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    if (e instanceof NoSuchFileException) {
      return name + ": no such file";
    }
    if (e instanceof AccessDeniedException) {
      return name + ": not readable (permission denied)";
    }
    if (e instanceof OutOfMemoryError) {
      return name + ": too large for the memory this program may use (start it with a larger -Xmx)";
    }
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      return name + ": " + e.getClass().getSimpleName();
    }
    String line = m.lines().findFirst().orElse(m).strip();
    return line.contains(name) ? line : name + ": " + line;
  }
}
