package org.dnsseismograph.ui.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.dnsseismograph.ui.timeline.TimelineViewModel;
import org.dnsseismograph.workspace.Recovery;
import org.dnsseismograph.workspace.RecoveryStore;
import org.dnsseismograph.workspace.SourceRef;
import org.dnsseismograph.workspace.Workspace;
import org.dnsseismograph.workspace.WorkspaceJson;
import org.dnsseismograph.workspace.WorkspaceSession;

/**
 * The window's side of a {@link WorkspaceSession}: Save, Save as, Open and Close as commands that
 * answer with futures, the window title with the file's name and a "*" while anything is unsaved,
 * a status line, and the questions on the way (unsaved changes, a recovery copy to restore, a
 * source that moved or changed) through {@link SessionDialogs}. Files are read, hashed and written
 * on the background executor, never on the FX thread; the session is touched only on the FX
 * executor. Once {@link #bindTimeline bound}, the timeline's lane arrangement and view are kept in
 * the session.
 *
 * <p>FX thread only. Every command's future completes on the FX thread; failures are shown through
 * {@link SessionDialogs#showError} and complete it with false.
 */
public final class WorkspaceViewModel {
  /** The application's name in the window title. */
  public static final String APP = "DNS Seismograph";
  /** The extension a saved workspace gets when the analyst types none. */
  public static final String EXTENSION = ".seismograph.json";

  private final WorkspaceSession session;
  private final SessionDialogs dialogs;
  private final WorkspaceDisplay host;
  private final Executor background;
  private final Executor fx;
  private final ReadOnlyStringWrapper windowTitle = new ReadOnlyStringWrapper();
  private final ReadOnlyBooleanWrapper modified = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private TimelineViewModel timeline;
  private boolean showing;
  private Path bundled;

  public WorkspaceViewModel(WorkspaceSession session, SessionDialogs dialogs, WorkspaceDisplay host, Executor background, Executor fx) {
    this.session = session;
    this.dialogs = dialogs;
    this.host = host;
    this.background = background;
    this.fx = fx;
    session.addListener(this::refresh);
    if (session.autosave() != null) {
      session.autosave().setListener(o -> fx.execute(() -> status.set(o.failure() == null ? status.get()
          : "Autosave failed: " + o.failure().getMessage())));
    }
    refresh();
  }

  public WorkspaceSession session() {
    return session;
  }

  /** "*incident.seismograph.json — DNS Seismograph" while modified, without the star once saved. */
  public ReadOnlyStringProperty windowTitleProperty() {
    return windowTitle.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty modifiedProperty() {
    return modified.getReadOnlyProperty();
  }

  /** One line about the last thing done ("Saved incident.seismograph.json"). */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** True while a file is read or written. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /**
   * Keeps the timeline's lane arrangement (a change) and view (saved, not a change) in the
   * session from now on.
   */
  public void bindTimeline(TimelineViewModel t) {
    timeline = t;
    t.planProperty().addListener((o, a, b) -> {
      if (!showing) {
        session.setLanes(b.settings());
      }
    });
    t.visibleRangeProperty().addListener((o, a, b) -> {
      if (!showing) {
        session.setView(b);
      }
    });
  }

  /**
   * Keeps the session's sources (paths, hashes, offsets, time zones) as the window's sources panel
   * has them: read from {@code sources} whenever {@code changes} fires, except while a workspace
   * is being shown.
   */
  public void followSources(Observable changes, Supplier<List<SourceRef>> sources) {
    changes.addListener(o -> {
      if (!showing) {
        session.setSources(sources.get());
      }
    });
  }

  /**
   * Workspaces under {@code dir} are the program's own (the bundled demo): they are never written
   * over, and what is saved or exported from them is suggested in the analyst's home directory. A
   * directory the program is installed in is not the analyst's to write, and in a source checkout
   * the demo is a fixture that Ctrl+S must not change.
   */
  public void setBundledDirectory(Path dir) {
    bundled = dir == null ? null : dir.toAbsolutePath().normalize();
  }

  /** True when the session's file is one the program ships ({@link #setBundledDirectory}). */
  public boolean isBundled() {
    Path f = session.file();
    return f != null && bundled != null && f.toAbsolutePath().normalize().startsWith(bundled);
  }

  /**
   * Where a file named {@code name} is suggested for what the analyst saves or exports from this
   * session: beside its workspace file, or in the home directory for an untitled or bundled one.
   */
  public Path suggestedFile(String name) {
    Path f = session.file();
    return f == null || isBundled() ? Path.of(System.getProperty("user.home"), name) : f.resolveSibling(name);
  }

  /** Save: to the session's file, or Save as for an untitled or bundled one. */
  public CompletableFuture<Boolean> save() {
    return session.file() == null || isBundled() ? saveAs() : saveTo(session.file());
  }

  /** Save as: asks where, then saves there. */
  public CompletableFuture<Boolean> saveAs() {
    Path suggested = session.file() == null ? Path.of("incident" + EXTENSION) : suggestedFile(session.file().getFileName().toString());
    return dialogs.chooseWorkspaceToSave(suggested).thenCompose(p -> p.isEmpty() ? done(false) : saveTo(withExtension(p.get())));
  }

  /** Saves to {@code file}: the snapshot now, written in the background. */
  public CompletableFuture<Boolean> saveTo(Path file) {
    WorkspaceSession.SaveTicket t = session.beginSave(file);
    busy.set(true);
    return CompletableFuture.runAsync(() -> io(() -> {
      WorkspaceJson.save(t.content(), t.target());
      return null;
    }), background).handleAsync((v, e) -> {
      busy.set(false);
      if (e != null) {
        return failed("Cannot save " + t.target().getFileName(), e);
      }
      session.finishSave(t);
      status.set("Saved " + t.target());
      return true;
    }, fx);
  }

  /** Open: asks about unsaved changes, then for a file, then opens it. */
  public CompletableFuture<Boolean> open() {
    return leave().thenCompose(ok -> !ok ? done(false) : dialogs.chooseWorkspaceToOpen().thenCompose(p -> p.isEmpty() ? done(false)
        : load(p.get())));
  }

  /** Opens {@code file} (after asking about unsaved changes), offering its recovery copy if one is newer. */
  public CompletableFuture<Boolean> open(Path file) {
    return leave().thenCompose(ok -> ok ? load(file) : done(false));
  }

  /**
   * At start-up: offers the newest recovery copy left by a session that did not end cleanly (any
   * workspace, or an untitled one); true when one was restored.
   */
  public CompletableFuture<Boolean> restoreAtStart() {
    RecoveryStore store = session.autosave() == null ? null : session.autosave().store();
    if (store == null) {
      return done(false);
    }
    return CompletableFuture.supplyAsync(store::pending, background).thenComposeAsync(pending -> {
      if (pending.isEmpty()) {
        return done(false);
      }
      Recovery r = pending.get(0);
      return dialogs.offerRecovery(r).thenCompose(yes -> {
        if (!yes) {
          background.execute(() -> store.discard(r.workspaceFile()));
          return done(false);
        }
        return openState(r.workspace(), null, r);
      });
    }, fx).exceptionallyCompose(e -> failedAsync("Cannot restore", e));
  }

  /**
   * Close: asks about unsaved changes; true when the window may close (the autosave thread is then
   * stopped, and the recovery copy deleted unless the changes were kept in a file).
   */
  public CompletableFuture<Boolean> close() {
    if (!session.isModified()) {
      session.closeDiscarding();
      return done(true);
    }
    return dialogs.confirmUnsaved(session.displayName()).thenCompose(a -> switch (a) {
      case SAVE -> save().thenApply(saved -> {
        if (saved) {
          session.closeDiscarding();
        }
        return saved;
      });
      case DISCARD -> {
        session.closeDiscarding();
        yield done(true);
      }
      case CANCEL -> done(false);
    });
  }

  /** Before replacing the session's content: save, discard or stay. */
  private CompletableFuture<Boolean> leave() {
    if (!session.isModified()) {
      return done(true);
    }
    return dialogs.confirmUnsaved(session.displayName()).thenCompose(a -> switch (a) {
      case SAVE -> save();
      case DISCARD -> session.autosave() == null ? done(true) : session.autosave().discard(session.file()).thenApplyAsync(v -> true, fx);
      case CANCEL -> done(false);
    });
  }

  private CompletableFuture<Boolean> load(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    RecoveryStore store = session.autosave() == null ? null : session.autosave().store();
    busy.set(true);
    return CompletableFuture.supplyAsync(() -> io(() -> WorkspaceJson.load(abs)), background)
        .thenCombine(CompletableFuture.supplyAsync(() -> store == null ? Optional.<Recovery>empty() : store.find(abs), background),
            Read::new)
        .thenComposeAsync(read -> {
          busy.set(false);
          if (read.recovery().isEmpty()) {
            return openState(read.workspace(), abs, null);
          }
          Recovery r = read.recovery().get();
          return dialogs.offerRecovery(r).thenCompose(yes -> {
            if (yes) {
              return openState(r.workspace(), null, r);
            }
            background.execute(() -> store.discard(abs));
            return openState(read.workspace(), abs, null);
          });
        }, fx).exceptionallyCompose(e -> {
          busy.set(false);
          return failedAsync("Cannot open " + abs.getFileName(), e);
        });
  }

  private record Read(Workspace workspace, Optional<Recovery> recovery) {}

  /**
   * Looks for the sources of {@code w} (read from {@code file}, or a recovery copy {@code r} with
   * absolute paths), settles the ones that moved or changed with the analyst, then puts the state
   * into the session and on screen.
   */
  private CompletableFuture<Boolean> openState(Workspace w, Path file, Recovery r) {
    return SourceResolution.resolve(w, file, dialogs, background, fx).thenCompose(fixes -> {
      // The window's sources are still the old ones until show(): they must not flow into the new state.
      showing = true;
      if (r == null) {
        session.open(w, file);
      } else {
        session.restore(r);
      }
      fixes.applyTo(session);
      return show().thenApply(v -> {
        status.set((r == null ? "Opened " : "Restored unsaved edits of ") + session.displayName() + fixes.summary());
        return true;
      });
    });
  }

  private CompletableFuture<Void> show() {
    showing = true;
    return host.show(session).whenComplete((v, e) -> {
      showing = false;
      if (timeline != null) {
        session.adoptLanes(timeline.plan().settings());
        session.setView(timeline.visibleRange());
      }
    });
  }

  private void refresh() {
    modified.set(session.isModified());
    windowTitle.set((session.isModified() ? "*" : "") + session.displayName() + " — " + APP);
  }

  private boolean failed(String what, Throwable e) {
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof UncheckedIOException u) {
      cause = u.getCause();
    }
    String message = what + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    status.set(message);
    dialogs.showError(message);
    return false;
  }

  private CompletableFuture<Boolean> failedAsync(String what, Throwable e) {
    return CompletableFuture.supplyAsync(() -> failed(what, e), fx);
  }

  static Path withExtension(Path p) {
    String name = p.getFileName().toString();
    return name.contains(".") ? p : p.resolveSibling(name + EXTENSION);
  }

  static <T> T io(IoStep<T> step) {
    try {
      return step.get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A step that reads or writes files. */
  interface IoStep<T> {
    T get() throws IOException;
  }

  private static CompletableFuture<Boolean> done(boolean b) {
    return CompletableFuture.completedFuture(b);
  }
}
