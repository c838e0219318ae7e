package org.dnsseismograph.ui.common;

import java.nio.file.Path;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import org.dnsseismograph.ui.timeline.TimelineViewModel;
import org.dnsseismograph.workspace.Workspace;

/**
 * What the window offers the workspace, export and annotations components: the state to save, a
 * way to show a saved one, the timeline, and the window's dialogs and task runner. Implemented by
 * {@code MainWindow}.
 *
 * <p>FX thread only.
 */
public interface WorkspaceHost {

  /**
   * The workspace as the window shows it now: the sources in order with their paths (absolute),
   * content hashes, applied offsets and time zones; the lane arrangement; the visible window; the
   * timeline's annotations. The title is the one last shown or set.
   */
  Workspace currentWorkspace();

  /**
   * Replaces every source with the workspace's: paths relative to {@code file}'s directory are
   * resolved there; each source is loaded with its offset and time zone; the lanes are arranged,
   * the saved window shown and the annotations drawn once the sources are loaded. A source that
   * cannot be read shows its one-line reason in the sources panel.
   *
   * @param file the workspace file, or null for a workspace that has none (recovered, new)
   */
  void showWorkspace(Workspace workspace, Path file);

  /** The workspace file the window shows (title bar, relative paths); null when none. */
  ObjectProperty<Path> workspaceFileProperty();

  /**
   * Fires whenever something a workspace saves changes: a source added, removed or reloaded, an
   * offset or time zone, the lane arrangement, the visible window, the annotations. For autosave
   * and the unsaved-changes mark.
   */
  Observable changes();

  TimelineViewModel timeline();

  DialogService dialogs();

  TaskRunner tasks();
}
