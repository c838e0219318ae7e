package org.dnsseismograph.analysis;

import java.util.HashMap;
import java.util.Map;
import org.dnsseismograph.series.ColumnBuffer;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;

/**
 * The detection grid read from multi-resolution series: each count the detectors need, reduced to
 * columns of the step {@code seismograph detect} would use ({@link CaptureDetect#stepFor}: 100 ms,
 * coarser for a capture spanning more than {@value CaptureDetect#MAX_BUCKETS} buckets of it) over
 * the capture (exact counts while the series keep exact detail, as the loader's do). Stateless.
 */
final class SeriesGrid {
  private SeriesGrid() {}

  /** The grid of {@link HealthDetector#GRID_METRICS} from {@code series}, over {@code [first, last]}. */
  static CountGrid of(SeriesSet series, long firstNanos, long lastNanos) {
    long step = CaptureDetect.stepFor(firstNanos, lastNanos);
    long origin = Math.floorDiv(firstNanos, step) * step;
    int buckets = lastNanos < firstNanos ? 0 : (int) (Math.floorDiv(lastNanos, step) + 1 - Math.floorDiv(firstNanos, step));
    Map<MetricId, double[]> counts = new HashMap<>();
    if (buckets == 0) {
      return new CountGrid(origin, step, 0, counts);
    }
    TimeRange range = new TimeRange(origin, origin + buckets * step);
    ColumnBuffer out = new ColumnBuffer(buckets);
    for (String name : HealthDetector.GRID_METRICS) {
      ResolvableSeries s = series.get(MetricId.of(name));
      if (s == null || s.isEmpty()) {
        continue;
      }
      s.reduce(range, buckets, out);
      double[] c = new double[buckets];
      for (int i = 0; i < buckets; i++) {
        c[i] = out.count(i);
      }
      counts.put(MetricId.of(name), c);
    }
    return new CountGrid(origin, step, buckets, counts);
  }
}
