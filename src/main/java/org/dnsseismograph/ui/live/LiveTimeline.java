package org.dnsseismograph.ui.live;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dnsseismograph.capture.CaptureException;
import org.dnsseismograph.capture.LiveSnapshot;
import org.dnsseismograph.capture.LiveSource;
import org.dnsseismograph.capture.LiveState;
import org.dnsseismograph.render.LanePlan;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.traffic.RecentTraffic;
import org.dnsseismograph.traffic.TransactionSnapshot;
import org.dnsseismograph.ui.common.DialogService;
import org.dnsseismograph.ui.common.TaskRunner;
import org.dnsseismograph.ui.panel.TrafficSource;
import org.dnsseismograph.ui.sources.LaneArrangement;
import org.dnsseismograph.ui.sources.Source;
import org.dnsseismograph.ui.sources.SourceKind;
import org.dnsseismograph.ui.sources.SourcesViewModel;
import org.dnsseismograph.ui.timeline.TimelineViewModel;

/**
 * Puts live sources on the window's timeline beside the files: once per frame ({@link #pulse()})
 * it takes up every live source's newest snapshot, plans the lanes of files and live sources
 * together when one changed, widens the extent to the present and, while following the present
 * ({@link FollowMode}), slides the window so it ends there. The analyst's zoom or pan ends
 * following; {@link #follow()} resumes it with the width then shown. Starting and stopping run on
 * the task runner; a source that cannot start is said in a dialog with its one-line reason (how to
 * grant capture rights, which interface is missing), never a stack trace.
 *
 * <p>The sources panel replans the timeline when files change; this class listens after it and
 * plans again with the live lanes, so both kinds stay on one timeline. FX thread only.
 */
public final class LiveTimeline {
  private final SourcesViewModel sources;
  private final TimelineViewModel timeline;
  private final TaskRunner tasks;
  private final DialogService dialogs;
  private final ObservableList<LiveSession> sessions = FXCollections.observableArrayList();
  /** The sessions' sources, for {@link #sourceActive()} off the FX thread. */
  private final List<LiveSource> liveSources = new CopyOnWriteArrayList<>();
  private final ReadOnlyBooleanWrapper following = new ReadOnlyBooleanWrapper(true);
  private final ReadOnlyBooleanWrapper hasData = new ReadOnlyBooleanWrapper();
  private final FollowMode mode = new FollowMode();
  private final UpdatePace pace = new UpdatePace();
  private long present = Long.MIN_VALUE;
  /** Every extent shown while live sources exist: the extent only grows, so what was shown can be panned back to. */
  private TimeRange grown;

  public LiveTimeline(SourcesViewModel sources, TimelineViewModel timeline, TaskRunner tasks, DialogService dialogs) {
    this.sources = sources;
    this.timeline = timeline;
    this.tasks = tasks;
    this.dialogs = dialogs;
    sources.lanesProperty().addListener((o, was, now) -> {
      if (!sessions.isEmpty()) {
        replan();
      }
    });
    sources.extentProperty().addListener((o, was, now) -> {
      if (!sessions.isEmpty()) {
        place();
      }
    });
  }

  /** The live sources, oldest first (stopped ones stay, with their data, until closed). */
  public ObservableList<LiveSession> sessions() {
    return sessions;
  }

  /** True while the view follows the present. */
  public ReadOnlyBooleanProperty followingProperty() {
    return following.getReadOnlyProperty();
  }

  /** True while a live source is on the timeline. */
  public ReadOnlyBooleanProperty hasDataProperty() {
    return hasData.getReadOnlyProperty();
  }

  /** Starts watching what {@code request} describes; the view follows the present. */
  public LiveSession start(LiveRequest request) {
    return start(request.open());
  }

  /**
   * Whether a live source takes traffic now (running, or paused: a paused capture still takes
   * packets off the interface), as its latest snapshot says. Any thread: the window's reduction
   * asks it once per frame to know whether the capture holds a core.
   */
  public boolean sourceActive() {
    for (LiveSource s : liveSources) {
      if (s.snapshot().state().isActive()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The live sources' transactions as of their snapshots last taken up, for the side panel: one
   * part per generation of each source's recent transactions, the time it still holds, and the
   * resolver a dnstap stream named.
   */
  public List<TrafficSource> traffic() {
    List<TrafficSource> out = new ArrayList<>();
    for (LiveSession s : sessions) {
      RecentTraffic recent = s.snapshot().transactions();
      for (TransactionSnapshot part : recent.parts()) {
        out.add(new TrafficSource(s.name(), part, 0, recent.resolvers(), recent.keptFromNanos()));
      }
    }
    return out;
  }

  /** Starts {@code source} (not started yet) on the task runner and puts it on the timeline. */
  public LiveSession start(LiveSource source) {
    LiveSession s = new LiveSession(source);
    sessions.add(s);
    showNames();
    liveSources.add(source);
    hasData.set(true);
    if (!mode.isOn()) {
      follow();
    }
    tasks.submit("Starting " + source.name(), p -> {
      source.start();
      return source.name();
    }, new TaskRunner.Outcome<>() {
      @Override
      public void succeeded(String name) {
        s.poll();
      }

      @Override
      public void failed(Throwable error) {
        String reason = error instanceof CaptureException || error instanceof IllegalArgumentException ? error.getMessage() : error.toString();
        s.startFailed(reason);
        dialogs.showError(title(error, source.name()), reason);
      }
    });
    return s;
  }

  static String title(Throwable error, String name) {
    if (error instanceof CaptureException c) {
      return switch (c.kind()) {
        case NO_PERMISSION -> "No permission to capture on " + name;
        case NO_SUCH_INTERFACE -> "No interface " + name;
        case BAD_FILTER -> "The capture filter is not valid";
        case LIBPCAP_MISSING -> "libpcap is missing";
        case ADDRESS_IN_USE -> "The dnstap address is in use";
        case OTHER -> "Cannot start " + name;
      };
    }
    return "Cannot start " + name;
  }

  public void pause(LiveSession s) {
    s.pause();
  }

  public void resume(LiveSession s) {
    s.resume();
  }

  /** Stops the source on the task runner (it closes its recording); its data stays shown. */
  public void stop(LiveSession s) {
    tasks.submit("Stopping " + s.name(), p -> {
      s.source().stop();
      return s.name();
    }, new TaskRunner.Outcome<>() {
      @Override
      public void succeeded(String name) {
        s.poll();
      }

      @Override
      public void failed(Throwable error) {
        s.poll();
      }
    });
  }

  /** Stops the source and takes its lanes off the timeline. */
  public void close(LiveSession s) {
    stop(s);
    sessions.remove(s);
    showNames();
    liveSources.remove(s.source());
    hasData.set(!sessions.isEmpty());
    if (sessions.isEmpty()) {
      grown = null;
      present = Long.MIN_VALUE;
    }
    replan();
    place();
  }

  /** Stops every source and waits for each to close its recording (the window is closing). */
  public void stopAll() {
    for (LiveSession s : sessions) {
      s.source().stop();
    }
  }

  /** Follows the present again (End, L, the Follow button), keeping the width now shown. */
  public void follow() {
    mode.resume(timeline.visibleRange());
    following.set(true);
    place();
  }

  /** Stops following; the view stays where it is. */
  public void stopFollowing() {
    mode.pause();
    following.set(false);
  }

  /**
   * One frame at {@code now} (monotonic ns): notices whether the analyst moved the view and, when an
   * update is due ({@link UpdatePace}), takes up new snapshots, plans and moves the timeline.
   * Returns true when anything changed.
   */
  public boolean pulse(long now) {
    following.set(mode.check(timeline.visibleRange()));
    if (!pace.pulse(now)) {
      return false;
    }
    pace.updated(now);
    boolean changed = false;
    for (LiveSession s : sessions) {
      changed |= s.poll();
    }
    if (changed) {
      showNames();
      replan();
      place();
    }
    return changed;
  }

  /** Tells the sources panel which live sources the timeline shows (a dnstap source is named by its port once bound). */
  private void showNames() {
    List<String> names = sessions.stream().map(LiveSession::name).toList();
    if (!names.equals(sources.liveSourceNames())) {
      sources.liveSourceNames().setAll(names);
    }
  }

  private void replan() {
    List<Source> files = sources.sources().stream().filter(s -> !s.seriesProperty().get().series().isEmpty()).toList();
    List<SeriesSet> live = new ArrayList<>();
    for (LiveSession s : sessions) {
      SeriesSet set = s.snapshot().series();
      live.add(set.sourceName().equals(s.name()) ? set : new SeriesSet(s.name(), set.series()));
    }
    LiveLanes.Planned p = LiveLanes.plan(files.stream().map(Source::shiftedSeries).toList(),
        files.stream().map(s -> s.kind() == SourceKind.EXPORT).toList(), live);
    LanePlan arranged = LaneArrangement.carryOver(p.plan(), timeline.plan(), p.shownAtFirst());
    timeline.setPlan(LiveLanes.sidesFound(arranged, timeline.plan(), p.liveKeys()));
  }

  /** Widens the extent to the data and the present; while following, the window ends at the present. */
  private void place() {
    if (sessions.isEmpty()) {
      return;
    }
    TimeRange data = sources.extentProperty().get();
    for (LiveSession s : sessions) {
      LiveSnapshot snap = s.snapshot();
      TimeRange e = snap.series().extent();
      data = e == null ? data : data == null ? e : data.union(e);
      if (snap.state() != LiveState.NEW && snap.state() != LiveState.FAILED && snap.takenAtNanos() > 0) {
        present = Math.max(present, snap.takenAtNanos());
      }
      if (e != null) {
        present = Math.max(present, e.endNanos());
      }
    }
    if (present == Long.MIN_VALUE) {
      return;
    }
    TimeRange window = mode.windowAt(present);
    TimeRange recent = window != null ? window : new TimeRange(present - mode.widthNanos(), present);
    TimeRange whole = data == null ? recent : data.union(recent);
    whole = grown == null ? whole : grown.union(whole);
    grown = whole;
    if (window != null) {
      timeline.follow(whole, window);
      mode.showed(timeline.visibleRange());
    } else if (!whole.equals(timeline.extent())) {
      timeline.setExtent(whole);
    }
  }
}
