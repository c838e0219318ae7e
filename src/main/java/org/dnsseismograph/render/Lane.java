package org.dnsseismograph.render;

import java.util.List;
import java.util.Objects;
import org.dnsseismograph.series.Unit;
import org.dnsseismograph.workspace.ValueAxis;

/**
 * One horizontal band of the timeline: a stable key (kept in workspaces), a title, how it draws
 * and which series, in what unit its axis counts, and its default height. Immutable.
 *
 * @param key stable identity, e.g. {@code capture.pcap/client.rate}
 * @param title the words over the lane
 * @param kind how it draws
 * @param series what it draws, in drawing (and stacking) order; empty for the annotations lane
 * @param unit the unit of its value axis
 * @param defaultHeight height in logical pixels at the default window size
 * @param minHeight the least height it stays readable at
 * @param axis how its value axis maps values to heights; a log axis applies to {@link
 *     LaneKind#LINES} lanes only (stacked areas do not add up on one)
 */
public record Lane(String key, String title, LaneKind kind, List<LaneSeries> series, Unit unit, double defaultHeight, double minHeight,
    ValueAxis axis) {
  /** The key of the one annotations lane. */
  public static final String ANNOTATIONS_KEY = "annotations";

  public Lane {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(axis, "axis");
    series = List.copyOf(series);
    if (!(minHeight > 0) || defaultHeight < minHeight) {
      throw new IllegalArgumentException("lane heights must be positive with default >= min: " + defaultHeight + ", " + minHeight);
    }
  }

  /** A lane with a linear value axis. */
  public Lane(String key, String title, LaneKind kind, List<LaneSeries> series, Unit unit, double defaultHeight, double minHeight) {
    this(key, title, kind, series, unit, defaultHeight, minHeight, ValueAxis.LINEAR);
  }

  /** The annotations lane. */
  public static Lane annotations() {
    return new Lane(ANNOTATIONS_KEY, "Annotations", LaneKind.ANNOTATIONS, List.of(), Unit.NUMBER, 96, 40);
  }

  /** The same lane drawn another way (answers by rcode as stacked areas or as lines). */
  public Lane withKind(LaneKind k) {
    return new Lane(key, title, k, series, unit, defaultHeight, minHeight, axis);
  }

  /** The same lane on another value axis. */
  public Lane withAxis(ValueAxis a) {
    return new Lane(key, title, kind, series, unit, defaultHeight, minHeight, a);
  }

  /** Whether its values are drawn on a log axis: a lines lane whose axis is {@link ValueAxis#LOG}. */
  public boolean logAxis() {
    return kind == LaneKind.LINES && axis == ValueAxis.LOG;
  }
}
