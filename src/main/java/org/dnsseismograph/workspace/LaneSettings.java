package org.dnsseismograph.workspace;

import java.util.Objects;

/**
 * How the analyst arranged one lane of the timeline: whether it is shown, and its height. A
 * workspace keeps these in display order. Immutable.
 *
 * @param key the lane's stable key (as {@code render.LanePlanner} names it, e.g. {@code capture.pcap/client.queries})
 * @param visible whether the lane is shown
 * @param height the lane's height weight in pixels at the default window size (positive)
 */
public record LaneSettings(String key, boolean visible, double height) {
  public LaneSettings {
    Objects.requireNonNull(key, "key");
    if (!(height > 0) || Double.isInfinite(height)) {
      throw new IllegalArgumentException("lane height must be positive, got " + height);
    }
  }
}
