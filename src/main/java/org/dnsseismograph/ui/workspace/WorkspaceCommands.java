package org.dnsseismograph.ui.workspace;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.stage.Window;
import org.dnsseismograph.ui.annotations.AnnotationsViewModel;
import org.dnsseismograph.ui.common.WorkspaceActions;
import org.dnsseismograph.ui.export.ExportDialog;
import org.dnsseismograph.ui.export.ExportViewModel;
import org.dnsseismograph.ui.timeline.TimelineViewModel;

/**
 * The window's File and Edit commands for the workspace in one place, with the signatures of the
 * window's {@code WorkspaceActions} (save, save as, open a workspace file, export the view, undo,
 * redo and their enabled states), so the window registers it as it is. Each command starts its
 * work and returns; results and failures arrive through the view models and the session's
 * dialogs. FX thread only.
 */
public final class WorkspaceCommands implements WorkspaceActions {
  private final WorkspaceViewModel workspace;
  private final AnnotationsViewModel annotations;
  private final TimelineViewModel timeline;
  private final Executor background;
  private final Executor fx;
  private final Supplier<Window> owner;
  private Path lastExport;

  public WorkspaceCommands(WorkspaceViewModel workspace, AnnotationsViewModel annotations, TimelineViewModel timeline, Executor background,
      Executor fx, Supplier<Window> owner) {
    this.workspace = workspace;
    this.annotations = annotations;
    this.timeline = timeline;
    this.background = background;
    this.fx = fx;
    this.owner = owner;
  }

  @Override
  public void save() {
    workspace.save();
  }

  @Override
  public void saveAs() {
    workspace.saveAs();
  }

  /** Opens {@code file} (asking about unsaved changes, a recovery copy, moved sources on the way). */
  @Override
  public void openWorkspace(Path file) {
    workspace.open(file);
  }

  /**
   * The export dialog over the current view, suggesting the last file exported, or one beside the
   * workspace (in the home directory for the bundled demo's).
   */
  @Override
  public void exportView() {
    ExportViewModel vm = ExportViewModel.of(timeline, workspace.session(), background, fx);
    Path file = workspace.session().file();
    vm.targetProperty().set(lastExport != null ? lastExport : file == null ? null
        : workspace.suggestedFile(file.getFileName().toString().replace(WorkspaceViewModel.EXTENSION, "") + ".png"));
    new ExportDialog().show(owner.get(), vm).thenAccept(p -> p.ifPresent(x -> lastExport = x));
  }

  @Override
  public void undo() {
    annotations.undo();
  }

  @Override
  public void redo() {
    annotations.redo();
  }

  @Override
  public ObservableBooleanValue canUndo() {
    return annotations.canUndoProperty();
  }

  @Override
  public ObservableBooleanValue canRedo() {
    return annotations.canRedoProperty();
  }
}
