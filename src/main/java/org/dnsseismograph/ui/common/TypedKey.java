package org.dnsseismograph.ui.common;

import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * A menu item's key that is handled as a typed character elsewhere ({@code +} and {@code −}, which
 * sit on different keys in different keyboard layouts): shown beside the item like any shortcut,
 * it matches no key press, so the action never runs twice for one key. Immutable.
 */
final class TypedKey extends KeyCombination {
  private final String shown;

  TypedKey(String shown) {
    this.shown = shown;
  }

  @Override
  public boolean match(KeyEvent event) {
    return false;
  }

  @Override
  public String getDisplayText() {
    return shown;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TypedKey k && k.shown.equals(shown);
  }

  @Override
  public int hashCode() {
    return shown.hashCode();
  }
}
