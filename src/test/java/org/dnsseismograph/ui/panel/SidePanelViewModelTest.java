package org.dnsseismograph.ui.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dnsseismograph.analysis.CaptureLoader;
import org.dnsseismograph.analysis.LoadRequest;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.traffic.TransactionSnapshot;
import org.dnsseismograph.ui.UiFixtures;
import org.dnsseismograph.ui.common.HeldTaskRunner;
import org.dnsseismograph.wire.DecodeOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When the side panel's sum runs and when it is cancelled: while captures load, the window asks
 * again every few seconds and the sum over every transaction in view may take longer than that; an
 * ask while one runs must leave it to finish (else the panel shows nothing until the load ends),
 * while a new window the analyst chose replaces the sum still running. The demo capture's
 * transactions; the sums held until the test runs them.
 */
class SidePanelViewModelTest {
  private static final long S = TimeUnits.NANOS_PER_SECOND;
  private static final Path DEMO = UiFixtures.demo().resolve("capture.pcap.gz");

  private static TrafficSource source;
  private static TimeRange whole;

  @BeforeAll
  static void loadTheDemo() throws IOException {
    TransactionSnapshot transactions = new CaptureLoader(new LoadRequest(List.of(DEMO), DecodeOptions.defaults(), 3 * S)).load(Progress.NONE, s -> { })
        .snapshot().transactions();
    source = new TrafficSource("capture.pcap.gz", transactions, 0, List.of());
    whole = new TimeRange(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2);
  }

  private final HeldTaskRunner tasks = new HeldTaskRunner();
  private final SidePanelViewModel vm = new SidePanelViewModel(tasks);

  @BeforeEach
  void showTheWholeDemo() {
    vm.setSources(List.of(source));
    vm.setRange(whole);
  }

  @Test
  void anAskWhileASumRunsIsDroppedAndTheRunningSumIsShown() {
    assertTrue(vm.refreshUnlessRunning());
    assertTrue(vm.computingProperty().get());
    assertFalse(vm.refreshUnlessRunning(), "asked again while the first sum runs");
    assertTrue(vm.computingProperty().get());

    assertEquals(0, vm.lastSumNanos(), "no sum has finished");
    tasks.runAll();
    WindowSummary shown = vm.summaryProperty().get();
    assertTrue(vm.lastSumNanos() > 0, "the window paces the next sum of growing sources by this one's time");
    assertEquals(TopCounts.of(List.of(source), whole, TopCounts.TOP, Progress.NONE), shown);
    assertTrue(shown.transactions() > 0, "the demo has traffic");
    assertFalse(vm.computingProperty().get());
    assertTrue(vm.refreshUnlessRunning(), "asked once the sum ended");
  }

  @Test
  void aRefreshReplacesTheRunningSumAndOnlyTheLatestWindowIsShown() {
    vm.refresh();
    TimeRange empty = new TimeRange(0, S);
    vm.setRange(empty);
    vm.refresh();

    tasks.runNext();
    assertNull(vm.summaryProperty().get(), "the replaced sum was cancelled");
    assertTrue(vm.computingProperty().get());
    tasks.runAll();
    assertEquals(WindowSummary.empty(empty).range(), vm.summaryProperty().get().range());
    assertEquals(0, vm.summaryProperty().get().transactions(), "1970 holds none of the demo's traffic");
    assertFalse(vm.computingProperty().get());
  }
}
