package org.dnsseismograph.ui.sources;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dnsseismograph.analysis.AlignmentMetrics;
import org.dnsseismograph.capture.DnstapFiles;
import org.dnsseismograph.render.LaneDefaults;
import org.dnsseismograph.render.LanePlan;
import org.dnsseismograph.render.LanePlanner;
import org.dnsseismograph.render.Palette;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.ui.common.TaskRunner;
import org.dnsseismograph.wire.CaptureFiles;
import org.dnsseismograph.wire.MessageFiles;
import org.dnsseismograph.wire.RotatedCaptures;

/**
 * The sources of the window and what they add up to: opening files (recognised by content off the
 * FX thread), loading each as a capture or an export, closing them, their clock offsets and time
 * zones, and the lanes and extent of everything loaded so far, shifted by each source's correction.
 * Loading threads publish snapshots; {@link #poll()} takes the newest up once per frame, so the
 * lanes grow while files are read without one hand-over per packet.
 *
 * <p>FX thread only (or one test thread with a {@code CurrentThreadTaskRunner}).
 */
public final class SourcesViewModel {
  /** What the timeline should draw: the planned lanes and the keys of new lanes to show at first. */
  public record Lanes(LanePlan plan, Set<String> shownAtFirst) {}

  /**
   * Least time between two plans of the lanes while sources load: the lanes grow once a second (the
   * figures of the status bar still follow every snapshot). Every plan redraws every lane, which
   * costs the software renderer 70–160 ms over a full window: four plans a second took more CPU
   * than the load itself: the 10 M-packet bench capture took 75–78 s to load in the window, against
   * 47 s at one a second (docs/figures/timeline.md, stop 23).
   */
  static final long REPLAN_NANOS = 1_000_000_000L;

  /**
   * While sources load, a plan waits until the analyst's gesture has paused this long: every plan
   * redraws all lanes, and a zoom or a pan should have the cores to itself.
   */
  static final long GESTURE_QUIET_NANOS = 400_000_000L;

  /** Longest wait of a plan for a gesture to pause: the lanes still grow every two seconds. */
  static final long REPLAN_LONGEST_NANOS = 2_000_000_000L;

  /** A feature this fraction of the visible window wide is what the coarseness warning is about. */
  static final int COARSE_FRACTION = 20;

  private final ObservableList<Source> sources = FXCollections.observableArrayList();
  private final ObservableList<Source> readOnlySources = FXCollections.unmodifiableObservableList(sources);
  private final ReadOnlyObjectWrapper<Lanes> lanes = new ReadOnlyObjectWrapper<>(new Lanes(new LanePlanner(Palette.STANDARD).plan(List.of()), Set.of()));
  private final ReadOnlyObjectWrapper<TimeRange> extent = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper startingUp = new ReadOnlyBooleanWrapper();
  private final ObservableList<String> liveNames = FXCollections.observableArrayList();
  private final ObjectProperty<Source> reference = new SimpleObjectProperty<>();
  private final ReadOnlyObjectWrapper<Long> revision = new ReadOnlyObjectWrapper<>(0L);
  private final TaskRunner tasks;
  private final SourceLoading loader;
  private final java.util.function.LongSupplier clock;
  private long lastReplan = Long.MIN_VALUE / 2;
  private boolean replanPending;
  private long lastGesture = Long.MIN_VALUE / 2;
  private int nextId = 1;
  /** Batches of files still being recognised: the window counts as loading meanwhile. */
  private int opening;
  /** The planner's source keys of the last plan, with their sources: lane key prefix → source. */
  private java.util.Map<String, Source> laneOwners = java.util.Map.of();

  public SourcesViewModel(TaskRunner tasks, SourceLoads loads) {
    this(tasks, loads, System::nanoTime);
  }

  /** @param clock monotonic nanoseconds, for the pace of plans while loading */
  SourcesViewModel(TaskRunner tasks, SourceLoads loads, java.util.function.LongSupplier clock) {
    this.clock = clock;
    this.tasks = tasks;
    this.loader = new SourceLoading(tasks, loads, this::seriesChanged);
    sources.addListener((javafx.collections.ListChangeListener<Source>) c -> {
      if (!sources.isEmpty()) {
        startingUp.set(false);
      }
    });
  }

  /**
   * True from {@link #startingUp()} until the first source is listed or {@link #startedUp()}: the
   * window is opening what it was asked for, so "no source yet" is not the state to show.
   */
  public ReadOnlyBooleanProperty startingUpProperty() {
    return startingUp.getReadOnlyProperty();
  }

  /** The window opens what it was asked for at start-up (a workspace, files, a live capture). */
  public void startingUp() {
    startingUp.set(sources.isEmpty());
  }

  /** The start-up opening is over, whatever came of it. */
  public void startedUp() {
    startingUp.set(false);
  }

  public ObservableList<Source> sources() {
    return readOnlySources;
  }

  public ReadOnlyObjectProperty<Lanes> lanesProperty() {
    return lanes.getReadOnlyProperty();
  }

  /** The union of the shifted sources' extents (epoch ns, UTC), or null while none holds data. */
  public ReadOnlyObjectProperty<TimeRange> extentProperty() {
    return extent.getReadOnlyProperty();
  }

  /**
   * The names of the live sources on the timeline, kept by the live side of the window: they are
   * not files, so they have no card here, but the panel must not say there is no source at all.
   */
  public ObservableList<String> liveSourceNames() {
    return liveNames;
  }

  /** True while any source loads. */
  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** The source whose clock is taken as right for offset estimates (by default the first capture). */
  public ObjectProperty<Source> referenceProperty() {
    return reference;
  }

  /** Counts every change a workspace would save (a source, an offset, a zone): for {@code changes()}. */
  public Observable revision() {
    return revision;
  }

  /**
   * A file to open, with what a workspace remembered of it.
   *
   * @param path the file, or the first file of a rotated capture
   * @param correctionNanos the clock correction to apply
   * @param zone the time zone of an export's local times, or null
   * @param expectedHash the content hash saved with it, or empty
   * @param parts the names of a rotated capture's other files, beside the first, as a workspace
   *     saved them; empty for a file opened afresh (its pieces are then found among the files opened
   *     with it, {@link RotatedCaptures})
   */
  public record Opening(Path path, long correctionNanos, ZoneId zone, String expectedHash, List<String> parts) {
    public Opening {
      parts = List.copyOf(parts);
    }

    /** A file as a workspace remembered it, on its own. */
    public Opening(Path path, long correctionNanos, ZoneId zone, String expectedHash) {
      this(path, correctionNanos, zone, expectedHash, List.of());
    }

    /** A file opened afresh: no offset, no zone, no hash to check. */
    public static Opening of(Path path) {
      return new Opening(path, 0, null, "");
    }

    List<Path> files() {
      List<Path> files = new ArrayList<>(List.of(path));
      parts.forEach(part -> files.add(path.resolveSibling(part)));
      return files;
    }
  }

  /** What an opening turned out to be: its kind, its files (several for a rotated capture), why it is unknown. */
  private record Found(SourceFiles.Recognised recognised, List<Path> files, Opening opening) {}

  /**
   * Opens files: recognises each by content on the task runner, then loads captures and exports as
   * new sources; a workspace goes to {@code workspaces}; an unrecognised file becomes a failed
   * source with its reason. Captures opened together that are pieces of one rotated capture become
   * one source.
   */
  public void open(List<Path> paths, Consumer<Path> workspaces) {
    openAll(paths.stream().map(Opening::of).toList(), workspaces);
  }

  /** As {@link #open}, each file with its remembered offset, zone and hash. */
  public void openAll(List<Opening> files, Consumer<Path> workspaces) {
    List<Opening> abs = files.stream()
        .map(o -> new Opening(o.path().toAbsolutePath().normalize(), o.correctionNanos(), o.zone(), o.expectedHash(), o.parts())).toList();
    opening++;
    loading.set(true);
    tasks.submit("Recognising files", p -> recognise(abs), new TaskRunner.Outcome<>() {
      @Override
      public void succeeded(List<Found> found) {
        opening--;
        for (Found f : found) {
          SourceFiles.Recognised r = f.recognised();
          Opening o = f.opening();
          switch (r.kind()) {
            case WORKSPACE -> workspaces.accept(r.path());
            case CAPTURE -> add(f.files(), SourceKind.CAPTURE, o.correctionNanos(), o.zone(), o.expectedHash());
            case DNSTAP -> add(f.files(), SourceKind.DNSTAP, o.correctionNanos(), o.zone(), o.expectedHash());
            case EXPORT -> add(r.path(), SourceKind.EXPORT, o.correctionNanos(), o.zone(), o.expectedHash());
            case UNKNOWN -> addFailed(r.path(), r.reason(), r.detail());
          }
        }
        seriesChanged();
      }

      @Override
      public void failed(Throwable error) {
        opening--;
        for (Opening o : abs) {
          addFailed(o.path(), SourceLoads.reason(o.path(), error), List.of());
        }
      }
    });
  }

  /**
   * Recognises the openings (off the FX thread) and groups the captures opened afresh into rotated
   * captures: a group takes the place of its first member in the order given.
   */
  private static List<Found> recognise(List<Opening> given) {
    List<Opening> openings = withCaptureDirectoriesOpened(given);
    Map<Path, Integer> index = new HashMap<>();
    List<SourceFiles.Recognised> kinds = new ArrayList<>();
    for (Opening o : openings) {
      index.putIfAbsent(o.path(), kinds.size());
      kinds.add(SourceFiles.recognise(o.path()));
    }
    List<Path> paths = openings.stream().map(Opening::path).toList();
    Function<Path, MessageFiles> fresh = p -> {
      int i = index.get(p);
      return openings.get(i).parts().isEmpty() ? SourceLoads.messagesOf(kinds.get(i).kind()) : null;
    };
    List<List<Path>> groups;
    try {
      groups = RotatedCaptures.group(paths, fresh);
    } catch (IOException e) {
      // A capture that cannot be read now fails its own load with its reason; the files open one by one.
      groups = paths.stream().map(List::of).toList();
    }
    List<Found> out = new ArrayList<>();
    for (List<Path> group : groups) {
      int i = index.get(group.get(0));
      Opening o = openings.get(i);
      out.add(new Found(kinds.get(i), group.size() > 1 ? group : o.files(), o));
    }
    return out;
  }

  /**
   * A directory that holds only captures (the pieces of a rotated capture, dropped as their folder)
   * is opened as those files; any other directory stays a snapshot sequence.
   */
  private static List<Opening> withCaptureDirectoriesOpened(List<Opening> openings) {
    List<Opening> out = new ArrayList<>();
    for (Opening o : openings) {
      List<Path> files = o.parts().isEmpty() ? CaptureFiles.filesOf(o.path(), DnstapFiles.KINDS) : List.of(o.path());
      if (files.equals(List.of(o.path()))) {
        out.add(o);
      } else {
        files.forEach(f -> out.add(new Opening(f, o.correctionNanos(), o.zone(), "")));
      }
    }
    return out;
  }

  /**
   * Adds and loads one source whose kind is known.
   *
   * @param correctionNanos the clock correction to apply (a workspace's saved offset)
   * @param zone the time zone of an export's local times, or null
   * @param expectedHash the content hash a workspace saved, or empty; a differing file is warned about
   */
  public Source add(Path file, SourceKind kind, long correctionNanos, ZoneId zone, String expectedHash) {
    return add(List.of(file), kind, correctionNanos, zone, expectedHash);
  }

  /** As {@link #add(Path, SourceKind, long, ZoneId, String)} for a capture rotated into several files, read as one. */
  public Source add(List<Path> files, SourceKind kind, long correctionNanos, ZoneId zone, String expectedHash) {
    Source s = new Source(nextId++, files, kind, RotatedCaptures.name(files), correctionNanos, zone);
    sources.add(s);
    if (reference.get() == null || kind.hasTraffic() && !reference.get().kind().hasTraffic()) {
      reference.set(s);
    }
    loader.start(s, expectedHash);
    seriesChanged();
    return s;
  }

  private void addFailed(Path file, String reason, List<String> detail) {
    Source s = new Source(nextId++, List.of(file), SourceKind.UNKNOWN, file.getFileName().toString(), 0, null);
    s.setFailure(reason);
    s.setFailureDetail(detail);
    s.setState(SourceState.FAILED);
    sources.add(s);
    seriesChanged();
  }

  /** Closes a source read from several files and opens each of its files as a source of its own. */
  public void openApart(Source s) {
    if (s.files().size() < 2) {
      return;
    }
    close(s);
    for (Path file : s.files()) {
      add(List.of(file), s.kind(), s.setting().correctionNanos(), s.setting().zone(), "");
    }
  }

  /** Closes a source (cancelling its load) and drops its lanes. */
  public void close(Source s) {
    loader.cancel(s);
    if (s.state() == SourceState.LOADING) {
      s.setState(SourceState.CANCELLED);
    }
    sources.remove(s);
    if (reference.get() == s) {
      reference.set(sources.stream().filter(x -> x.kind().hasTraffic()).findFirst().orElse(sources.isEmpty() ? null : sources.get(0)));
    }
    seriesChanged();
  }

  /** Closes every source. */
  public void closeAll() {
    for (Source s : List.copyOf(sources)) {
      close(s);
    }
  }

  /** Cancels every load in progress; what was read so far stays shown. */
  public void cancelLoads() {
    sources.forEach(loader::cancel);
  }

  /** Loads a failed or cancelled source again. */
  public void reload(Source s) {
    if (s.kind() != SourceKind.UNKNOWN && s.state() != SourceState.LOADING) {
      loader.start(s, "");
      seriesChanged();
    }
  }

  /**
   * Takes up the newest snapshot of every loading source (call once per frame); true when lanes or
   * figures changed.
   */
  public boolean poll() {
    boolean changed = false;
    for (Source s : sources) {
      changed |= loader.takeOffered(s);
    }
    replanPending |= changed;
    long now = clock.getAsLong();
    if (replanPending && replanDue(now)) {
      replan();
    }
    return changed;
  }

  /**
   * The analyst moved the view (a zoom, a pan): plans of loading sources wait for the gesture to
   * pause ({@link #GESTURE_QUIET_NANOS}), but no longer than {@link #REPLAN_LONGEST_NANOS}.
   */
  public void viewMoved() {
    lastGesture = clock.getAsLong();
  }

  private boolean replanDue(long now) {
    long since = now - lastReplan;
    return since >= REPLAN_NANOS && (now - lastGesture >= GESTURE_QUIET_NANOS || since >= REPLAN_LONGEST_NANOS);
  }

  /** Sets the clock correction of {@code s} by hand (typed or dragged); any estimate on offer is withdrawn. */
  public void setOffset(Source s, long correctionNanos) {
    if (s.setting().correctionNanos() != correctionNanos) {
      s.setSetting(s.setting().withManualOffset(correctionNanos));
      seriesChanged();
    }
  }

  /** Reads an export's local times in {@code zone} (imported again). */
  public void setZone(Source s, ZoneId zone) {
    if (s.kind() == SourceKind.EXPORT && !java.util.Objects.equals(zone, s.setting().zone())) {
      s.setSetting(s.setting().withZone(zone));
      loader.cancel(s);
      if (s.state() == SourceState.LOADING) {
        s.setState(SourceState.CANCELLED);
      }
      loader.start(s, "");
      seriesChanged();
    }
  }

  /**
   * Warns, per source, where a series is too coarse for the window looked at: a feature a twentieth
   * of the window wide (a spike, an outage) cannot show in a series whose interval there is longer
   * ({@link org.dnsseismograph.series.ResolvableSeries#tooCoarseFor}).
   */
  public void updateCoarseness(TimeRange visible) {
    long feature = Math.max(1, visible.durationNanos() / COARSE_FRACTION);
    for (Source s : sources) {
      long step = 0;
      for (var series : s.shiftedSeries().series().values()) {
        if (!series.isEmpty() && series.extent().overlaps(visible) && series.tooCoarseFor(visible, feature)) {
          step = Math.max(step, series.coarsestStepIn(visible));
        }
      }
      s.setCoarseness(step == 0 ? "" : "one value per " + TimeUnits.formatDuration(step) + ": too coarse for features of "
          + TimeUnits.formatDuration(feature) + " at this zoom");
    }
  }

  /** The sources with data as the timeline shows them, shifted by their corrections, in order. */
  public List<SeriesSet> shiftedSets() {
    return sources.stream().filter(s -> !s.seriesProperty().get().series().isEmpty()).map(Source::shiftedSeries).toList();
  }

  /** Applies a changed setting (an accepted estimate); the lanes are planned again. */
  void settingChanged() {
    seriesChanged();
  }

  private void seriesChanged() {
    // Lanes first: whoever hears that loading ended sees the lanes of everything loaded.
    replan();
    loading.set(opening > 0 || sources.stream().anyMatch(s -> s.state() == SourceState.LOADING));
    revision.set(revision.get() + 1);
  }

  private void replan() {
    replanPending = false;
    lastReplan = clock.getAsLong();
    List<Source> withData = sources.stream().filter(s -> !s.seriesProperty().get().series().isEmpty()).toList();
    List<SeriesSet> sets = withData.stream().map(Source::shiftedSeries).toList();
    LanePlan plan = new LanePlanner(Palette.STANDARD).plan(sets);
    List<LaneDefaults.Keyed> keyed = LaneDefaults.keyed(sets, withData.stream().map(s -> s.kind() == SourceKind.EXPORT).toList(),
        AlignmentMetrics::rateSeries);
    java.util.Map<String, Source> owners = new java.util.HashMap<>();
    for (int i = 0; i < keyed.size(); i++) {
      owners.put(keyed.get(i).key(), withData.get(i));
    }
    laneOwners = owners;
    lanes.set(new Lanes(plan, LaneDefaults.shownAtFirst(plan.lanes(), keyed)));
    TimeRange all = null;
    for (SeriesSet s : sets) {
      TimeRange e = s.extent();
      all = e == null ? all : all == null ? e : all.union(e);
    }
    extent.set(all);
  }

  /** The source whose lane has {@code laneKey} ({@code capture.pcap/client.rate}), or null (the annotations lane). */
  public Source sourceOfLane(String laneKey) {
    int slash = laneKey.indexOf('/');
    return slash < 0 ? null : laneOwners.get(laneKey.substring(0, slash));
  }

  /** The sources in their order, for workspaces and tests. */
  List<Source> list() {
    return new ArrayList<>(sources);
  }
}
