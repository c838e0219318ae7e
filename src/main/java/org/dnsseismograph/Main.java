package org.dnsseismograph;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.dnsseismograph.cli.GuiLauncher;
import org.dnsseismograph.cli.SeismographCommand;
import org.dnsseismograph.ui.LaunchRequest;
import org.dnsseismograph.ui.SeismographApp;
import org.dnsseismograph.ui.StartupTrace;

/**
 * The launcher: the command line, which opens the window itself when asked (no arguments: the demo
 * workspace; {@code open FILE...}). Not an {@code Application} subclass, so the fat jar starts from
 * the classpath (STACK.md §6a). The only class that sees both {@code cli} and {@code ui}: it hands
 * the command line a {@link GuiLauncher} that translates its request for the window.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    StartupTrace.mark("main");
    if (args.length == 0) {
      // The window on the demo workspace, as the command line does without arguments, but without
      // building the command line's parser: picocli reflects over every verb and its option types
      // (about 1,000 classes, Jackson among them), 0.3-0.7 s of the main thread before the window starts;
      // a bare or file-only `open` skips it too (OpenShortcut).
      System.exit(window(GuiLauncher.GuiRequest.demo()));
    }
    PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), false);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    int code = SeismographCommand.run(args, Main::window, out, err);
    System.exit(code);
  }

  /** The window for a command-line request. */
  static int window(GuiLauncher.GuiRequest request) {
    return SeismographApp.launch(new LaunchRequest(request.files(), request.liveInterface(), request.extraDnsPorts(), request.liveRecording()));
  }
}
