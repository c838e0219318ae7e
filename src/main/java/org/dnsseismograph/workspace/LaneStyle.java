package org.dnsseismograph.workspace;

import java.util.Locale;

/** How a lane of several series draws them, as a workspace saves it: as lines, or stacked as areas. */
public enum LaneStyle {
  LINES,
  STACKED;

  /** The word a workspace saves: {@code lines} or {@code stacked}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The style a workspace names.
   *
   * @throws IllegalArgumentException for any other word
   */
  public static LaneStyle ofWord(String word) {
    for (LaneStyle s : values()) {
      if (s.word().equals(word)) {
        return s;
      }
    }
    throw new IllegalArgumentException("lane style must be lines or stacked, got " + word);
  }
}
