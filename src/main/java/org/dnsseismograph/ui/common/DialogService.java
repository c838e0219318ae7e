package org.dnsseismograph.ui.common;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything the window asks or tells the analyst in a dialog, so view models and controllers never
 * build one themselves and tests can drive the window without modal windows. {@link
 * FxDialogService} is the JavaFX implementation.
 *
 * <p>FX thread only. Messages are one line or a few short lines for people; never a stack trace.
 */
public interface DialogService {

  /** Tells the analyst that something failed, with the one-line reason; does not block. */
  void showError(String title, String reason);

  /** Shows prose to read (about), wrapped to the dialog's width; does not block. */
  void showText(String title, String header, String text);

  /**
   * Shows a text laid out in columns with spaces (the keyboard shortcuts), in a font whose
   * characters are all one width and as wide as its longest line; does not block.
   */
  void showColumns(String title, String header, String text);

  /**
   * Asks for files to open (captures, exports, workspaces), starting in {@code startDir} when it is
   * a directory.
   *
   * @return the chosen files; empty when the analyst cancelled
   */
  List<Path> chooseFilesToOpen(String title, Path startDir);

  /**
   * Asks for a folder to open (a rotated capture's pieces, or a sequence of statistics snapshots),
   * starting in {@code startDir} when it is a directory.
   *
   * @return the chosen folder; null when the analyst cancelled
   */
  Path chooseFolderToOpen(String title, Path startDir);
}
