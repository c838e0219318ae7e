package org.dnsseismograph.ui.sources;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dnsseismograph.analysis.CommonMoment;
import org.dnsseismograph.analysis.CommonMomentEvidence;
import org.dnsseismograph.analysis.CommonMomentFinder;
import org.dnsseismograph.render.TimeText;
import org.dnsseismograph.render.ValueFormat;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.ui.common.TaskRunner;

/**
 * Sources ▸ Find common moment: the times at which the most sources change at once (with their
 * offsets applied), each with every source's evidence, found by {@link CommonMomentFinder} off the
 * FX thread. Clicking a moment shows {@link #rangeOf} on the timeline.
 *
 * <p>FX thread only.
 */
public final class CommonMomentViewModel {
  /** How many moments are listed. */
  public static final int LIMIT = 5;

  private final SourcesViewModel sources;
  private final TaskRunner tasks;
  private final ObservableList<CommonMoment> moments = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper();

  public CommonMomentViewModel(SourcesViewModel sources, TaskRunner tasks) {
    this.sources = sources;
    this.tasks = tasks;
  }

  /** The moments found last, best first. */
  public ObservableList<CommonMoment> moments() {
    return moments;
  }

  /** What the last search found, in words; empty before any. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty searchingProperty() {
    return searching.getReadOnlyProperty();
  }

  /** Searches the loaded sources as they are shown now. */
  public void find() {
    List<SeriesSet> sets = sources.sources().stream().filter(s -> s.state() == SourceState.READY).filter(s -> !s.seriesProperty().get().series().isEmpty())
        .map(Source::shiftedSeries).toList();
    if (sets.size() < 2) {
      moments.clear();
      status.set("a common moment needs at least two loaded sources");
      return;
    }
    searching.set(true);
    status.set("searching " + sets.size() + " sources…");
    tasks.submit("Finding the common moment", p -> new CommonMomentFinder().find(sets, LIMIT), new TaskRunner.Outcome<>() {
      @Override
      public void succeeded(List<CommonMoment> found) {
        searching.set(false);
        moments.setAll(found);
        status.set(found.isEmpty() ? "no moment at which two or more sources change together" : describe(found.get(0)));
      }

      @Override
      public void failed(Throwable error) {
        searching.set(false);
        moments.clear();
        status.set("the search failed: " + error.getMessage());
      }

      @Override
      public void cancelled() {
        searching.set(false);
        status.set("");
      }
    });
  }

  /** "3 of 3 sources change at 19:09:15.6 UTC (± 1s)". */
  public static String describe(CommonMoment m) {
    return m.sourcesShowing() + " of " + m.sourcesTotal() + " sources change at " + TimeText.utcClockMillis(m.timeNanos())
        + " UTC (± " + TimeUnits.formatDuration(m.toleranceNanos()) + ")";
  }

  /** One source's evidence in words: "unbound-stats.txt total.num.queries 80 → 151 at 19:09:15.000 (12σ)". */
  public static String describe(CommonMomentEvidence e) {
    return String.format(Locale.ROOT, "%s · %s: %s → %s at %s (%.0fσ)", e.source(), e.series().name(), ValueFormat.number(e.before()),
        ValueFormat.number(e.after()), TimeText.utcClockMillis(e.changeNanos()), e.score());
  }

  /** What the timeline shows for a moment: ten tolerances, and at least 20 s, around it. */
  public static TimeRange rangeOf(CommonMoment m) {
    long half = Math.max(10 * TimeUnits.NANOS_PER_SECOND, 5 * m.toleranceNanos());
    return new TimeRange(m.timeNanos() - half, m.timeNanos() + half);
  }
}
