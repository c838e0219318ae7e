package org.dnsseismograph.render;

import java.util.List;
import java.util.Objects;
import org.dnsseismograph.series.Unit;

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
 */
public record Lane(String key, String title, LaneKind kind, List<LaneSeries> series, Unit unit, double defaultHeight, double minHeight) {
  /** The key of the one annotations lane. */
  public static final String ANNOTATIONS_KEY = "annotations";

  public Lane {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(unit, "unit");
    series = List.copyOf(series);
    if (!(minHeight > 0) || defaultHeight < minHeight) {
      throw new IllegalArgumentException("lane heights must be positive with default >= min: " + defaultHeight + ", " + minHeight);
    }
  }

  /** The annotations lane. */
  public static Lane annotations() {
    return new Lane(ANNOTATIONS_KEY, "Annotations", LaneKind.ANNOTATIONS, List.of(), Unit.NUMBER, 96, 40);
  }

  /** The same lane drawn another way (answers by rcode as stacked areas or as lines). */
  public Lane withKind(LaneKind k) {
    return new Lane(key, title, k, series, unit, defaultHeight, minHeight);
  }
}
