package org.dnsseismograph.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.dnsseismograph.series.TimeRange;

/**
 * One open workspace being worked on: the file it came from (or none yet), its title, sources
 * (held with absolute paths), lane arrangement, view range, and the annotations with their undo
 * history; whether anything differs from the file; and the recovery copy kept by an {@link
 * Autosave} a moment after each change. The plain logic behind the window's Save / Save as / Open
 * and its title, also run as it is by the command line and the crash test.
 *
 * <p>Modified means: an annotation edit since the save point (undoing back to it clears it), or
 * any change of title, sources, offsets or lanes since the last save. Moving the view alone is
 * saved with the rest but does not count as a change (as scrolling a document does not).
 *
 * <p>Not thread-safe: confine it to one thread (the FX thread in the window). Saving is split
 * into {@link #beginSave} (a snapshot, on that thread), the write (any thread) and {@link
 * #finishSave} (back on that thread), so the window writes off the FX thread.
 */
public final class WorkspaceSession {
  /**
   * A save under way: what is written where, and the state it captures. Immutable.
   *
   * @param target the file being written
   * @param content the workspace as it goes into the file (source paths relative to it when possible)
   * @param position the edit history's position at the snapshot
   * @param settingsVersion the settings' change count at the snapshot
   */
  public record SaveTicket(Path target, Workspace content, Object position, long settingsVersion) {}

  private final AnnotationBook book;
  private final EditHistory history;
  private final Autosave autosave;
  private final List<Runnable> listeners = new ArrayList<>();
  private final Set<String> missing = new LinkedHashSet<>();
  private Path file;
  private String title = "";
  private List<SourceRef> sources = List.of();
  private List<LaneSettings> lanes = List.of();
  private TimeRange view;
  private long settingsVersion;
  private long savedSettingsVersion;
  private boolean autosaved;
  private boolean loading;

  /**
   * An empty, untitled session over {@code book} and {@code history} (the ones the annotation
   * views edit); {@code autosave} may be null (no recovery copies).
   */
  public WorkspaceSession(AnnotationBook book, EditHistory history, Autosave autosave) {
    this.book = Objects.requireNonNull(book, "book");
    this.history = Objects.requireNonNull(history, "history");
    this.autosave = autosave;
    book.addListener(this::changed);
    history.addListener(this::changed);
  }

  public AnnotationBook book() {
    return book;
  }

  public EditHistory history() {
    return history;
  }

  /** The recovery writer, or null. */
  public Autosave autosave() {
    return autosave;
  }

  /** The workspace file, or null while untitled. */
  public Path file() {
    return file;
  }

  /** The file's name, or "Untitled". */
  public String displayName() {
    return file == null ? "Untitled" : file.getFileName().toString();
  }

  /**
   * Whether anything differs from the file; an untitled session without title, sources or
   * annotations has nothing to lose and is never modified (arranging the lanes of an empty window is no work).
   */
  public boolean isModified() {
    if (file == null && sources.isEmpty() && book.all().isEmpty() && title.isEmpty()) {
      return false;
    }
    return history.isModified() || settingsVersion != savedSettingsVersion;
  }

  /** Told after every change of state, modified flag or file. */
  public void addListener(Runnable l) {
    listeners.add(l);
  }

  public void removeListener(Runnable l) {
    listeners.remove(l);
  }

  /**
   * Replaces everything by {@code w} as read from {@code from} (null: a workspace made in memory,
   * its paths taken as they are): relative source paths are resolved against the file; the undo
   * history starts empty and the state counts as saved. Does not look at the recovery store; ask
   * it before ({@link RecoveryStore#find}).
   */
  public void open(Workspace w, Path from) {
    loading = true;
    try {
      file = from == null ? null : from.toAbsolutePath().normalize();
      load(w);
      history.clear();
      savedSettingsVersion = settingsVersion;
      autosaved = false;
    } finally {
      loading = false;
    }
    fire();
  }

  /**
   * Replaces everything by a recovery copy: the state of a session that did not end cleanly,
   * unsaved, so it counts as modified (and is autosaved again at once) until saved.
   */
  public void restore(Recovery r) {
    loading = true;
    try {
      file = r.workspaceFile();
      load(r.workspace());
      history.clear();
      savedSettingsVersion = settingsVersion - 1;
    } finally {
      loading = false;
    }
    changed();
  }

  private void load(Workspace w) {
    title = w.title();
    sources = w.sources().stream().map(s -> withPath(s, SourcePaths.resolve(file, s.path()))).toList();
    lanes = w.lanes();
    view = w.view();
    missing.clear();
    settingsVersion++;
    book.replaceAll(w.annotations());
  }

  /** The whole state now, with absolute source paths (what a recovery copy holds). */
  public Workspace snapshot() {
    return new Workspace(title, sources, lanes, view, book.all());
  }

  /** The state as it would be written to {@code target}: source paths relative to it when possible. */
  public Workspace contentFor(Path target) {
    List<SourceRef> stored = sources.stream().map(s -> withPath(s, SourcePaths.stored(target, Path.of(s.path())))).toList();
    return new Workspace(title, stored, lanes, view, book.all());
  }

  /** Takes the snapshot of a save to {@code target}; write {@link SaveTicket#content()} and call {@link #finishSave}. */
  public SaveTicket beginSave(Path target) {
    Path t = target.toAbsolutePath().normalize();
    return new SaveTicket(t, contentFor(t), history.position(), settingsVersion);
  }

  /**
   * Records that {@code ticket}'s content is in its file: the session is now that file's, saved as
   * of the snapshot (changes made while writing stay unsaved), and the recovery copies of the old
   * and the new file are deleted unless such changes exist.
   */
  public void finishSave(SaveTicket ticket) {
    Path old = file;
    file = ticket.target();
    savedSettingsVersion = ticket.settingsVersion();
    history.markSaved(ticket.position());
    if (autosave != null && !isModified()) {
      autosave.discard(old);
      autosave.discard(file);
      autosaved = false;
    }
    fire();
  }

  /**
   * Saves to {@code target} on the calling thread (the command line, tests).
   *
   * @throws IOException if the file cannot be written; the session is unchanged then
   */
  public void saveTo(Path target) throws IOException {
    SaveTicket t = beginSave(target);
    WorkspaceJson.save(t.content(), t.target());
    finishSave(t);
  }

  public String title() {
    return title;
  }

  /** The incident's title, drawn on exports. */
  public void setTitle(String t) {
    String v = t == null ? "" : t.strip();
    if (!v.equals(title)) {
      title = v;
      settingsChanged();
    }
  }

  /** The sources, with absolute paths, in the order they were added. */
  public List<SourceRef> sources() {
    return sources;
  }

  /**
   * Sets the sources (their paths absolute, or relative to the working directory). Content hashes
   * that loading learnt for sources recorded without one are not a change of the analyst's: an
   * unmodified session stays unmodified.
   */
  public void setSources(List<SourceRef> s) {
    List<SourceRef> abs = s.stream().map(r -> withPath(r, Path.of(r.path()).toAbsolutePath().normalize())).toList();
    if (abs.equals(sources)) {
      return;
    }
    boolean learntHashesOnly = onlyHashesLearnt(sources, abs);
    sources = abs;
    missing.retainAll(abs.stream().map(SourceRef::name).toList());
    if (learntHashesOnly) {
      changed();
    } else {
      settingsChanged();
    }
  }

  private static boolean onlyHashesLearnt(List<SourceRef> before, List<SourceRef> after) {
    if (before.size() != after.size()) {
      return false;
    }
    for (int i = 0; i < before.size(); i++) {
      SourceRef b = before.get(i);
      SourceRef a = after.get(i);
      boolean learnt = b.contentHash().isEmpty() && b.equals(a.withContentHash(""));
      if (!learnt && !b.equals(a)) {
        return false;
      }
    }
    return true;
  }

  /** Sets one source's clock offset (ns). */
  public void setOffset(String sourceName, long offsetNanos) {
    setSources(sources.stream().map(s -> s.name().equals(sourceName) ? s.withOffset(offsetNanos) : s).toList());
  }

  /**
   * The analyst said where a moved or changed source is: it is read from {@code file} now, and its
   * recorded content becomes {@code hash} (the file as it is).
   */
  public void relocate(String sourceName, Path newFile, String hash) {
    missing.remove(sourceName);
    setSources(sources.stream().map(s -> s.name().equals(sourceName)
        ? s.withPath(newFile.toAbsolutePath().normalize().toString()).withContentHash(hash) : s).toList());
    fire();
  }

  /**
   * The analyst goes on without a source that cannot be found: it stays in the workspace (saved
   * as it was recorded, so it can be found later) but is not loaded.
   */
  public void markMissing(String sourceName) {
    if (sources.stream().anyMatch(s -> s.name().equals(sourceName)) && missing.add(sourceName)) {
      fire();
    }
  }

  /** Names of the sources marked missing. */
  public Set<String> missing() {
    return Set.copyOf(missing);
  }

  /** The sources to load: all but those marked missing. */
  public List<SourceRef> loadable() {
    return sources.stream().filter(s -> !missing.contains(s.name())).toList();
  }

  public List<LaneSettings> lanes() {
    return lanes;
  }

  /** The lane arrangement (display order, visibility, heights), as the timeline has it. */
  public void setLanes(List<LaneSettings> l) {
    List<LaneSettings> copy = List.copyOf(l);
    if (!copy.equals(lanes)) {
      lanes = copy;
      settingsChanged();
    }
  }

  /**
   * Takes the lane arrangement the timeline made of the saved one when the sources were loaded
   * (the saved lanes, with any the file did not list in their default places): not a change of
   * the analyst's, so an unmodified session stays unmodified.
   */
  public void adoptLanes(List<LaneSettings> l) {
    boolean wasModified = isModified();
    lanes = List.copyOf(l);
    if (!wasModified) {
      savedSettingsVersion = settingsVersion;
    }
    fire();
  }

  /** The view range, or null for everything. */
  public TimeRange view() {
    return view;
  }

  /** The view range now; saved, but not a change by itself. */
  public void setView(TimeRange v) {
    if (!Objects.equals(v, view)) {
      view = v;
      if (isModified()) {
        changed();
      }
    }
  }

  /**
   * Ends the session without keeping unsaved edits: its recovery copy is deleted and the autosave
   * thread stopped (after a write under way).
   */
  public void closeDiscarding() {
    if (autosave != null) {
      autosave.discard(file);
      autosave.close();
    }
  }

  private void settingsChanged() {
    settingsVersion++;
    changed();
  }

  private void changed() {
    if (loading) {
      return;
    }
    if (autosave != null) {
      if (isModified()) {
        autosave.changed(snapshot(), file);
        autosaved = true;
      } else if (autosaved) {
        autosave.discard(file);
        autosaved = false;
      }
    }
    fire();
  }

  private void fire() {
    for (Runnable r : List.copyOf(listeners)) {
      r.run();
    }
  }

  private static SourceRef withPath(SourceRef s, Path p) {
    return withPath(s, p.toString());
  }

  private static SourceRef withPath(SourceRef s, String p) {
    return s.withPath(p);
  }
}
