package org.dnsseismograph.ui.workspace;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.render.LanePlan;
import org.dnsseismograph.render.Palette;
import org.dnsseismograph.render.WorkspacePlan;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.ui.timeline.TimelineViewModel;
import org.dnsseismograph.workspace.Workspace;
import org.dnsseismograph.workspace.WorkspaceSession;

/**
 * Shows an opened workspace on a {@link TimelineViewModel} by itself (the window's sources panel
 * does this with progress in the full application): loads the loadable sources on a background
 * executor, then on the FX thread lays out the lanes as saved ({@link WorkspacePlan}), sets the
 * extent, and moves to the saved view. A workspace whose sources hold no data keeps the
 * timeline's extent.
 *
 * <p>Called on the FX thread; loading fails the future with the source's one-line reason.
 */
public final class TimelineDisplay implements WorkspaceDisplay {
  private final TimelineViewModel timeline;
  private final Executor background;
  private final Executor fx;
  private List<SeriesSet> loaded = List.of();

  public TimelineDisplay(TimelineViewModel timeline, Executor background, Executor fx) {
    this.timeline = timeline;
    this.background = background;
    this.fx = fx;
  }

  /** The series of the sources last shown (shifted by nothing; the plan shifts them). */
  public List<SeriesSet> loaded() {
    return loaded;
  }

  @Override
  public CompletableFuture<Void> show(WorkspaceSession session) {
    Workspace w = session.snapshot();
    var sources = session.loadable();
    return CompletableFuture.supplyAsync(() -> {
      try {
        return WorkspaceSources.load(sources, Progress.NONE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, background).thenAcceptAsync(sets -> apply(w, sets), fx);
  }

  private void apply(Workspace w, List<SeriesSet> sets) {
    loaded = sets;
    LanePlan plan = WorkspacePlan.plan(w, sets, Palette.STANDARD);
    TimeRange extent = null;
    for (SeriesSet s : WorkspacePlan.shifted(w, sets)) {
      TimeRange e = s.extent();
      extent = e == null ? extent : extent == null ? e : extent.union(e);
    }
    timeline.setPlan(plan);
    if (extent != null) {
      timeline.setExtent(extent);
    }
    timeline.zoomTo(w.view() != null ? w.view() : timeline.extent());
  }
}
