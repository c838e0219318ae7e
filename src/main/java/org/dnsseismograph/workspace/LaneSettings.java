package org.dnsseismograph.workspace;

import java.util.Objects;

/**
 * How the analyst arranged one lane of the timeline: whether it is shown, its height, its value
 * axis and how it draws its series. A workspace keeps these in display order. Immutable.
 *
 * @param key the lane's stable key (as {@code render.LanePlanner} names it, e.g. {@code capture.pcap/client.queries})
 * @param visible whether the lane is shown
 * @param height the lane's height weight in pixels at the default window size (positive)
 * @param axis the lane's value axis, or null for the lane's own default (workspaces saved before
 *     axes could be chosen)
 * @param style lines or stacked areas, or null for the lane's own (a heat lane, an older workspace)
 */
public record LaneSettings(String key, boolean visible, double height, ValueAxis axis, LaneStyle style) {
  public LaneSettings {
    Objects.requireNonNull(key, "key");
    if (!(height > 0) || Double.isInfinite(height)) {
      throw new IllegalArgumentException("lane height must be positive, got " + height);
    }
  }

  /** Settings that leave the value axis and the style to the lane's own. */
  public LaneSettings(String key, boolean visible, double height) {
    this(key, visible, height, null, null);
  }
}
