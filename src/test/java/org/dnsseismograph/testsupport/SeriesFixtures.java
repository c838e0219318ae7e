package org.dnsseismograph.testsupport;

import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.EventSeriesWriter;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SeriesSet;

/** Small series sets for tests of lane planning: made from first principles, not from captures. */
public final class SeriesFixtures {
  /** An instant in 2026 (epoch ns) the fixtures' events start at. */
  public static final long T0 = 1_795_000_000L * 1_000_000_000L;

  private SeriesFixtures() {}

  /** A source named {@code name} with 50 events, at T0 + k ms, for each metric named. */
  public static SeriesSet source(String name, String... metrics) {
    List<EventSeries> series = new ArrayList<>();
    for (String m : metrics) {
      EventSeriesWriter w = new EventSeriesWriter(MetricId.of(m));
      for (int k = 0; k < 50; k++) {
        w.append(T0 + k * 1_000_000L);
      }
      series.add(w.sealAll());
    }
    return SeriesSet.of(name, series);
  }
}
