package org.dnsseismograph.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.dnsseismograph.ui.annotations.AnnotateGestures;
import org.dnsseismograph.ui.annotations.AnnotationCommands;
import org.dnsseismograph.ui.annotations.AnnotationEditorDialog;
import org.dnsseismograph.ui.annotations.AnnotationsView;
import org.dnsseismograph.ui.annotations.AnnotationsViewModel;
import org.dnsseismograph.ui.common.FxExecutor;
import org.dnsseismograph.ui.common.StageEnd;
import org.dnsseismograph.ui.live.LiveWindow;
import org.dnsseismograph.ui.workspace.FxSessionDialogs;
import org.dnsseismograph.ui.workspace.WorkspaceCommands;
import org.dnsseismograph.ui.workspace.WorkspaceViewModel;
import org.dnsseismograph.workspace.AnnotationBook;
import org.dnsseismograph.workspace.Autosave;
import org.dnsseismograph.workspace.EditHistory;
import org.dnsseismograph.workspace.RecoveryStore;
import org.dnsseismograph.workspace.Workspace;
import org.dnsseismograph.workspace.WorkspaceSession;

/**
 * What turns the window into a workspace: one {@link WorkspaceSession} (with its annotation book,
 * undo history and autosave to a {@link RecoveryStore}) shown by the window's sources panel and
 * timeline; File ▸ Save, Save as, Export and Edit ▸ Undo, Redo ({@link WorkspaceCommands}); the
 * Annotations menu, the drawing gestures on the timeline and the annotations list in the side
 * panel ({@link AnnotationCommands}); the unsaved-changes mark in the title and the question before
 * the window closes; and health detection of every loaded capture ({@link WindowDetections}),
 * whose suspected outages become proposed annotations.
 *
 * <p>Files are read and written on one background thread of its own, never on the FX thread; the
 * session and the views are touched on the FX thread only.
 */
public final class WindowSession {
  private final MainWindow window;
  private final WorkspaceSession session;
  private final AnnotationsViewModel annotations;
  private final AnnotationsView list;
  private final WorkspaceViewModel workspace;
  private final WindowDetections detections;
  private final ExecutorService io;
  /** The session's file last shown in the title and remembered as recent. */
  private Path shownFile;

  private WindowSession(MainWindow window, RecoveryStore store, long autosaveMillis) {
    this.window = window;
    this.io = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "seismograph-workspace-io");
      t.setDaemon(true);
      return t;
    });
    AnnotationBook book = new AnnotationBook();
    EditHistory history = new EditHistory();
    this.session = new WorkspaceSession(book, history, new Autosave(store, autosaveMillis, Clock.systemUTC()));
    this.annotations = new AnnotationsViewModel(book, history, window.timeline());
    AnnotationEditorDialog editor = new AnnotationEditorDialog();
    this.list = new AnnotationsView(annotations, editor);
    // A few rows in the side panel; the tops below stay in sight.
    list.setPrefHeight(190);
    list.fitNarrow(MainWindow.SIDE_WIDTH - 24);
    AnnotateGestures gestures = new AnnotateGestures(window.timelineView(), annotations, editor).install();
    this.workspace = new WorkspaceViewModel(session, new FxSessionDialogs(window::stage), s -> window.showAndLoad(loadable(s), s.file()), io,
        FxExecutor.INSTANCE);
    workspace.setBundledDirectory(AssetLocator.find().orElse(null));
    workspace.bindTimeline(window.timeline());
    workspace.followSources(window.sources().revision(), () -> window.currentWorkspace().sources());
    WorkspaceCommands files = new WorkspaceCommands(workspace, annotations, window.timeline(), io, FxExecutor.INSTANCE, window::stage);
    AnnotationCommands marks = new AnnotationCommands(annotations, list, gestures);
    window.register(files);
    window.register(marks);
    window.setAnnotationsView(list);
    window.modifiedProperty().bind(workspace.modifiedProperty());
    session.addListener(this::followFile);
    window.setCloseGuard(workspace::close);
    StageEnd.whenHidden(window.stage(), io::shutdown);
    this.detections = new WindowDetections(window.sources(), window.sidePanel(), annotations::propose);
    LiveWindow.of(window).ifPresent(l -> l.reportDetectionsTo(detections));
  }

  /**
   * Attaches a session to {@code window}, keeping recovery copies in {@code store} {@code
   * autosaveMillis} after each change.
   */
  public static WindowSession attach(MainWindow window, RecoveryStore store, long autosaveMillis) {
    WindowSession s = new WindowSession(window, store, autosaveMillis);
    window.attach(s);
    return s;
  }

  /**
   * At start-up: offers the edits of a session that did not end cleanly; when none is restored,
   * opens what {@code request} asks for (the demo when nothing). Restored edits take the place of
   * what was asked for (opening it too would ask at once whether to keep them).
   */
  public CompletableFuture<Boolean> start(LaunchRequest request) {
    return workspace.restoreAtStart().thenApply(restored -> {
      if (!restored) {
        SeismographApp.openRequested(window, request);
      }
      return restored;
    });
  }

  public WorkspaceSession session() {
    return session;
  }

  public AnnotationsViewModel annotations() {
    return annotations;
  }

  public AnnotationsView annotationsList() {
    return list;
  }

  public WorkspaceViewModel workspace() {
    return workspace;
  }

  /** The session's sources the window can load (those marked missing left out). */
  private static Workspace loadable(WorkspaceSession s) {
    Workspace w = s.snapshot();
    return new Workspace(w.title(), s.loadable(), w.lanes(), w.view(), w.annotations());
  }

  private void followFile() {
    Path f = session.file();
    if (!Objects.equals(f, shownFile)) {
      shownFile = f;
      window.workspaceFileProperty().set(f);
      if (f != null) {
        window.remember(f);
      }
    }
  }
}
