package org.dnsseismograph.workspace;

import java.util.Locale;

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
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The axis a workspace names.
   *
   * @throws IllegalArgumentException for any other word
   */
  public static ValueAxis ofWord(String word) {
    for (ValueAxis a : values()) {
      if (a.word().equals(word)) {
        return a;
      }
    }
    throw new IllegalArgumentException("value axis must be linear or log, got " + word);
  }
}
