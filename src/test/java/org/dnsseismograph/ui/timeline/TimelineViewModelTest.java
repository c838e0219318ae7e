package org.dnsseismograph.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.render.FrameData;
import org.dnsseismograph.render.LanePlan;
import org.dnsseismograph.render.LanePlanner;
import org.dnsseismograph.render.Palette;
import org.dnsseismograph.render.ValueFormat;
import org.dnsseismograph.series.ColumnBuffer;
import org.dnsseismograph.series.Consolidation;
import org.dnsseismograph.series.Coverage;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.EventSeriesWriter;
import org.dnsseismograph.series.LabelConvention;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SampleSeriesWriter;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimelineViewModelTest {
  static final long MS = 1_000_000L;
  static final long S = 1_000_000_000L;
  static final long T0 = 1_265_054_400L * S;
  static final long HOUR = 3600 * S;
  /** Five queries a second for an hour, and 200 more in the 2 s from T0 + 1234 s. */
  static final TimeRange SPIKE = new TimeRange(T0 + 1234 * S, T0 + 1236 * S);

  static SeriesSet capture() {
    EventSeriesWriter q = new EventSeriesWriter(MetricId.of("client.queries"));
    EventSeriesWriter r = new EventSeriesWriter(MetricId.of("client.responses"));
    List<Long> t = new ArrayList<>();
    for (long k = 0; k < 5 * 3600; k++) {
      t.add(T0 + k * 200 * MS + 100 * MS);
    }
    for (long k = 0; k < 200; k++) {
      t.add(SPIKE.startNanos() + k * 10 * MS);
    }
    t.stream().sorted().forEach(x -> {
      q.append(x);
      r.append(x + 5 * MS);
    });
    return SeriesSet.of("cap", List.of(q.sealAll(), r.sealAll()));
  }

  static LanePlan plan() {
    return new LanePlanner(Palette.STANDARD).plan(List.of(capture()));
  }

  /** A model over the hour that reduces on the calling thread. */
  static TimelineViewModel model() {
    return new TimelineViewModel(plan(), new TimeRange(T0, T0 + HOUR), Runnable::run);
  }

  @ParameterizedTest(name = "zoom x{1} at {0} of the window")
  @CsvSource(textBlock = """
      0.5,  0.5
      0.1,  0.25
      0.9,  0.8
      0.37, 2.0
      """)
  void zoomingKeepsTheAnchorAtItsPlaceInTheWindow(double fraction, double factor) {
    TimelineViewModel vm = model();
    vm.zoomTo(new TimeRange(T0 + 600 * S, T0 + 1800 * S));
    TimeRange before = vm.visibleRange();
    long anchor = before.startNanos() + Math.round(fraction * before.durationNanos());
    vm.zoomAround(anchor, factor);
    TimeRange after = vm.visibleRange();
    assertEquals(Math.round(before.durationNanos() * factor), after.durationNanos());
    assertEquals(fraction, (double) (anchor - after.startNanos()) / after.durationNanos(), 1e-9);
  }

  @Test
  void zoomStopsAtTenMillisecondsAndAtTheWholeExtent() {
    TimelineViewModel vm = model();
    for (int i = 0; i < 60; i++) {
      vm.zoomAround(SPIKE.startNanos(), 0.5);
    }
    assertEquals(ViewWindow.MIN_WIDTH, vm.visibleRange().durationNanos());
    assertTrue(vm.visibleRange().contains(SPIKE.startNanos()));
    for (int i = 0; i < 60; i++) {
      vm.zoomAround(SPIKE.startNanos(), 2);
    }
    assertEquals(new TimeRange(T0, T0 + HOUR), vm.visibleRange(), "never wider than the extent, never outside it");
  }

  @Test
  void aGestureIsOneStepOfHistoryAndBackAndForwardWalkIt() {
    TimelineViewModel vm = model();
    TimeRange all = vm.visibleRange();
    vm.zoomTo(new TimeRange(T0 + 600 * S, T0 + 1200 * S));
    TimeRange boxed = vm.visibleRange();
    vm.startGesture();
    for (int i = 1; i <= 20; i++) {
      vm.moveTo(boxed.shift(i * S));
    }
    TimeRange dragged = vm.visibleRange();
    assertEquals(boxed.shift(20 * S), dragged);
    assertTrue(vm.canGoBackProperty().get());
    vm.back();
    assertEquals(boxed, vm.visibleRange(), "the whole drag is undone at once");
    vm.back();
    assertEquals(all, vm.visibleRange());
    assertFalse(vm.canGoBackProperty().get());
    vm.forward();
    vm.forward();
    assertEquals(dragged, vm.visibleRange());
    vm.back();
    vm.showAll();
    assertFalse(vm.canGoForwardProperty().get(), "a new step forgets the forward side");
  }

  @Test
  void keyCommandsZoomPanAndShowFixedWindowsAroundTheCrosshair() {
    TimelineViewModel vm = model();
    vm.setCrosshair(SPIKE.startNanos());
    vm.showWindow(10 * S);
    assertEquals(new TimeRange(SPIKE.startNanos() - 5 * S, SPIKE.startNanos() + 5 * S), vm.visibleRange());
    vm.zoomIn();
    assertEquals(5 * S, vm.visibleRange().durationNanos());
    assertTrue(vm.visibleRange().contains(SPIKE.startNanos()));
    vm.zoomOut();
    assertEquals(10 * S, vm.visibleRange().durationNanos());
    TimeRange before = vm.visibleRange();
    vm.panBy(0.25);
    assertEquals(before.shift(2500 * MS), vm.visibleRange());
    vm.setCrosshair(null);
    vm.showWindow(S);
    assertEquals(S, vm.visibleRange().durationNanos());
    assertEquals(before.shift(2500 * MS).startNanos() + 5 * S, vm.visibleRange().startNanos() + S / 2, "around the centre");
    vm.showAll();
    assertEquals(new TimeRange(T0, T0 + HOUR), vm.visibleRange());
  }

  @Test
  void aNewFrameIsTakenUpOnceAndFollowsTheView() {
    TimelineViewModel vm = model();
    assertFalse(vm.pollFrame(), "nothing before the plot's width is known");
    vm.setColumns(1000);
    assertTrue(vm.pollFrame());
    assertFalse(vm.pollFrame());
    FrameData f = vm.frame();
    assertEquals(vm.visibleRange(), f.range());
    assertEquals(1000, f.columns());
    vm.zoomTo(SPIKE);
    assertTrue(vm.pollFrame());
    assertEquals(SPIKE, vm.frame().range());
    vm.setLaneVisible("cap/client.rate", false);
    assertTrue(vm.pollFrame());
    assertNull(vm.frame().lane("cap/client.rate"), "hidden lanes are not reduced");
  }

  /**
   * Unanswered queries in the last timeout before a capture's end are observed but not known: the
   * readout says so there, a value before it, and "no data" after the capture.
   */
  @Test
  void theReadoutSaysUndecidedInTheLastTimeoutAndNoDataAfterTheCapture() {
    long end = T0 + 600 * S;
    EventSeriesWriter q = new EventSeriesWriter(MetricId.of("client.queries"));
    EventSeriesWriter u = new EventSeriesWriter(MetricId.of("client.unanswered"));
    u.setImplicitCoverage(false);
    for (long x = T0; x < end; x += 100 * MS) {
      q.append(x);
    }
    u.cover(T0, end - 3 * S);
    u.setUndecided(Coverage.of(new TimeRange(end - 3 * S, end)));
    LanePlan plan = new LanePlanner(Palette.STANDARD).plan(List.of(SeriesSet.of("cap", List.of(q.sealAll(), u.sealAll()))));
    TimelineViewModel vm = new TimelineViewModel(plan, new TimeRange(T0, end + 10 * S), Runnable::run);
    vm.zoomTo(new TimeRange(end - 10 * S, end + 10 * S));
    vm.setColumns(1000);
    vm.pollFrame();

    assertEquals("unanswered: 0/s", unanswered(vm, end - 5 * S));
    assertEquals("unanswered: " + Readout.UNDECIDED, unanswered(vm, end - 1 * S));
    assertEquals("unanswered: no data", unanswered(vm, end + 5 * S));
  }

  /** A second observed without an answer has no latency: the readout says so, not "no data". */
  @Test
  void theReadoutSaysNothingWasAnsweredWhereAnObservedSecondHasNoLatency() {
    SampleSeriesWriter p50 = new SampleSeriesWriter(MetricId.of("client.latency.p50"), Unit.MILLISECONDS, S, LabelConvention.START,
        Consolidation.AVERAGE);
    for (int sec = 0; sec < 60; sec++) {
      if (sec != 30) {
        p50.add(T0 + sec * S, 2);
      }
    }
    p50.setObserved(Coverage.of(new TimeRange(T0, T0 + 60 * S)));
    LanePlan plan = new LanePlanner(Palette.STANDARD).plan(List.of(SeriesSet.of("cap", List.of(p50.publish()))));
    TimelineViewModel vm = new TimelineViewModel(plan, new TimeRange(T0, T0 + 70 * S), Runnable::run);
    vm.setColumns(700);
    vm.pollFrame();

    assertEquals("p50: 2 ms", line(vm, T0 + 29 * S + 500 * MS, "p50"));
    assertEquals("p50: " + Readout.QUIET, line(vm, T0 + 30 * S + 500 * MS, "p50"));
    assertEquals("p50: no data", line(vm, T0 + 65 * S, "p50"));
  }

  private static String line(TimelineViewModel vm, long t, String label) {
    vm.setCrosshair(t);
    return vm.readoutProperty().get().stream().map(ReadoutLine::text).filter(x -> x.startsWith(label)).findFirst().orElseThrow();
  }

  private static String unanswered(TimelineViewModel vm, long t) {
    vm.setCrosshair(t);
    return vm.readoutProperty().get().stream().map(ReadoutLine::text).filter(x -> x.startsWith("unanswered")).findFirst().orElseThrow();
  }

  @Test
  void theReadoutShowsTheValuesOfTheBucketUnderTheCrosshair() {
    TimelineViewModel vm = model();
    vm.setColumns(1000);
    vm.pollFrame();
    long t = SPIKE.startNanos() + 700 * MS;
    vm.setCrosshair(t);
    List<ReadoutLine> lines = vm.readoutProperty().get();
    assertEquals(2, lines.size());
    EventSeries q = (EventSeries) capture().get(MetricId.of("client.queries"));
    ColumnBuffer expected = new ColumnBuffer();
    q.reduce(new TimeRange(T0, T0 + HOUR), 1000, expected);
    int c = expected.columnAt(t);
    String value = ValueFormat.format(expected.value(c), Unit.COUNT) + " (" + ValueFormat.format(expected.min(c), Unit.COUNT) + " – "
        + ValueFormat.format(expected.max(c), Unit.COUNT) + ")";
    assertEquals("queries: " + value, lines.get(0).text());
    assertTrue(vm.readoutTitleProperty().get().startsWith("2010-02-01 20:20:34.700 UTC"), vm.readoutTitleProperty().get());
    assertTrue(vm.readoutTitleProperty().get().contains("bucket 3.6s from 20:20:31.200"), vm.readoutTitleProperty().get());
    vm.setCrosshair(null);
    assertTrue(vm.readoutProperty().get().isEmpty());
  }

  @Test
  void doubleClickingASpikeFitsItWithAMargin() {
    TimelineViewModel vm = model();
    vm.zoomTo(new TimeRange(T0 + 1200 * S, T0 + 1300 * S));
    vm.setColumns(1000);
    vm.pollFrame();
    vm.fitFeatureAt(SPIKE.startNanos() + S, "cap/client.rate");
    TimeRange v = vm.visibleRange();
    assertTrue(v.startNanos() <= SPIKE.startNanos() && v.endNanos() >= SPIKE.endNanos(), "the spike is inside: " + v);
    assertTrue(v.durationNanos() <= 2 * SPIKE.durationNanos() + 2 * S, "and fills most of the window: " + v);
  }

  @Test
  void doubleClickingWhereNothingStandsOutZoomsInFourTimes() {
    TimelineViewModel vm = model();
    vm.setColumns(1000);
    vm.pollFrame();
    long quiet = T0 + 3000 * S;
    vm.fitFeatureAt(quiet, "cap/client.rate");
    assertEquals(HOUR / 4, vm.visibleRange().durationNanos());
    assertTrue(vm.visibleRange().contains(quiet));
  }

  @Test
  void lanesCanBeHiddenMovedResizedAndRestyled() {
    TimelineViewModel vm = model();
    vm.moveLane("annotations", 0);
    assertEquals("annotations", vm.plan().lanes().get(0).key());
    vm.resizeLane("cap/client.rate", 300);
    assertEquals(300, vm.plan().height("cap/client.rate"), 0.0);
    vm.setLaneVisible("annotations", false);
    assertFalse(vm.plan().isVisible("annotations"));
  }
}
