package org.dnsseismograph.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.dnsseismograph.capture.DnstapFiles;
import org.dnsseismograph.wire.CaptureFiles;
import org.dnsseismograph.wire.NotACaptureException;

/** Turns I/O failures into DESIGN.md's one-line reasons naming the file. */
final class InputErrors {
  private InputErrors() {}

  /** The files, a folder of captures or of dnstap logs (a rotated recording's pieces) replaced by its files, as the window opens one. */
  static List<Path> withCaptureDirectoriesOpened(List<Path> files) {
    return files.stream().flatMap(f -> CaptureFiles.filesOf(f, DnstapFiles.KINDS).stream()).toList();
  }

  /** Fails early, before any work, for files that are missing, directories or unreadable. */
  static void requireReadable(List<java.nio.file.Path> files) {
    for (Path f : files) {
      if (!Files.exists(f)) {
        throw new InputFailure(f, "no such file");
      }
      if (Files.isDirectory(f)) {
        throw new InputFailure(f, "is a directory, and not of captures only");
      }
      if (!Files.isReadable(f)) {
        throw new InputFailure(f, "not readable (permission denied)");
      }
    }
  }

  /** As {@link #requireReadable} but a directory is fine: {@code open} reads one as a snapshot sequence. */
  static void requireOpenable(List<Path> files) {
    for (Path f : files) {
      if (!Files.exists(f)) {
        throw new InputFailure(f, "no such file");
      }
      if (!Files.isReadable(f)) {
        throw new InputFailure(f, "not readable (permission denied)");
      }
    }
  }

  static InputFailure describe(IOException e) {
    if (e instanceof NotACaptureException n) {
      return new InputFailure(n.getMessage());
    }
    if (e instanceof NoSuchFileException n) {
      return new InputFailure(Path.of(n.getFile()), "no such file");
    }
    if (e instanceof AccessDeniedException a) {
      return new InputFailure(Path.of(a.getFile()), "not readable (permission denied)");
    }
    String m = e.getMessage();
    return new InputFailure("cannot read input: " + (m == null ? e.getClass().getSimpleName() : m));
  }
}
