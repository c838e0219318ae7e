package org.dnsseismograph.ui.annotations;

import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.render.LanePlan;
import org.dnsseismograph.render.LanePlanner;
import org.dnsseismograph.render.Palette;
import org.dnsseismograph.series.EventSeriesWriter;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.ui.timeline.TimelineViewModel;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationKind;

/** Ten minutes of queries, five a second, and the annotations a detector would propose over them. */
final class Incident {
  static final long MS = 1_000_000L;
  static final long S = 1_000_000_000L;
  static final long T0 = 1_795_633_705_000_000_000L;
  static final TimeRange WHOLE = new TimeRange(T0, T0 + 600 * S);

  private Incident() {}

  static SeriesSet capture() {
    EventSeriesWriter q = new EventSeriesWriter(MetricId.of("client.queries"));
    EventSeriesWriter r = new EventSeriesWriter(MetricId.of("client.responses"));
    List<Long> t = new ArrayList<>();
    for (long k = 0; k < 5 * 600; k++) {
      t.add(T0 + k * 200 * MS + 100 * MS);
    }
    t.forEach(x -> {
      q.append(x);
      r.append(x + 5 * MS);
    });
    return SeriesSet.of("cap", List.of(q.sealAll(), r.sealAll()));
  }

  static LanePlan plan() {
    return new LanePlanner(Palette.STANDARD).plan(List.of(capture()));
  }

  /** A timeline over the ten minutes, reducing on the calling thread. */
  static TimelineViewModel timeline() {
    return new TimelineViewModel(plan(), WHOLE, Runnable::run);
  }

  static Annotation proposedOutage() {
    return Annotation.proposed(AnnotationKind.OUTAGE, new TimeRange(T0 + 200 * S + 123_456_789, T0 + 220 * S), "example.test dark",
        "3 of 3 servers silent", "example.test.", List.of("127.0.0.21", "127.0.0.22"), "OutageDetector");
  }

  static Annotation proposedSpike() {
    return Annotation.proposed(AnnotationKind.SPIKE, new TimeRange(T0 + 201 * S, T0 + 203 * S), "client retries", "x12 over baseline", "",
        List.of(), "SpikeDetector");
  }
}
