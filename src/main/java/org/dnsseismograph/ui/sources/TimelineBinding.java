package org.dnsseismograph.ui.sources;

import java.util.List;
import org.dnsseismograph.render.LanePlan;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.ui.timeline.TimelineViewModel;
import org.dnsseismograph.workspace.LaneSettings;

/**
 * Keeps the timeline in step with the sources: every new plan of lanes is arranged as the analyst
 * (or a workspace being opened) left the old one ({@link LaneArrangement}); the extent follows the
 * sources, and while the analyst has not moved the view since sources were opened, the view shows
 * everything as it grows. The analyst's moves are passed on, so that lanes of loading sources are
 * planned anew between gestures rather than during them ({@link SourcesViewModel#viewMoved}). A workspace's saved window is shown once its sources have loaded.
 *
 * <p>Before any data the timeline spans {@link #PLACEHOLDER}, wider than any capture, so the first
 * extent narrows the view onto the data without a step in the zoom history. FX thread only.
 */
public final class TimelineBinding {
  /** The extent while no source holds data: 1970 to 2100. */
  public static final TimeRange PLACEHOLDER = new TimeRange(0, 4_102_444_800L * 1_000_000_000L);

  private final SourcesViewModel sources;
  private final TimelineViewModel timeline;
  private List<LaneSettings> saved = List.of();
  private TimeRange savedView;
  private boolean following = true;
  private boolean adjusting;

  public TimelineBinding(SourcesViewModel sources, TimelineViewModel timeline) {
    this.sources = sources;
    this.timeline = timeline;
    sources.lanesProperty().addListener((o, was, now) -> lanesChanged(now));
    sources.extentProperty().addListener((o, was, now) -> extentChanged(now));
    sources.loadingProperty().addListener((o, was, now) -> {
      if (!now) {
        loaded();
      }
    });
    timeline.visibleRangeProperty().addListener((o, was, now) -> {
      if (!adjusting) {
        following = false;
        sources.viewMoved();
      }
    });
  }

  /** The timeline over no data: the placeholder extent. */
  public static TimelineViewModel emptyTimeline(java.util.concurrent.Executor reduceOn) {
    return emptyTimeline(org.dnsseismograph.render.ReduceThreads.alone(reduceOn));
  }

  /** The timeline over no data, reducing its frames on {@code reduceOn}'s threads. */
  public static TimelineViewModel emptyTimeline(org.dnsseismograph.render.ReduceThreads reduceOn) {
    return new TimelineViewModel(LanePlan.of(List.of(org.dnsseismograph.render.Lane.annotations())), PLACEHOLDER, reduceOn);
  }

  /**
   * Arranges the lanes as a workspace saved them (while its sources load and once more after) and
   * shows its saved window once they have loaded; the view follows the data until then.
   *
   * @param view the saved window, or null to show everything
   */
  public void showAsSaved(List<LaneSettings> lanes, TimeRange view) {
    saved = List.copyOf(lanes);
    savedView = view;
    following = true;
    lanesChanged(sources.lanesProperty().get());
  }

  /** True while the view grows with the data (the analyst has not moved it since sources were opened). */
  public boolean isFollowing() {
    return following;
  }

  /** Follows the data again (File ▸ Open of new sources, View ▸ Show everything). */
  public void follow() {
    following = true;
  }

  private void lanesChanged(SourcesViewModel.Lanes lanes) {
    LanePlan plan = LaneArrangement.carryOver(lanes.plan(), timeline.plan(), lanes.shownAtFirst());
    timeline.setPlan(LaneArrangement.asSaved(plan, saved));
  }

  private void extentChanged(TimeRange e) {
    adjusting = true;
    try {
      if (e == null) {
        timeline.setExtent(PLACEHOLDER);
        following = true;
        return;
      }
      timeline.setExtent(e);
      if (following && !timeline.visibleRange().equals(e)) {
        timeline.moveTo(e);
      }
    } finally {
      adjusting = false;
    }
  }

  private void loaded() {
    if (!saved.isEmpty()) {
      lanesChanged(sources.lanesProperty().get());
      saved = List.of();
    }
    if (savedView != null && sources.extentProperty().get() != null) {
      timeline.zoomTo(savedView);
      savedView = null;
    }
  }
}
