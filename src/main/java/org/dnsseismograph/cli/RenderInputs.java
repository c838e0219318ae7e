package org.dnsseismograph.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.analysis.HealthReport;
import org.dnsseismograph.analysis.LoadResult;
import org.dnsseismograph.imports.ExportImporter;
import org.dnsseismograph.imports.ImportOptions;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.wire.RotatedCaptures;
import org.dnsseismograph.workspace.ContentHash;
import org.dnsseismograph.workspace.SourceCheck;
import org.dnsseismograph.workspace.SourceRef;
import org.dnsseismograph.workspace.SourceVerifier;
import org.dnsseismograph.workspace.Workspace;
import org.dnsseismograph.workspace.WorkspaceFormatException;
import org.dnsseismograph.workspace.WorkspaceJson;

/**
 * What the drawing verbs read: a saved workspace with its sources (found again by path and content
 * hash; a missing or changed source is refused, since the picture's footer vouches for the
 * content), or a list of files, each its own source (captures recognised by content, everything
 * else imported as an operator's export), hashed for the footer. Reading runs on the calling
 * thread and is timed, so the verbs can say what took the time.
 */
final class RenderInputs {
  /**
   * Sources read and ready to draw.
   *
   * @param workspace the workspace (for files: made up with their names, paths and hashes)
   * @param workspaceFile the workspace file, or null for files
   * @param series one set per loaded source, named as in the workspace
   * @param readNanos wall time spent reading the sources, hashing included
   * @param hashNanos of that, the time spent hashing them (the footer's content hashes)
   * @param health for each set, what the detectors found while the capture loaded (as {@code
   *     detect} reports it); null for an export
   */
  record Loaded(Workspace workspace, Path workspaceFile, List<SeriesSet> series, long readNanos, long hashNanos, List<HealthReport> health) {

    /** For each set, whether it is an operator's export (else a capture). */
    List<Boolean> exports() {
      return health.stream().map(h -> h == null).toList();
    }
  }

  /** One source read: its series, and for a capture what the detectors found. */
  private record Read(SeriesSet series, HealthReport health) {}

  private RenderInputs() {}

  /** True for one file that is a workspace (its first bytes name the workspace format). */
  static boolean isWorkspace(List<Path> inputs) {
    if (inputs.size() != 1 || !Files.isRegularFile(inputs.get(0))) {
      return false;
    }
    try (InputStream in = Files.newInputStream(inputs.get(0))) {
      String head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
      return head.contains("\"" + WorkspaceJson.FORMAT + "\"");
    } catch (IOException e) {
      return false;
    }
  }

  /** Reads {@code file} as a workspace (exit 1 when it is no readable workspace). */
  static Workspace readWorkspace(Path file) {
    InputErrors.requireReadable(List.of(file));
    try {
      return WorkspaceJson.load(file);
    } catch (WorkspaceFormatException e) {
      throw new InputFailure(e.getMessage());
    } catch (IOException e) {
      throw InputErrors.describe(e);
    }
  }

  /** The workspace in {@code file} with every source found and loaded. */
  static Loaded workspace(Path file, CaptureOptions capture) {
    Workspace w = readWorkspace(file);
    long t0 = System.nanoTime();
    long hashing = 0;
    List<SeriesSet> sets = new ArrayList<>();
    List<SourceRef> read = new ArrayList<>();
    List<HealthReport> health = new ArrayList<>();
    for (SourceRef s : w.sources()) {
      long h0 = System.nanoTime();
      SourceCheck c = SourceVerifier.check(s, file);
      hashing += System.nanoTime() - h0;
      if (c.status().needsAnswer()) {
        throw new InputFailure(file.getFileName() + ": source " + c.describe() + "; open the workspace in the window to locate it");
      }
      Read r = load(s.files(c.file()), s.name(), s.timeZone(), capture);
      sets.add(r.series());
      health.add(r.health());
      // A workspace saved without hashes (the bundled demo's) still gets a footer naming the bytes drawn.
      read.add(s.contentHash().isEmpty() ? s.withContentHash(c.actualHash()) : s);
    }
    return new Loaded(w.withSources(read), file, sets, System.nanoTime() - t0, hashing, health);
  }

  /**
   * Each of {@code files} as its own source, named by its file name, with its content hash; the
   * pieces of a rotated capture among them as one source, named by its first file and their count
   * ({@code dnscap.0800.pcap +59}), as the window opens them.
   */
  static Loaded files(List<Path> given, CaptureOptions capture, String title) {
    List<Path> files = InputErrors.withCaptureDirectoriesOpened(given);
    InputErrors.requireReadable(files);
    long t0 = System.nanoTime();
    long hashing = 0;
    List<SeriesSet> sets = new ArrayList<>();
    List<SourceRef> refs = new ArrayList<>();
    List<HealthReport> health = new ArrayList<>();
    List<List<Path>> sources;
    try {
      sources = RotatedCaptures.group(files, CaptureSourceLoader::messagesOf);
    } catch (IOException e) {
      throw InputErrors.describe(e);
    }
    for (List<Path> group : sources) {
      String name = RotatedCaptures.name(group);
      if (refs.stream().anyMatch(r -> r.name().equals(name))) {
        throw new IllegalArgumentException("two inputs are named " + name + "; sources are told apart by file name");
      }
      Read r = load(group, name, "", capture);
      sets.add(r.series());
      health.add(r.health());
      long h0 = System.nanoTime();
      try {
        List<Path> abs = group.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        refs.add(SourceRef.ofFiles(name, abs, ContentHash.of(abs), 0, ""));
      } catch (IOException e) {
        throw InputErrors.describe(e);
      }
      hashing += System.nanoTime() - h0;
    }
    Workspace w = Workspace.empty().withTitle(title).withSources(refs);
    return new Loaded(w, null, sets, System.nanoTime() - t0, hashing, health);
  }

  /** A source of one file, or a capture of several read as one. */
  private static Read load(List<Path> files, String name, String zone, CaptureOptions capture) {
    Path f = files.get(0);
    try {
      if (CaptureSourceLoader.readsMessages(f)) {
        LoadResult r = new CaptureSourceLoader(capture.decodeOptions(), capture.timeoutNanos()).loadResult(files);
        return new Read(new SeriesSet(name, r.snapshot().series().series()), r.health());
      }
      return new Read(new SeriesSet(name, new ExportImporter(importOptions(zone)).load(f).series()), null);
    } catch (IOException e) {
      throw InputErrors.describe(e);
    }
  }

  private static ImportOptions importOptions(String zone) {
    if (zone.isEmpty()) {
      return ImportOptions.defaults();
    }
    try {
      return ImportOptions.defaults().withZone(ZoneId.of(zone));
    } catch (DateTimeException e) {
      throw new InputFailure("the workspace gives the unknown time zone '" + zone + "'");
    }
  }
}
