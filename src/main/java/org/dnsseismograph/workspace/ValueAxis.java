package org.dnsseismograph.workspace;

/**
 * How a lane's value axis maps values to heights. Latency spans decades (a cached answer in a tenth
 * of a millisecond, a timeout at seconds), so on a linear axis the normal values of a lane that holds
 * one outage lie flat on its floor; a log axis gives each decade the same height.
 */
public enum ValueAxis {
  LINEAR,
  LOG;

  /** The word a workspace saves: {@code linear} or {@code log}. */
  public String word() {
    return SavedWords.of(this);
  }

  /**
   * The axis a workspace names.
   *
   * @throws IllegalArgumentException for any other word
   */
  public static ValueAxis ofWord(String word) {
    return SavedWords.parse(ValueAxis.class, word, "value axis");
  }
}
