package org.dnsseismograph.workspace;

/** How a lane of several series draws them, as a workspace saves it: as lines, or stacked as areas. */
public enum LaneStyle {
  LINES,
  STACKED;

  /** The word a workspace saves: {@code lines} or {@code stacked}. */
  public String word() {
    return SavedWords.of(this);
  }

  /**
   * The style a workspace names.
   *
   * @throws IllegalArgumentException for any other word
   */
  public static LaneStyle ofWord(String word) {
    return SavedWords.parse(LaneStyle.class, word, "lane style");
  }
}
