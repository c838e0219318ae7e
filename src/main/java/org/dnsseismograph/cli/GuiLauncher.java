package org.dnsseismograph.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * Opens the window. {@code Main} hands the command line an implementation, so {@code cli} never
 * depends on {@code ui}.
 */
@FunctionalInterface
public interface GuiLauncher {

  /**
   * Opens the window and blocks until it closes.
   *
   * @param request what to load: capture or export files, a workspace, or a live interface
   * @return the process exit code
   */
  int launch(GuiRequest request);

  /** What the window should open with; all empty means the bundled demo workspace. */
  record GuiRequest(List<Path> files, String liveInterface, List<Integer> extraDnsPorts) {
    public static GuiRequest demo() {
      return new GuiRequest(List.of(), null, List.of());
    }

    public boolean isDemo() {
      return files.isEmpty() && liveInterface == null;
    }
  }
}
