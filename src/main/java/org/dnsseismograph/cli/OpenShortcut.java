package org.dnsseismograph.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command lines that only open the window: none or a bare {@code open} (the demo workspace), or {@code open FILE...}
 * with nothing but files, as a file manager runs the desktop entry ({@code Exec=seismograph open
 * %F}). They are answered without building picocli's command tree, which reflects over every verb
 * and its option types (about 1,000 classes) before the window can start: 0.6-2.4 s of the main
 * thread on a busy two-core machine, against 0.06-0.08 s without it; the first frame came 0.38 s
 * sooner (median of 5, 2026-11-26). Anything else — an option, {@code --help}, an
 * {@code @file} of arguments, a name that is no path here — is left
 * to the full command line, so it behaves as it always did. The files are checked as {@link
 * OpenCommand} checks them. Stateless.
 */
final class OpenShortcut {
  private OpenShortcut() {}

  /**
   * What {@code args} asks the window to open, or null when they are for the full command line.
   *
   * @throws InputFailure for a file that is missing or unreadable (one line naming it)
   */
  static GuiLauncher.GuiRequest request(String[] args) {
    if (args.length == 0 || args.length == 1 && args[0].equals("open")) {
      return GuiLauncher.GuiRequest.demo();
    }
    if (args.length < 2 || !args[0].equals("open")) {
      return null;
    }
    List<Path> files = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.isEmpty() || a.startsWith("-") || a.startsWith("@")) {
        return null;
      }
      try {
        files.add(Path.of(a));
      } catch (InvalidPathException e) {
        return null;
      }
    }
    InputErrors.requireOpenable(files);
    return new GuiLauncher.GuiRequest(List.copyOf(files), null, List.of(), null);
  }
}
