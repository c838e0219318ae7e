package org.dnsseismograph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dnsseismograph.series.ColumnBuffer;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.Unit;
import org.junit.jupiter.api.Test;

class FrameDataTest {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;
  private static final long T0 = 1_265_054_400L * S;

  /** Events at T0 + 1 s + k × 7 ms for k = 0..99. */
  private static Lane lane() {
    return lane("l");
  }

  private static Lane lane(String key) {
    long[] t = new long[100];
    for (int k = 0; k < 100; k++) {
      t[k] = T0 + S + k * 7 * MS;
    }
    EventSeries q = EventSeries.of(MetricId.of("client.queries"), new TimeRange(T0, T0 + 10 * S), t);
    return new Lane(key, key, LaneKind.LINES, List.of(new LaneSeries("queries", q, Palette.STANDARD.series(0))), Unit.COUNT, 100, 40);
  }

  @Test
  void belowAHundredMillisecondsPerColumnTheRateComesFromAlignedBucketsAndTheEventsPerColumnAreKept() {
    TimeRange view = new TimeRange(T0 + S + 50 * MS, T0 + S + 250 * MS);
    FrameData f = FrameData.reduce(List.of(lane()), view, 400);
    ColumnBuffer drawn = f.lane("l")[0];
    assertEquals(new TimeRange(T0 + S, T0 + S + 300 * MS), drawn.range(), "snapped outwards to 100 ms");
    assertEquals(3, drawn.columns());
    // 100 ms hold 15 events at 7 ms spacing from the start (0..98 ms), so 150/s.
    assertEquals(15 / 0.1, drawn.value(0), 1e-9);
    ColumnBuffer exact = f.exact("l")[0];
    assertEquals(400, exact.columns());
    double total = 0;
    for (int i = 0; i < 400; i++) {
      total += exact.count(i);
    }
    // Events at 56, 63, ... 245 ms after T0 + 1 s: k = 8..35.
    assertEquals(28, total, 0.0);
    assertEquals(1, exact.count(exact.columnAt(T0 + S + 56 * MS)), 0.0);
  }

  @Test
  void atCoarserZoomTheFrameIsThePixelColumnsAndHasNoRug() {
    FrameData f = FrameData.reduce(List.of(lane()), new TimeRange(T0, T0 + 10 * S), 100);
    assertEquals(100, f.lane("l")[0].columns());
    assertNull(f.exact("l")[0]);
    ColumnBuffer b = f.lane("l")[0];
    double total = 0;
    for (int i = 0; i < 100; i++) {
      total += b.count(i);
    }
    assertEquals(100, total, 0.0);
    assertEquals(15, b.count(10), 0.0, "k × 7 ms < 100 ms for k = 0..14");
    assertEquals(150, b.value(10), 1e-9);
  }

  @Test
  void theReducerWorksOnlyOnTheNewestRequest() {
    Queue<Runnable> queued = new ArrayDeque<>();
    FrameReducer r = new FrameReducer(queued::add);
    List<Lane> lanes = List.of(lane());
    r.request(lanes, new TimeRange(T0, T0 + S), 10);
    r.request(lanes, new TimeRange(T0, T0 + 2 * S), 10);
    r.request(lanes, new TimeRange(T0, T0 + 3 * S), 10);
    assertEquals(1, queued.size(), "one task drains all requests");
    assertNull(r.latest());
    queued.poll().run();
    FrameData first = r.latest();
    assertEquals(new TimeRange(T0, T0 + 3 * S), first.range());
    assertEquals(1, first.generation(), "the older requests were never reduced");

    r.request(lanes, new TimeRange(T0, T0 + 4 * S), 10);
    queued.poll().run();
    FrameData second = r.latest();
    assertEquals(2, second.generation());
    r.recycle(first);
    r.request(lanes, new TimeRange(T0, T0 + 5 * S), 10);
    queued.poll().run();
    assertSame(first, r.latest(), "the recycled frame's buffers are reused");
    assertNotNull(r.latest().lane("l"));
    assertNull(r.failure());
  }

  @Test
  void aFrameReducedWithAHelperThreadIsTheFrameReducedAlone() throws InterruptedException {
    SyntheticIncident inc = SyntheticIncident.hour(150);
    LanePlan plan = new LanePlanner(Palette.STANDARD).plan(inc.sources());
    ExecutorService helper = Executors.newSingleThreadExecutor();
    SplittableRandom random = new SplittableRandom(26);
    FrameData helped = new FrameData();
    try {
      for (int i = 0; i < 200; i++) {
        long width = (long) (50 * MS * Math.pow(inc.duration / (50.0 * MS), random.nextDouble()));
        long start = inc.start + (long) (random.nextDouble() * (inc.duration - width));
        TimeRange view = new TimeRange(start, start + width);
        int cols = 200 + random.nextInt(1800);
        FrameData alone = FrameData.reduce(plan.visibleLanes(), view, cols);
        helped.fill(plan.visibleLanes(), view, cols, i, helper);
        for (Lane lane : plan.visibleLanes()) {
          assertSameColumns(alone.lane(lane.key()), helped.lane(lane.key()), lane.key() + " at " + view);
          assertSameColumns(alone.exact(lane.key()), helped.exact(lane.key()), lane.key() + " rug at " + view);
        }
      }
    } finally {
      helper.shutdownNow();
      assertTrue(helper.awaitTermination(10, TimeUnit.SECONDS));
    }
  }

  private static void assertSameColumns(ColumnBuffer[] want, ColumnBuffer[] got, String what) {
    assertEquals(want.length, got.length, what);
    for (int s = 0; s < want.length; s++) {
      if (want[s] == null) {
        assertNull(got[s], what);
        continue;
      }
      assertEquals(want[s].range(), got[s].range(), what);
      assertEquals(want[s].columns(), got[s].columns(), what);
      for (int i = 0; i < want[s].columns(); i++) {
        assertEquals(want[s].value(i), got[s].value(i), 0.0, what + " value " + i);
        assertEquals(want[s].min(i), got[s].min(i), 0.0, what + " min " + i);
        assertEquals(want[s].max(i), got[s].max(i), 0.0, what + " max " + i);
        assertEquals(want[s].count(i), got[s].count(i), 0.0, what + " count " + i);
      }
    }
  }

  @Test
  void theHelperIsOnlyHandedFramesWhileACoreIsSpare() {
    List<Runnable> handed = new ArrayList<>();
    AtomicBoolean spare = new AtomicBoolean(false);
    FrameReducer r = new FrameReducer(new ReduceThreads(Runnable::run, handed::add, spare::get));
    List<Lane> lanes = List.of(lane(), lane("m"));
    r.request(lanes, new TimeRange(T0, T0 + S), 10);
    assertTrue(handed.isEmpty(), "no spare core, and the helper was handed work");
    assertNotNull(r.latest().lane("m"));
    spare.set(true);
    r.request(lanes, new TimeRange(T0, T0 + 2 * S), 10);
    assertEquals(1, handed.size(), "a spare core, and the helper was not asked");
    assertEquals(2, r.latest().generation());
  }
}
