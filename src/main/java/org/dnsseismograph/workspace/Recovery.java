package org.dnsseismograph.workspace;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A recovery copy of a session that did not end cleanly: the workspace as it was at the last
 * autosave (sources with absolute paths), the file it belongs to, and when it was written.
 * Immutable.
 *
 * @param file the recovery file itself
 * @param workspaceFile the workspace file the session was editing, or null for an unsaved one
 * @param writtenAt when the copy was written (wall clock)
 * @param workspace the state to restore
 */
public record Recovery(Path file, Path workspaceFile, Instant writtenAt, Workspace workspace) {
  public Recovery {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(writtenAt, "writtenAt");
    Objects.requireNonNull(workspace, "workspace");
  }

  /** "unsaved edits of incident.seismograph.json from 2026-11-25T19:10:02Z", for the restore question. */
  public String describe() {
    String of = workspaceFile == null ? "an untitled workspace" : workspaceFile.getFileName().toString();
    return workspace.annotations().size() + " annotations, unsaved edits of " + of + " from " + writtenAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }
}
