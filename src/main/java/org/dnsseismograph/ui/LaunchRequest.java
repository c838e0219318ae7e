package org.dnsseismograph.ui;

import java.nio.file.Path;
import java.util.List;
import org.dnsseismograph.capture.Recording;

/**
 * What the window opens with, as {@code Main} translates the command line: files (captures,
 * exports, workspaces, recognised by content), a live interface, and DNS ports besides 53. All
 * empty means the bundled demo workspace. Immutable.
 *
 * @param files files to open, in order
 * @param liveInterface an interface to capture on, or null
 * @param extraDnsPorts ports to read as DNS besides 53
 * @param liveRecording where the live capture records as it arrives, or null for no recording
 */
public record LaunchRequest(List<Path> files, String liveInterface, List<Integer> extraDnsPorts, Recording liveRecording) {
  /** Files, an interface and ports, the live capture not recorded. */
  public LaunchRequest(List<Path> files, String liveInterface, List<Integer> extraDnsPorts) {
    this(files, liveInterface, extraDnsPorts, null);
  }

  public LaunchRequest {
    files = List.copyOf(files);
    extraDnsPorts = List.copyOf(extraDnsPorts);
  }

  /** True when nothing was asked for: the demo workspace opens. */
  public boolean isDemo() {
    return files.isEmpty() && liveInterface == null;
  }
}
