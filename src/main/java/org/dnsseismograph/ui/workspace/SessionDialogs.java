package org.dnsseismograph.ui.workspace;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.dnsseismograph.workspace.Recovery;
import org.dnsseismograph.workspace.SourceCheck;

/**
 * The questions a workspace session asks the analyst, each answered through a future completed on
 * the FX thread (never a nested event loop), so the session's logic is the same whether a person,
 * the window's dialog service or a test answers. Called on the FX thread.
 */
public interface SessionDialogs {

  /** What to do about unsaved changes before they would be lost. */
  enum Unsaved {
    SAVE,
    DISCARD,
    CANCEL
  }

  /**
   * The answer about a source that moved or changed.
   *
   * @param file where it is now (when located), else null
   */
  record SourceAnswer(Path file) {
    /** Go on without it: it stays in the workspace, marked missing. */
    public static SourceAnswer markMissing() {
      return new SourceAnswer(null);
    }

    public static SourceAnswer locatedAt(Path file) {
      return new SourceAnswer(file);
    }

    public boolean located() {
      return file != null;
    }
  }

  /** A workspace file to open, or empty when the analyst cancelled. */
  CompletableFuture<Optional<Path>> chooseWorkspaceToOpen();

  /** Where to save, or empty; {@code suggested} is the current file or a name for an untitled one. */
  CompletableFuture<Optional<Path>> chooseWorkspaceToSave(Path suggested);

  /** Whether to restore the edits a session that did not end cleanly left in {@code r}. */
  CompletableFuture<Boolean> offerRecovery(Recovery r);

  /** Where a source is that is not where (or not what) the workspace recorded. */
  CompletableFuture<SourceAnswer> locateSource(SourceCheck check);

  /** Whether to save the changes to {@code name} before they would be lost. */
  CompletableFuture<Unsaved> confirmUnsaved(String name);

  /** Tells the analyst that something failed (one line). */
  void showError(String message);
}
