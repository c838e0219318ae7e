package org.dnsseismograph.ui.sources;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.dnsseismograph.capture.DnstapFiles;
import org.dnsseismograph.imports.ExportImporter;
import org.dnsseismograph.imports.FormatAttempt;
import org.dnsseismograph.imports.ImportException;
import org.dnsseismograph.wire.CaptureFiles;
import org.dnsseismograph.workspace.WorkspaceJson;

/**
 * Tells what a file the analyst opens is, by its content and never by its name: a workspace (JSON
 * that names the workspace format), a capture (pcap, pcapng, gzip'd), a resolver's dnstap log, or an export the importer
 * recognises (a directory is a sequence of statistics snapshots). Reads at most the first 64 KiB
 * (the capture readers their headers). Stateless; call it off the FX thread.
 */
public final class SourceFiles {
  private static final int HEAD_BYTES = 64 * 1024;
  /** Enough to tell JSON from anything else. */
  private static final int FIRST_BYTES = 4 * 1024;

  /** What a file is. */
  public enum Kind {
    WORKSPACE,
    CAPTURE,
    /** A resolver's dnstap log (Frame Streams). */
    DNSTAP,
    EXPORT,
    /** Missing, unreadable, or none of the above: {@link Recognised#reason()} says which. */
    UNKNOWN
  }

  /**
   * A file and what it is. Immutable.
   *
   * @param reason why it is UNKNOWN, in one line; empty otherwise
   * @param detail for a text file that is no known export, each format tried and why it did not
   *     fit ({@code csv: no column of numbers besides the time}); else empty
   */
  public record Recognised(Path path, Kind kind, String reason, List<String> detail) {
    public Recognised {
      detail = List.copyOf(detail);
    }

    public Recognised(Path path, Kind kind, String reason) {
      this(path, kind, reason, List.of());
    }
  }

  private SourceFiles() {}

  public static Recognised recognise(Path path) {
    if (!Files.exists(path)) {
      return new Recognised(path, Kind.UNKNOWN, path.getFileName() + ": no such file");
    }
    if (Files.isDirectory(path)) {
      return new Recognised(path, Kind.EXPORT, "");
    }
    if (!Files.isReadable(path)) {
      return new Recognised(path, Kind.UNKNOWN, path.getFileName() + ": not readable (permission denied)");
    }
    try {
      if (isWorkspace(path)) {
        return new Recognised(path, Kind.WORKSPACE, "");
      }
      if (CaptureFiles.isCapture(path)) {
        return new Recognised(path, Kind.CAPTURE, "");
      }
      if (DnstapFiles.isDnstap(path)) {
        return new Recognised(path, Kind.DNSTAP, "");
      }
    } catch (IOException e) {
      return new Recognised(path, Kind.UNKNOWN, path.getFileName() + ": cannot read: " + e.getMessage());
    }
    Optional<ImportException> notAnExport = new ExportImporter().rejection(path);
    if (notAnExport.isEmpty()) {
      return new Recognised(path, Kind.EXPORT, "");
    }
    return new Recognised(path, Kind.UNKNOWN, path.getFileName()
        + ": neither a capture (pcap, pcapng, gzip) nor a dnstap log nor a workspace nor an export in a known format",
        notAnExport.get().attempts().stream().map(FormatAttempt::toString).toList());
  }

  /** JSON whose first 64 KiB name the workspace format. */
  static boolean isWorkspace(Path path) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(path)) {
      byte[] first = in.readNBytes(FIRST_BYTES);
      // A capture or a table says so in its first bytes: a day of rotated files is read no further.
      String start = jsonText(first);
      if (!start.isEmpty() && !start.startsWith("{")) {
        return false;
      }
      byte[] rest = in.readNBytes(HEAD_BYTES - first.length);
      head = Arrays.copyOf(first, first.length + rest.length);
      System.arraycopy(rest, 0, head, first.length, rest.length);
    }
    String text = jsonText(head);
    return text.startsWith("{") && text.contains("\"" + WorkspaceJson.FORMAT + "\"");
  }

  /** The bytes as text, without a byte order mark and the white space before the first value. */
  private static String jsonText(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8).stripLeading();
    return text.startsWith("\uFEFF") ? text.substring(1).stripLeading() : text;
  }
}
