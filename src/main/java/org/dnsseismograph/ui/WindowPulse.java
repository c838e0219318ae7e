package org.dnsseismograph.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyLongWrapper;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.ui.panel.SidePanelViewModel;
import org.dnsseismograph.ui.panel.TrafficSource;
import org.dnsseismograph.ui.sources.Source;
import org.dnsseismograph.ui.sources.SourceState;
import org.dnsseismograph.ui.sources.SourcesViewModel;
import org.dnsseismograph.ui.sources.StatusViewModel;
import org.dnsseismograph.ui.sources.TimelineBinding;
import org.dnsseismograph.ui.timeline.TimelineViewModel;

/**
 * The window's frame timer besides the timeline's own: once per frame it takes up the newest
 * snapshot of every loading source (so partial results appear as they are read, never one hand-over
 * per packet), refreshes the status bar when anything changed, hands the captures' transactions
 * and those of live sources ({@link #setLiveTraffic}) to the side panel, while they grow at most
 * every {@value #SIDE_PANEL_MILLIS} ms or {@value #SUM_SHARE} times the last sum's time (and not
 * while its last sum is still running, which would be cancelled before it could show), and re-checks which
 * sources are too coarse for the visible window when it moved. It also counts every change a
 * workspace would save, for {@code WorkspaceHost.changes()}.
 *
 * <p>FX thread only.
 */
final class WindowPulse extends AnimationTimer {
  /** Least time between two side-panel sums while captures are loading (each sums every transaction in view). */
  static final long SIDE_PANEL_MILLIS = 3000;
  /** A sum of growing sources waits this many times its predecessor's time after it. */
  static final int SUM_SHARE = 5;

  private final SourcesViewModel sources;
  private final StatusViewModel status;
  private final SidePanelViewModel side;
  private final TimelineViewModel timeline;
  private final ReadOnlyLongWrapper changes = new ReadOnlyLongWrapper();
  private boolean statusDirty = true;
  private boolean trafficDirty = true;
  private boolean rangeDirty = true;
  private long lastTraffic;
  private Supplier<List<TrafficSource>> liveTraffic = List::of;
  private BooleanSupplier liveGrowing = () -> false;

  WindowPulse(SourcesViewModel sources, StatusViewModel status, SidePanelViewModel side, TimelineViewModel timeline, TimelineBinding binding) {
    this.sources = sources;
    this.status = status;
    this.side = side;
    this.timeline = timeline;
    sources.revision().addListener(o -> {
      statusDirty = true;
      trafficDirty = true;
      changed();
    });
    timeline.visibleRangeProperty().addListener(o -> {
      rangeDirty = true;
      changed();
    });
    timeline.planProperty().addListener(o -> changed());
    timeline.annotationsProperty().addListener(o -> changed());
  }

  /**
   * Adds live sources' transactions to what the side panel sums: {@code traffic} gives them as of
   * the last frame, {@code growing} says whether they still grow (then the panel is summed at most
   * every {@value #SIDE_PANEL_MILLIS} ms, as for a loading capture).
   */
  void setLiveTraffic(Supplier<List<TrafficSource>> traffic, BooleanSupplier growing) {
    liveTraffic = traffic;
    liveGrowing = growing;
    trafficDirty = true;
  }

  /** Live sources published new transactions. */
  void liveTrafficChanged() {
    trafficDirty = true;
  }

  /** Fires on every change a workspace saves. */
  Observable changes() {
    return changes.getReadOnlyProperty();
  }

  private void changed() {
    changes.set(changes.get() + 1);
  }

  @Override
  public void handle(long now) {
    if (sources.poll()) {
      statusDirty = true;
      trafficDirty = true;
    }
    if (statusDirty) {
      statusDirty = false;
      status.refresh();
    }
    boolean settled = !sources.loadingProperty().get() && !liveGrowing.getAsBoolean();
    if (trafficDirty && (settled || now - lastTraffic > growingSumGapNanos())) {
      lastTraffic = now;
      side.setSources(traffic());
      side.setRange(timeline.visibleRange());
      if (settled) {
        // the captures are complete: their sum replaces any of a part of them still running
        side.refresh();
        trafficDirty = false;
      } else {
        trafficDirty = !side.refreshUnlessRunning();
      }
    }
    if (rangeDirty && sources.extentProperty().get() != null) {
      rangeDirty = false;
      TimeRange visible = timeline.visibleRange();
      sources.updateCoarseness(visible);
    }
  }

  /**
   * Least time between two sums of sources that still grow: {@value #SIDE_PANEL_MILLIS} ms, or
   * {@value #SUM_SHARE} times the last sum's own time when that is longer, so the sums take at most
   * a {@value #SUM_SHARE}th of a core from a busy live capture (several captures are merged by their
   * names' text, which costs up to a second for a million rows with 300,000 names).
   */
  private long growingSumGapNanos() {
    return Math.max(SIDE_PANEL_MILLIS * 1_000_000L, SUM_SHARE * side.lastSumNanos());
  }

  private List<TrafficSource> traffic() {
    List<TrafficSource> out = new ArrayList<>();
    for (Source s : sources.sources()) {
      if (s.transactionsProperty().get() != null && s.state() != SourceState.FAILED) {
        out.add(new TrafficSource(s.name(), s.transactionsProperty().get(), s.setting().correctionNanos(), s.resolvers()));
      }
    }
    out.addAll(liveTraffic.get());
    return out;
  }
}
