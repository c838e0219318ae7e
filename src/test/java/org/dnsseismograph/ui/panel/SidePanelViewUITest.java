package org.dnsseismograph.ui.panel;

import static org.dnsseismograph.ui.WindowDriver.fx;
import static org.dnsseismograph.ui.WindowDriver.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.traffic.TransactionColumns;
import org.dnsseismograph.ui.common.HeldTaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The panel sums a window once it has rested, when the analyst chose it; a window that only grows
 * with captures still loading is left to the window's own cadence of sums, since a sum at each
 * growth (once a second) cancelled or repeated the one before: 39 sums over the 10 M-packet bench
 * capture's load instead of 12.
 */
@ExtendWith(ApplicationExtension.class)
class SidePanelViewUITest {
  private static final long S = TimeUnits.NANOS_PER_SECOND;

  private final HeldTaskRunner tasks = new HeldTaskRunner();
  private final SidePanelViewModel vm = new SidePanelViewModel(tasks);
  private final SimpleObjectProperty<TimeRange> visible = new SimpleObjectProperty<>(new TimeRange(0, 10 * S));
  private boolean growingWithLoad;

  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    vm.setSources(List.of());
    stage.setScene(new Scene(new SidePanelView(vm, visible, r -> { }, () -> growingWithLoad), 320, 600));
    stage.show();
  }

  private void restPastTheSettle() throws InterruptedException {
    Thread.sleep(SidePanelView.SETTLE_MILLIS + 300L);
    fxRun(() -> { });
  }

  @Test
  void aWindowTheAnalystChoseIsSummedOnceItRests() throws InterruptedException {
    TimeRange chosen = new TimeRange(2 * S, 4 * S);
    fxRun(() -> visible.set(chosen));
    restPastTheSettle();
    assertTrue(fx(() -> vm.computingProperty().get()));
    assertEquals(chosen, fx(vm::range));
    fxRun(tasks::runAll);
    assertEquals(chosen, fx(() -> vm.summaryProperty().get().range()));
  }

  @Test
  void aWindowReachingBackPastWhatALiveSourceHoldsSaysFromWhenItWasCounted() throws InterruptedException {
    // A live source that holds its transactions from 5 s on (it dropped older ones), none of them in this window.
    fxRun(() -> vm.setSources(List.of(new TrafficSource("lo", new TransactionColumns(3 * S).snapshot(), 0, List.of(), 5 * S))));
    fxRun(() -> visible.set(new TimeRange(2 * S, 8 * S)));
    restPastTheSettle();
    fxRun(tasks::runAll);
    String said = fx(() -> ((Label) stage.getScene().lookup("#side-panel-range")).getText());
    assertEquals("1970-01-01 00:00:02.000 UTC – 00:00:08.000 UTC (6s), 0 transactions, counted from 00:00:05.000 UTC"
        + " (live traffic older than that is no longer kept)", said);

    fxRun(() -> visible.set(new TimeRange(6 * S, 8 * S)));
    restPastTheSettle();
    fxRun(tasks::runAll);
    said = fx(() -> ((Label) stage.getScene().lookup("#side-panel-range")).getText());
    assertEquals("1970-01-01 00:00:06.000 UTC – 00:00:08.000 UTC (2s), 0 transactions", said, "all of this window is held");
  }

  @Test
  void theDetectionsInTheVisibleWindowAreKeptInSight() {
    List<Detection> earlier = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      earlier.add(new Detection(Detection.Kind.SPIKE, "spike " + i, "", new TimeRange(i * 60 * S, i * 60 * S + S), "capture.pcap"));
    }
    fxRun(() -> vm.setDetections(earlier));
    fxRun(() -> { });
    assertTrue(fx(() -> shown().contains(0)), "the window at the start: the first ones, " + fx(this::shown));
    fxRun(() -> visible.set(new TimeRange(35 * 60 * S - S, 35 * 60 * S + 10 * S)));
    assertTrue(fx(() -> shown().contains(35)), "zoomed to the 36th: " + fx(this::shown));
    // A live source's new outage, in the window that follows the present, comes into sight.
    fxRun(() -> visible.set(new TimeRange(50 * 60 * S, 51 * 60 * S)));
    fxRun(() -> vm.setDetections(List.of(earlier.get(0), earlier.get(1))));
    List<Detection> withNew = new java.util.ArrayList<>(earlier);
    withNew.add(new Detection(Detection.Kind.OUTAGE, "example.test. dark", "", new TimeRange(50 * 60 * S + 5 * S, 50 * 60 * S + 15 * S), "lo"));
    fxRun(() -> vm.setDetections(withNew));
    fxRun(() -> { });
    assertTrue(fx(() -> shown().contains(40)), "the new outage: " + fx(this::shown));
  }

  /** Indexes of the detections' cells on screen. */
  private List<Integer> shown() {
    javafx.scene.control.ListView<?> list = (javafx.scene.control.ListView<?>) stage.getScene().lookup("#detections");
    list.layout();
    javafx.scene.control.skin.VirtualFlow<?> flow = (javafx.scene.control.skin.VirtualFlow<?>) list.lookup(".virtual-flow");
    List<Integer> out = new java.util.ArrayList<>();
    for (int i = flow.getFirstVisibleCell().getIndex(); i <= flow.getLastVisibleCell().getIndex(); i++) {
      out.add(i);
    }
    return out;
  }

  @Test
  void aWindowGrowingWithTheLoadIsLeftToTheWindowsCadence() throws InterruptedException {
    growingWithLoad = true;
    fxRun(() -> visible.set(new TimeRange(0, 20 * S)));
    restPastTheSettle();
    assertFalse(fx(() -> vm.computingProperty().get()), "no sum was started");
    assertEquals(new TimeRange(0, 10 * S), fx(vm::range));
  }
}
