package org.dnsseismograph.ui.annotations;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Undo and redo of annotation edits from the keyboard, for a scene without a menu bar (the
 * annotation views mounted on their own): Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (Cmd on a
 * Mac). A window whose Edit menu carries these accelerators must not install them again, or each
 * key would undo twice. FX thread only.
 */
public final class EditKeys {
  public static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
  public static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
  public static final KeyCombination REDO_ALT = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);

  private EditKeys() {}

  /** Adds the accelerators to {@code scene}. */
  public static void install(Scene scene, AnnotationsViewModel vm) {
    scene.getAccelerators().put(UNDO, vm::undo);
    scene.getAccelerators().put(REDO, vm::redo);
    scene.getAccelerators().put(REDO_ALT, vm::redo);
  }
}
