package org.dnsseismograph.series;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The series one source provides — a capture, an imported export, a live stream — by metric, in
 * the order the source defines them. What views, exports and aligners read from a source. Immutable
 * (the series themselves are immutable snapshots).
 *
 * @param sourceName a short name for legends ("capture.pcap", "unbound-stats.txt")
 * @param series the series by metric id, iteration order kept
 */
public record SeriesSet(String sourceName, Map<MetricId, ResolvableSeries> series) {
  public SeriesSet {
    Objects.requireNonNull(sourceName, "sourceName");
    series = Collections.unmodifiableMap(new LinkedHashMap<>(series));
  }

  /** A set from a list, keyed by each series' own id. */
  public static SeriesSet of(String sourceName, List<? extends ResolvableSeries> list) {
    Map<MetricId, ResolvableSeries> map = new LinkedHashMap<>();
    for (ResolvableSeries s : list) {
      map.put(s.id(), s);
    }
    return new SeriesSet(sourceName, map);
  }

  public ResolvableSeries get(MetricId id) {
    return series.get(id);
  }

  public List<MetricId> ids() {
    return List.copyOf(series.keySet());
  }

  /** The union of the series' extents, or null when the set holds no data. */
  public TimeRange extent() {
    TimeRange all = null;
    for (ResolvableSeries s : series.values()) {
      if (!s.isEmpty()) {
        all = all == null ? s.extent() : all.union(s.extent());
      }
    }
    return all;
  }

  /** The same set seen through a clock offset (no copying). */
  public SeriesSet shifted(long offsetNanos) {
    if (offsetNanos == 0) {
      return this;
    }
    Map<MetricId, ResolvableSeries> map = new LinkedHashMap<>();
    series.forEach((id, s) -> map.put(id, s.shifted(offsetNanos)));
    return new SeriesSet(sourceName, map);
  }
}
