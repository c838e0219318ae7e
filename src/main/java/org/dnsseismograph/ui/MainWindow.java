package org.dnsseismograph.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.dnsseismograph.analysis.ClockOffsetEstimator;
import org.dnsseismograph.render.ReduceThreads;
import org.dnsseismograph.ui.common.ActionFactory;
import org.dnsseismograph.ui.common.AnnotationActions;
import org.dnsseismograph.ui.common.DelayedHint;
import org.dnsseismograph.ui.common.DialogService;
import org.dnsseismograph.ui.common.StageEnd;
import org.dnsseismograph.ui.common.TaskRunner;
import org.dnsseismograph.ui.common.UserSettings;
import org.dnsseismograph.ui.common.WorkspaceActions;
import org.dnsseismograph.ui.common.WorkspaceHost;
import org.dnsseismograph.ui.panel.SidePanelView;
import org.dnsseismograph.ui.panel.SidePanelViewModel;
import org.dnsseismograph.ui.panel.TrafficSource;
import org.dnsseismograph.ui.sources.CommonMomentViewModel;
import org.dnsseismograph.ui.sources.LaneDrag;
import org.dnsseismograph.ui.sources.OffsetsViewModel;
import org.dnsseismograph.ui.sources.SourceLoads;
import org.dnsseismograph.ui.sources.SourcesView;
import org.dnsseismograph.ui.sources.SourcesViewModel;
import org.dnsseismograph.ui.sources.StatusBarView;
import org.dnsseismograph.ui.sources.StatusViewModel;
import org.dnsseismograph.ui.sources.TimelineBinding;
import org.dnsseismograph.ui.sources.WorkspaceSources;
import org.dnsseismograph.ui.timeline.TimelineView;
import org.dnsseismograph.ui.timeline.TimelineViewModel;
import org.dnsseismograph.workspace.Workspace;
import org.dnsseismograph.workspace.WorkspaceJson;

/**
 * The application window: menus built from the actions, the sources panel on the left, the
 * timeline in the middle (with a hint to drop files while it is empty), the side panel on the right
 * and the status bar at the bottom. Files dropped on the window open as sources. It is the {@link
 * WorkspaceHost} of the workspace, export and annotations components, which register their
 * actions with {@link #register(WorkspaceActions)} and {@link #register(AnnotationActions)} and put
 * their annotations list into the side panel with {@link #setAnnotationsView}; {@link
 * WindowSession} does that in the application. Closing the window (its close button or File ▸
 * Quit) first asks the {@link #setCloseGuard close guard}, if one is set.
 *
 * <p>FX thread only.
 */
public final class MainWindow implements WorkspaceHost {
  /** The panels' widths when the window opens, in pixels. */
  static final double SOURCES_WIDTH = 300;
  static final double SIDE_WIDTH = 330;
  /** How long the empty-state hints wait at most for what the window opens at start-up. */
  static final javafx.util.Duration STARTING_UP_AT_MOST = javafx.util.Duration.seconds(8);

  private final Stage stage;
  private final Scene scene;
  private final TaskRunner tasks;
  private final DialogService dialogs;
  private final UserSettings settings;
  private final SourcesViewModel sources;
  private final StatusViewModel status;
  private final SidePanelViewModel side;
  private final TimelineViewModel timeline;
  private final OffsetsViewModel offsets;
  private final CommonMomentViewModel moments;
  private TimelineView timelineView;
  private final TimelineBinding binding;
  private SidePanelView sideView;
  private final WindowActions actions;
  private final ObjectProperty<Path> workspaceFile = new SimpleObjectProperty<>();
  private final BooleanProperty modified = new SimpleBooleanProperty();
  private final WindowPulse pulse;
  private final SourceLoads loads;
  private String title = "";
  private WorkspaceActions workspaceActions;
  private Supplier<CompletableFuture<Boolean>> closeGuard;
  private boolean closing;
  private WindowSession session;

  /**
   * Builds the window on {@code stage} (not shown yet), its panels included.
   *
   * @param reducer the timeline's reduction thread
   */
  public MainWindow(Stage stage, TaskRunner tasks, DialogService dialogs, UserSettings settings, SourceLoads loads, ExecutorService reducer) {
    this(stage, tasks, dialogs, settings, loads, ReduceThreads.alone(reducer), null);
    buildPanels();
  }

  /**
   * Builds the window on {@code stage} (not shown yet) with its menus, its view models and, until
   * {@link #buildPanels()}, {@link WindowSkeleton the stand-in} saying {@code opening} in place of the
   * panels and the status bar: the panels' views and their first layout (their controls' skins) are
   * most of the FX thread's work before the first frame, which the stand-in lets come first.
   */
  MainWindow(Stage stage, TaskRunner tasks, DialogService dialogs, UserSettings settings, SourceLoads loads, ReduceThreads reducer, String opening) {
    this.stage = stage;
    this.tasks = tasks;
    this.dialogs = dialogs;
    this.settings = settings;
    this.loads = loads;
    this.sources = new SourcesViewModel(tasks, loads);
    this.status = new StatusViewModel(sources);
    this.side = new SidePanelViewModel(tasks);
    this.timeline = TimelineBinding.emptyTimeline(reducer);
    this.binding = new TimelineBinding(sources, timeline);
    this.offsets = new OffsetsViewModel(sources, tasks, new ClockOffsetEstimator());
    this.moments = new CommonMomentViewModel(sources, tasks);
    this.actions = new WindowActions(this, sources, offsets, moments, settings);
    BorderPane root = new BorderPane();
    root.setId("main-window");
    root.setTop(actions.factory().menuBar());
    root.setCenter(WindowSkeleton.of(opening == null ? "" : opening, SOURCES_WIDTH, SIDE_WIDTH));
    if (opening != null) {
      // The empty-state hints wait for what is being opened; an open that fails says so in a
      // dialog, and the hints come back after this long at most.
      sources.startingUp();
      PauseTransition over = new PauseTransition(STARTING_UP_AT_MOST);
      over.setOnFinished(e -> sources.startedUp());
      over.play();
    }
    this.scene = new Scene(root, 1600, 960);
    actions.install(scene);
    acceptDrops(root);
    this.pulse = new WindowPulse(sources, status, side, timeline, binding);
    stage.setScene(scene);
    stage.titleProperty().bind(Bindings.createStringBinding(this::windowTitle, workspaceFile, sources.sources(), modified));
    // The timeline's frame timer runs while its view is in a scene: a hidden window's scene stays.
    StageEnd.whenHidden(stage, () -> {
      pulse.stop();
      if (timelineView != null) {
        timelineView.ticker().stop();
      }
    });
    stage.setOnCloseRequest(e -> {
      if (closeGuard != null && !closing) {
        e.consume();
        requestClose();
      }
    });
    pulse.start();
  }

  /** Shows {@code text} in the stand-in's status bar; nothing once the panels are built. */
  void setStartupStatus(String text) {
    if (timelineView == null && scene.lookup("#startup-status") instanceof Label status) {
      status.setText(text);
    }
  }

  /**
   * Builds the panels — sources, timeline, side panel — and the status bar, in place of the stand-in.
   * Once only; {@link #timelineView()} is null before.
   */
  void buildPanels() {
    if (timelineView != null) {
      return;
    }
    this.timelineView = new TimelineView(timeline);
    LaneDrag.install(timelineView, sources);
    SourcesView sourcesView = new SourcesView(sources, offsets, moments, this::nanosPerPixel, timeline::zoomTo);
    this.sideView = new SidePanelView(side, timeline.visibleRangeProperty(), timeline::zoomTo,
        () -> binding.isFollowing() && sources.loadingProperty().get());
    StatusBarView statusBar = new StatusBarView(status, sources::cancelLoads);
    BorderPane root = (BorderPane) scene.getRoot();
    root.setCenter(center(sourcesView));
    root.setBottom(statusBar);
  }

  private SplitPane center(SourcesView sourcesView) {
    Label hint = new Label("Drop captures, exports or a workspace here\nor use File ▸ Open (Ctrl+O)");
    hint.setId("drop-hint");
    hint.getStyleClass().add("drop-hint");
    // While sources load there is nothing to drop yet: the status bar shows their progress.
    DelayedHint.show(hint, Bindings.createBooleanBinding(() -> sources.extentProperty().get() == null && sources.sources().isEmpty()
        && !sources.startingUpProperty().get(), sources.extentProperty(), sources.sources(), sources.startingUpProperty()));
    hint.setMouseTransparent(true);
    timelineView.visibleProperty().bind(sources.extentProperty().isNotNull());
    StackPane middle = new StackPane(timelineView, hint);
    middle.getStyleClass().add("timeline-pane");
    SplitPane split = new SplitPane(sourcesView, middle, sideView);
    split.setId("main-split");
    split.setDividerPositions(0.17, 0.82);
    split.widthProperty().addListener((o, was, now) -> {
      if (was.doubleValue() == 0 && now.doubleValue() > SOURCES_WIDTH + SIDE_WIDTH + 400) {
        split.setDividerPositions(SOURCES_WIDTH / now.doubleValue(), 1 - SIDE_WIDTH / now.doubleValue());
      }
    });
    SplitPane.setResizableWithParent(sourcesView, false);
    SplitPane.setResizableWithParent(sideView, false);
    return split;
  }

  private void acceptDrops(Node target) {
    target.setOnDragOver(e -> {
      if (e.getDragboard().hasFiles()) {
        e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
        e.consume();
      }
    });
    target.setOnDragDropped(e -> {
      boolean ok = e.getDragboard().hasFiles();
      if (ok) {
        open(e.getDragboard().getFiles().stream().map(java.io.File::toPath).toList());
      }
      e.setDropCompleted(ok);
      e.consume();
    });
  }

  public Stage stage() {
    return stage;
  }

  public Scene scene() {
    return scene;
  }

  public SourcesViewModel sources() {
    return sources;
  }

  public StatusViewModel status() {
    return status;
  }

  public SidePanelViewModel sidePanel() {
    return side;
  }

  /**
   * Lets the side panel sum live sources' transactions beside the files': {@code traffic} gives
   * them as of the last frame, {@code growing} whether they still grow; call {@link
   * #liveTrafficChanged()} when they changed.
   */
  public void setLiveTraffic(Supplier<List<TrafficSource>> traffic, BooleanSupplier growing) {
    pulse.setLiveTraffic(traffic, growing);
  }

  /** Live sources published new transactions: the side panel sums them again when its pace allows. */
  public void liveTrafficChanged() {
    pulse.liveTrafficChanged();
  }

  /** The timeline's view; null until the panels are built ({@link #buildPanels()}). */
  public TimelineView timelineView() {
    return timelineView;
  }

  /** The menu bar's commands; components attached to the window bind theirs here. */
  public ActionFactory actionFactory() {
    return actions.factory();
  }

  /** Opens files as sources (captures, exports) or workspaces, recognised by content; remembers them as recent. */
  public void open(List<Path> files) {
    for (Path f : files) {
      settings.addRecent(f);
    }
    actions.refreshRecent();
    binding.follow();
    sources.open(files, this::openWorkspaceFile);
  }

  /** A workspace file to open: through the registered workspace actions, or read here. */
  void openWorkspaceFile(Path file) {
    if (workspaceActions != null) {
      workspaceActions.openWorkspace(file);
      return;
    }
    tasks.submit("Reading " + file.getFileName(), p -> WorkspaceJson.load(file), new TaskRunner.Outcome<>() {
      @Override
      public void succeeded(Workspace w) {
        showWorkspace(w, file);
      }

      @Override
      public void failed(Throwable error) {
        dialogs.showError("Cannot open the workspace", SourceLoads.reason(file, error));
      }
    });
  }

  @Override
  public Workspace currentWorkspace() {
    return WorkspaceSources.current(title, sources.sources(), timeline.plan(), timeline.visibleRange(), timeline.annotationsProperty().get())
        .withView(sources.extentProperty().get() == null ? null : timeline.visibleRange());
  }

  @Override
  public void showWorkspace(Workspace workspace, Path file) {
    sources.closeAll();
    title = workspace.title();
    workspaceFile.set(file);
    timeline.annotationsProperty().set(workspace.annotations());
    binding.showAsSaved(workspace.lanes(), workspace.view());
    List<String> problems = new ArrayList<>();
    sources.openAll(WorkspaceSources.openings(workspace, file, problems), this::openWorkspaceFile);
    if (!problems.isEmpty()) {
      dialogs.showError("Some sources of the workspace cannot be opened", String.join("\n", problems));
    }
  }

  /**
   * As {@link #showWorkspace}; the future completes on the FX thread once every source of the
   * workspace has been recognised and has finished loading (or failed), and the saved view is shown.
   */
  public CompletableFuture<Void> showAndLoad(Workspace workspace, Path file) {
    showWorkspace(workspace, file);
    CompletableFuture<Void> loaded = new CompletableFuture<>();
    ChangeListener<Boolean> done = new ChangeListener<>() {
      @Override
      public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
        if (!now) {
          sources.loadingProperty().removeListener(this);
          loaded.complete(null);
        }
      }
    };
    sources.loadingProperty().addListener(done);
    if (!sources.loadingProperty().get()) {
      sources.loadingProperty().removeListener(done);
      loaded.complete(null);
    }
    return loaded;
  }

  @Override
  public ObjectProperty<Path> workspaceFileProperty() {
    return workspaceFile;
  }

  @Override
  public Observable changes() {
    return pulse.changes();
  }

  @Override
  public TimelineViewModel timeline() {
    return timeline;
  }

  @Override
  public DialogService dialogs() {
    return dialogs;
  }

  @Override
  public TaskRunner tasks() {
    return tasks;
  }

  /** What the window remembers between runs. */
  public UserSettings settings() {
    return settings;
  }

  /** Registers the workspace component: File ▸ Save, Save as, Export and Edit ▸ Undo, Redo appear. */
  public void register(WorkspaceActions w) {
    workspaceActions = w;
    actions.bindWorkspace(w);
  }

  /** Registers the annotations component: the Annotations menu appears. */
  public void register(AnnotationActions a) {
    actions.bindAnnotations(a);
  }

  /** Puts the annotations list into the side panel (null removes it). */
  public void setAnnotationsView(Node view) {
    sideView.setAnnotationsView(view);
  }

  /** True while the workspace has unsaved changes: the title then starts with "*". */
  public BooleanProperty modifiedProperty() {
    return modified;
  }

  /**
   * What closing the window asks first: a future of true when it may close (the unsaved-changes
   * question answered). Null closes at once.
   */
  public void setCloseGuard(Supplier<CompletableFuture<Boolean>> guard) {
    closeGuard = guard;
  }

  /** Closes the window once the close guard allows it (File ▸ Quit, the window's close button). */
  public void requestClose() {
    if (closeGuard == null || closing) {
      stage.close();
      return;
    }
    closeGuard.get().thenAccept(ok -> {
      if (ok) {
        closing = true;
        stage.close();
      }
    });
  }

  /** Adds {@code file} to File ▸ Open recent (a workspace saved or opened). */
  public void remember(Path file) {
    settings.addRecent(file);
    actions.refreshRecent();
  }

  /** How captures are read (ports, timeout), for work that reads them again. */
  public SourceLoads loads() {
    return loads;
  }

  /** The workspace, annotations and detections attached to this window, or null. */
  WindowSession session() {
    return session;
  }

  void attach(WindowSession s) {
    session = s;
  }

  /** The title to show: the workspace's, else its file's name, else the first source's. */
  public String title() {
    return title;
  }

  private String windowTitle() {
    String what = workspaceFile.get() != null ? workspaceFile.get().getFileName().toString()
        : sources.sources().isEmpty() ? "" : sources.sources().get(0).name() + (sources.sources().size() > 1 ? " +" + (sources.sources().size() - 1) : "");
    String mark = modified.get() && !what.isEmpty() ? "*" : "";
    return what.isEmpty() ? "DNS Seismograph" : mark + what + " — DNS Seismograph";
  }

  /** The timeline's time per pixel column now (for dragging offsets), or 0 before the first frame. */
  double nanosPerPixel() {
    var l = timelineView.timelineLayout();
    return l == null ? 0 : (double) l.view().durationNanos() / l.columns();
  }

  void follow() {
    binding.follow();
  }
}
