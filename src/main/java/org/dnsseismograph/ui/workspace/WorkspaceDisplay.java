package org.dnsseismograph.ui.workspace;

import java.util.concurrent.CompletableFuture;
import org.dnsseismograph.workspace.WorkspaceSession;

/**
 * What shows an opened workspace: loads the session's loadable sources, arranges the timeline's
 * lanes as the session has them and moves it to the session's view. The window's sources panel
 * implements it; {@link TimelineDisplay} is the one for the timeline on its own. Called on the FX
 * thread; the future completes on the FX thread once the workspace is on screen.
 */
@FunctionalInterface
public interface WorkspaceDisplay {
  CompletableFuture<Void> show(WorkspaceSession session);
}
