package org.dnsseismograph.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BucketSamplerTest {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;
  private static final long T0 = 1_264_982_400L * S;

  @Test
  void bucketsAreAlignedToUtcStepMultiplesAndCountEvents() {
    EventSeries s = EventSeries.of(MetricId.of("client.queries"), new TimeRange(T0, T0 + 10 * S),
        T0 + 1500 * MS, T0 + 1999 * MS, T0 + 2 * S, T0 + 9 * S + 999 * MS);

    List<Bucket> buckets = BucketSampler.sample(s, new TimeRange(T0 + 1200 * MS, T0 + 3100 * MS), S);

    assertEquals(3, buckets.size());
    assertEquals(T0 + S, buckets.get(0).startNanos());
    assertEquals(T0 + 4 * S, buckets.get(2).endNanos());
    assertEquals(2, buckets.get(0).count(), 0.0);
    assertEquals(2.0, buckets.get(0).value(), 0.0);
    assertEquals(10.0, buckets.get(0).max(), 0.0, "at most one event in any 100 ms bin of that second");
    assertEquals(1, buckets.get(1).count(), 0.0);
    assertEquals(0, buckets.get(2).count(), 0.0);
    assertEquals(0.0, buckets.get(2).value(), 0.0);
  }

  @Test
  void bucketsOutsideTheDataAreGaps() {
    SampleSeriesWriter w = new SampleSeriesWriter(MetricId.of("isp.rate"), Unit.PER_SECOND, 60 * S, LabelConvention.END, Consolidation.AVERAGE);
    w.add(T0 + 60 * S, 3.0);
    w.add(T0 + 180 * S, 5.0);

    List<Bucket> buckets = BucketSampler.sample(w.publish(), new TimeRange(T0, T0 + 240 * S), 60 * S);

    assertEquals(3.0, buckets.get(0).value(), 0.0);
    assertTrue(buckets.get(1).isGap());
    assertEquals(5.0, buckets.get(2).value(), 0.0);
    assertTrue(buckets.get(3).isGap());
  }

  @Test
  void absurdBucketCountsAreRefused() {
    EventSeries s = EventSeries.empty(MetricId.of("x"));
    assertThrows(IllegalArgumentException.class, () -> BucketSampler.sample(s, new TimeRange(0, 86_400 * S), 1000));
    assertThrows(IllegalArgumentException.class, () -> BucketSampler.sample(s, new TimeRange(0, S), 0));
  }
}
