package org.dnsseismograph.capture;

import java.util.List;
import org.dnsseismograph.series.EventSeriesWriter;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.Retention;

/**
 * One drop counter as an event series ({@code capture.dropped.kernel}, {@code
 * capture.dropped.queue}, ...): each increase of the cumulative count becomes that many events at
 * the time it was noticed, so the lane shows drops per second where they happened (to within one
 * statistics reading). Confined to the worker thread.
 */
final class DropSeries {
  private final EventSeriesWriter writer;
  private long seen;

  DropSeries(String name) {
    writer = new EventSeriesWriter(MetricId.of(name));
    writer.setImplicitCoverage(false);
  }

  /** The cumulative count is now {@code total}, noticed at {@code timeNanos}. */
  void update(long total, long timeNanos) {
    for (; seen < total; seen++) {
      writer.append(timeNanos);
    }
  }

  void observed(long startNanos, long endNanos) {
    writer.cover(startNanos, endNanos);
  }

  void applyRetention(Retention r) {
    writer.applyRetention(r);
  }

  void publish(List<ResolvableSeries> out) {
    out.add(writer.publish());
  }
}
