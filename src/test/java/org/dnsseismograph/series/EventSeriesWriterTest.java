package org.dnsseismograph.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EventSeriesWriterTest {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;
  private static final long T0 = 1_264_982_400L * S;
  private static final MetricId UNANSWERED = MetricId.of("client.unanswered");

  @Test
  void eventsWithinTheLatenessAllowanceAreCountedAndLaterOnesTallied() {
    EventSeriesWriter w = new EventSeriesWriter(UNANSWERED, 5 * S);
    w.append(T0 + 100 * S);
    w.append(T0 + 96 * S);
    w.append(T0 + 130 * S);
    w.append(T0 + 124 * S);
    w.append(T0 + 101 * S);
    EventSeries s = w.sealAll();

    assertEquals(4, s.events());
    assertEquals(1, s.lateDropped(), "101 s arrived when 130 s was newest: chunk [100, 110) was sealed at 125 s");
    assertEquals(4, s.countIn(new TimeRange(T0, T0 + 200 * S)), 0.0);
  }

  @Test
  void snapshotsDoNotChangeWhileTheWriterGoesOn() {
    EventSeriesWriter w = new EventSeriesWriter(UNANSWERED);
    for (int i = 0; i < 1000; i++) {
      w.append(T0 + i * 10 * MS);
    }
    EventSeries before = w.publish();
    ColumnBuffer a = new ColumnBuffer();
    before.reduce(new TimeRange(T0, T0 + 60 * S), 600, a);
    double[] first = values(a);
    for (int i = 0; i < 5000; i++) {
      w.append(T0 + 5 * S + i * 7 * MS);
    }
    w.compactBefore(T0 + 40 * S);
    w.sealAll();

    before.reduce(new TimeRange(T0, T0 + 60 * S), 600, a);
    assertEquals(1000, before.events());
    assertArrayEquals(first, values(a));
    assertSame(w.snapshot(), w.snapshot());
  }

  @Test
  void readersAtFrameRateSeeConsistentSnapshotsWhileAWriterAppends() throws Exception {
    EventSeriesWriter w = new EventSeriesWriter(UNANSWERED, 2 * S);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    Thread reader = new Thread(() -> {
      ColumnBuffer out = new ColumnBuffer();
      long checked = 0;
      try {
        while (done.getCount() > 0 || checked == 0) {
          EventSeries s = w.snapshot();
          if (!s.isEmpty()) {
            double total = s.countIn(s.extent());
            assertEquals(s.events(), total, 0.0, "a snapshot's events all lie in its extent");
            s.reduce(s.extent(), 1920, out);
            double sum = 0;
            for (int i = 0; i < 1920; i++) {
              sum += out.count(i);
            }
            if (out.columnEnd(0) - out.columnStart(0) >= EventSeries.DETAIL_NANOS) {
              // Narrower columns over compacted time share a 100 ms bin's count in proportion.
              assertEquals(s.events(), sum, 1e-6, "columns partition the events");
            }
            checked++;
          }
        }
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    reader.start();
    Random random = new Random(7);
    long t = T0;
    for (int i = 0; i < 2_000_000; i++) {
      t += random.nextInt(200_000);
      w.append(t - random.nextInt(1_000) * MS);
      if (i % 20_000 == 0) {
        w.publish();
      }
      if (i % 500_000 == 0) {
        w.compactBefore(t - 30 * S);
      }
    }
    w.sealAll();
    done.countDown();
    reader.join();
    if (failure.get() != null) {
      throw new AssertionError("reader failed", failure.get());
    }
    assertEquals(2_000_000, w.snapshot().events() + w.snapshot().lateDropped());
  }

  @Test
  void compactionKeepsEveryValueOnBinAlignedColumnsAndEveryBand() {
    long[] events = EventSeriesTest.burstyEvents(new Random(3), 100_000, 3600 * S, 0);
    EventSeriesWriter w = new EventSeriesWriter(UNANSWERED);
    for (long e : events) {
      w.append(e);
    }
    EventSeries exact = w.sealAll();
    w.compactBefore(T0 + 2400 * S);
    EventSeries compacted = w.publish();

    TimeRange hour = new TimeRange(T0, T0 + 3600 * S);
    assertArrayEquals(bucketValues(exact, hour, S), bucketValues(compacted, hour, S));
    assertArrayEquals(bucketValues(exact, hour, 100 * MS), bucketValues(compacted, hour, 100 * MS));
    ColumnBuffer a = new ColumnBuffer();
    ColumnBuffer b = new ColumnBuffer();
    TimeRange odd = new TimeRange(T0 + 123_456_789L, T0 + 3001 * S + 1);
    exact.reduce(odd, 1777, a);
    compacted.reduce(odd, 1777, b);
    for (int i = 0; i < 1777; i++) {
      assertEquals(a.max(i), b.max(i), 0.0, "band top of column " + i);
      assertEquals(a.min(i), b.min(i), 0.0, "band bottom of column " + i);
    }
    assertEquals(100 * MS, compacted.coarsestStepIn(hour));
    assertEquals(0, compacted.coarsestStepIn(new TimeRange(T0 + 2400 * S, T0 + 3600 * S)));
    assertTrue(compacted.estimatedBytes() < exact.estimatedBytes() - 4L * 60_000);
  }

  @Test
  void coarseningKeepsTheKeptLevelsIdentical() {
    long[] events = EventSeriesTest.burstyEvents(new Random(5), 200_000, 6 * 3600 * S, 0);
    EventSeriesWriter w = new EventSeriesWriter(UNANSWERED);
    for (long e : events) {
      w.append(e);
    }
    EventSeries full = w.sealAll();
    w.coarsenBefore(T0 + 3 * 3600 * S, 10 * S);
    EventSeries coarse = w.publish();

    TimeRange all = new TimeRange(T0, T0 + 6 * 3600 * S);
    assertEquals(List.of(bucketRows(full, all, 60 * S)), List.of(bucketRows(coarse, all, 60 * S)));
    assertEquals(10 * S, coarse.coarsestStepIn(all));
    assertTrue(coarse.tooCoarseFor(all, S));
    ColumnBuffer out = new ColumnBuffer();
    coarse.reduce(new TimeRange(T0 + 3600 * S, T0 + 3600 * S + 50 * MS), 10, out);
    double rate = out.value(0);
    for (int i = 0; i < 10; i++) {
      assertEquals(rate, out.value(i), 0.0, "inside one kept 10 s bucket the rate is a step");
    }
    long before = java.util.Arrays.stream(events).filter(t -> t < T0 + 3 * 3600 * S).count();
    long freed = full.estimatedBytes() - coarse.estimatedBytes();
    assertTrue(freed > 4 * before + 100 * 1080, "4 bytes per event and 100 bin counts per 10 s are freed: " + freed);
  }

  @Test
  void retentionBoundsMemoryOfAnEndlessSourceAndKeepsOldSpikes() {
    EventSeriesWriter w = new EventSeriesWriter(UNANSWERED);
    long spike = T0 + 3600 * S + 500 * MS;
    long[] afterDays = new long[4];
    for (long t = T0; t < T0 + 4 * 86_400 * S; t += 50 * MS) {
      w.append(t);
      if (t == spike) {
        for (int i = 0; i < 300; i++) {
          w.append(spike + i * 100_000L);
        }
      }
      if (Math.floorMod(t - T0, 600 * S) == 0) {
        w.applyRetention(new Retention(600 * S, 7200 * S, 86_400 * S, 2 * 86_400 * S));
        int day = (int) ((t - T0) / (86_400 * S));
        afterDays[day] = Math.max(afterDays[day], w.publish().estimatedBytes());
      }
    }
    EventSeries s = w.sealAll();

    assertTrue(afterDays[3] < afterDays[1] * 1.2, "memory flat from day to day: " + java.util.Arrays.toString(afterDays));
    ColumnBuffer out = new ColumnBuffer();
    s.reduce(new TimeRange(T0, T0 + 4 * 86_400 * S), 96, out);
    assertEquals((300 + 2) * 10.0, out.max(1), 1e-9, "the 100 ms spike of day one survives at 1000 s resolution");
    assertEquals(1000 * S, s.coarsestStepIn(new TimeRange(T0, T0 + 86_400 * S)));
    assertEquals(20.0, out.value(50), 1e-9);
  }

  @Test
  void implausibleTimestampsAreRefusedAndCountedInsteadOfWalkingCenturies() {
    EventSeriesWriter w = new EventSeriesWriter(UNANSWERED);
    w.append(-5);
    w.append(T0);
    w.append(Long.MAX_VALUE);
    w.append(T0 + 400 * 86_400 * S);
    w.append(T0 + 300 * 86_400 * S);
    EventSeries s = w.sealAll();

    assertEquals(3, s.rejected());
    assertEquals(2, s.events());
    assertEquals(2, s.countIn(s.extent()), 0.0);
  }

  @Test
  void onlyDecimalStepsFromTenSecondsCanBeKept() {
    EventSeriesWriter w = new EventSeriesWriter(UNANSWERED);
    assertThrows(IllegalArgumentException.class, () -> w.coarsenBefore(T0, S));
    assertThrows(IllegalArgumentException.class, () -> w.coarsenBefore(T0, 60 * S));
    assertThrows(IllegalArgumentException.class, () -> new EventSeriesWriter(UNANSWERED, -1));
  }

  @Test
  void aWriterWithoutEventsPublishesItsCoverageAsZeros() {
    EventSeriesWriter w = new EventSeriesWriter(UNANSWERED);
    w.cover(T0, T0 + 60 * S);
    EventSeries s = w.sealAll();
    ColumnBuffer out = new ColumnBuffer();
    s.reduce(new TimeRange(T0, T0 + 120 * S), 2, out);
    assertEquals(0.0, out.value(0), 0.0);
    assertTrue(Double.isNaN(out.value(1)));
  }

  private static double[] values(ColumnBuffer out) {
    double[] v = new double[out.columns() * 4];
    for (int i = 0; i < out.columns(); i++) {
      v[4 * i] = out.value(i);
      v[4 * i + 1] = out.min(i);
      v[4 * i + 2] = out.max(i);
      v[4 * i + 3] = out.count(i);
    }
    return v;
  }

  private static List<Bucket> bucketRows(EventSeries s, TimeRange r, long step) {
    return BucketSampler.sample(s, r, step);
  }

  private static double[] bucketValues(EventSeries s, TimeRange r, long step) {
    return BucketSampler.sample(s, r, step).stream().flatMapToDouble(b -> java.util.stream.DoubleStream.of(b.value(), b.min(), b.max(), b.count()))
        .toArray();
  }
}
