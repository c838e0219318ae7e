package org.dnsseismograph.cli;

import java.nio.file.Path;
import java.util.List;
import org.dnsseismograph.capture.Recording;

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

  /**
   * What the window should open with; all empty means the bundled demo workspace. {@code liveRecording}
   * is where the live capture records (null: not recorded), only with {@code liveInterface}.
   */
  record GuiRequest(List<Path> files, String liveInterface, List<Integer> extraDnsPorts, Recording liveRecording) {
    public static GuiRequest demo() {
      return new GuiRequest(List.of(), null, List.of(), null);
    }

    public boolean isDemo() {
      return files.isEmpty() && liveInterface == null;
    }
  }
}
