package org.dnsseismograph.ui.common;

import java.nio.file.Path;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Saving and opening workspaces, exporting the view and undoing edits: what the workspace and
 * export component provides to the window. Registered with {@code MainWindow#register(WorkspaceActions)};
 * until then File ▸ Save, Save as, Export and Edit ▸ Undo, Redo are not in the menus at all, and the
 * window opens workspace files itself (through {@link WorkspaceHost#showWorkspace}). Once
 * registered, every workspace file the analyst opens (File ▸ Open, recent files, drag and drop, the
 * command line) goes to {@link #openWorkspace}.
 *
 * <p>The window calls every method on the FX thread; long work (writing, rendering) belongs on a
 * {@link TaskRunner}. Failures are told through the {@link DialogService} in one line.
 */
public interface WorkspaceActions {

  /** File ▸ Save workspace: to the current workspace file, or as Save as when there is none. */
  void save();

  /** File ▸ Save workspace as…: asks for a file and saves there. */
  void saveAs();

  /** Opens the workspace in {@code file} (already recognised as one by its content). */
  void openWorkspace(Path file);

  /** File ▸ Export image…: the visible window (or a chosen range) as PNG or SVG. */
  void exportView();

  /** Edit ▸ Undo: the last annotation or workspace edit. */
  void undo();

  /** Edit ▸ Redo. */
  void redo();

  /** True while there is something to undo; Undo is disabled otherwise. */
  ObservableBooleanValue canUndo();

  /** True while there is something to redo; Redo is disabled otherwise. */
  ObservableBooleanValue canRedo();
}
