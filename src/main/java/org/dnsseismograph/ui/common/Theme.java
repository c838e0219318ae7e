package org.dnsseismograph.ui.common;

import java.util.List;

/**
 * The window's colour themes: each is the shared {@code window.css} followed by its own colours,
 * stylesheets under the assets' {@code styles/} directory, applied to the whole scene and to dialogs. The timeline's plot keeps the one light palette of the
 * screen and the exports ({@code render.Palette.STANDARD}) in both themes. Immutable.
 */
public enum Theme {
  LIGHT("light.css"),
  DARK("dark.css");

  private final String stylesheet;

  Theme(String stylesheet) {
    this.stylesheet = stylesheet;
  }

  /** The stylesheets' file names under {@code assets/styles/}, in the order they apply. */
  public List<String> stylesheets() {
    return List.of("window.css", stylesheet);
  }

  /** The theme named {@code name} (case-insensitive), or LIGHT for anything else. */
  public static Theme parse(String name) {
    for (Theme t : values()) {
      if (t.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
        return t;
      }
    }
    return LIGHT;
  }
}
