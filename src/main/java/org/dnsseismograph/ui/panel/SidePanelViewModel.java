package org.dnsseismograph.ui.panel;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.ui.common.TaskRunner;

/**
 * The side panel's state: the summary of the visible window (top names, clients, servers, answers)
 * recomputed off the FX thread when asked — the view asks once the window has settled and when the
 * captures grew — latest request wins; and the detections, with the ones in the window marked.
 *
 * <p>FX thread only.
 */
public final class SidePanelViewModel {
  /** What the detections list says when it is empty and nothing more is known. */
  public static final String NO_DETECTIONS = "no spikes or suspected outages";

  private final TaskRunner tasks;
  private final ReadOnlyObjectWrapper<WindowSummary> summary = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper();
  private final ObservableList<Detection> detections = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper noDetections = new ReadOnlyStringWrapper(NO_DETECTIONS);
  private List<TrafficSource> sources = List.of();
  private TimeRange range;
  private long requested;
  private TaskRunner.Job running;
  private long lastSumNanos;

  public SidePanelViewModel(TaskRunner tasks) {
    this.tasks = tasks;
  }

  /**
   * How long the last finished sum took, in ns (0 before the first): sums of growing sources are
   * paced by it, so that they never take more than a share of a core.
   */
  public long lastSumNanos() {
    return lastSumNanos;
  }

  /** The summary of the last window computed, or null before the first. */
  public ReadOnlyObjectProperty<WindowSummary> summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  /** True while a summary is being computed. */
  public ReadOnlyBooleanProperty computingProperty() {
    return computing.getReadOnlyProperty();
  }

  /** Suspected outages and spikes of every capture, by start time. */
  public ObservableList<Detection> detections() {
    return detections;
  }

  /** Replaces the detections (a capture finished loading, an offset changed). */
  public void setDetections(List<Detection> all) {
    setDetections(all, NO_DETECTIONS);
  }

  /** Replaces the detections, and what the list says while there are none (what was checked, what cannot be). */
  public void setDetections(List<Detection> all, String whenNone) {
    detections.setAll(all.stream().sorted((a, b) -> Long.compare(a.span().startNanos(), b.span().startNanos())).toList());
    noDetections.set(whenNone);
  }

  /** What the detections list says while it is empty. */
  public ReadOnlyStringProperty noDetectionsProperty() {
    return noDetections.getReadOnlyProperty();
  }

  /** The captures whose transactions are summed; call {@link #refresh()} after. */
  public void setSources(List<TrafficSource> s) {
    sources = List.copyOf(s);
  }

  /** The window to summarise; call {@link #refresh()} after. */
  public void setRange(TimeRange r) {
    range = r;
  }

  public TimeRange range() {
    return range;
  }

  /**
   * Recomputes the summary as {@link #refresh()} does, unless one is still running: for captures
   * still loading, whose sum over every transaction in view can take longer than the time between
   * two asks; cancelling it at each ask would leave the panel without a summary until the load ends.
   *
   * @return false when one was running and this ask was dropped (ask again later)
   */
  public boolean refreshUnlessRunning() {
    if (running != null && !running.isDone()) {
      return false;
    }
    refresh();
    return true;
  }

  /** Recomputes the summary of the current window and captures, cancelling one still running. */
  public void refresh() {
    if (range == null) {
      return;
    }
    if (running != null && !running.isDone()) {
      running.cancel();
    }
    long ticket = ++requested;
    List<TrafficSource> from = sources;
    TimeRange r = range;
    computing.set(true);
    long[] took = new long[1];
    running = tasks.submit("Summing the visible window", p -> {
      long start = System.nanoTime();
      WindowSummary w = TopCounts.of(from, r, TopCounts.TOP, p);
      took[0] = System.nanoTime() - start;
      return w;
    }, new TaskRunner.Outcome<>() {
      @Override
      public void succeeded(WindowSummary value) {
        lastSumNanos = took[0];
        if (ticket == requested) {
          summary.set(value);
          computing.set(false);
        }
      }

      @Override
      public void failed(Throwable error) {
        if (ticket == requested) {
          summary.set(WindowSummary.empty(r));
          computing.set(false);
        }
      }

      @Override
      public void cancelled() {
        if (ticket == requested) {
          computing.set(false);
        }
      }
    });
  }
}
