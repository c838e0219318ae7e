package org.dnsseismograph.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dnsseismograph.capture.Recording;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code seismograph open FILE... [--dns-port N] [--live IF [--record FILE.pcap [--rotate-size S] [--rotate-time D]]]}: the window with these sources —
 * captures, exports or a workspace, each recognised by its content. Files are checked before the
 * window opens: a missing or unreadable one is exit 1 with its one-line reason; a bad port is exit
 * 2. With no file and no interface it opens the demo workspace, as {@code seismograph} alone does:
 * the desktop entry runs {@code seismograph open %F}, which is a bare {@code open} when started from
 * the applications menu. The window itself comes through the {@link GuiLauncher} that
 * {@code Main} passes in, so this package never depends on the UI.
 */
@Command(name = "open", description = {"Open the window with captures, exports or a workspace as its sources.",
    "Captures are pcap, pcapng or gzip'd (or a resolver's dnstap logs); exports",
    "are operators' graphs and resolvers' statistics; a workspace is a .json.",
    "Each is recognised by its content."})
final class OpenCommand implements Callable<Integer> {
  private final GuiLauncher gui;

  @Parameters(arity = "0..*", paramLabel = "FILE", description =
      "Captures, dnstap logs, exports or a workspace; a folder of captures is one rotated capture, any other folder a snapshot sequence; "
          + "none (and no --live): the demo workspace.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--dns-port", paramLabel = "PORT", split = ",",
      description = "Also read this port as DNS (53 always is); repeatable or comma-separated.")
  List<Integer> dnsPorts = new ArrayList<>();

  @Option(names = "--live", paramLabel = "IF", description =
      "Capture live on this interface as well: DNS on 53 and the --dns-port ports, following the present (End or L resumes following). "
          + "Needs root or the capture capabilities.")
  String live;

  @Option(names = "--record", paramLabel = "FILE.pcap", description =
      "With --live: record every captured frame to this file as it arrives (replaced if it exists; with rotation FILE-00001.pcap, ...), "
          + "reopenable as a capture.")
  Path record;

  @Mixin
  RotationOptions rotation = new RotationOptions();

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  OpenCommand(GuiLauncher gui) {
    this.gui = gui;
  }

  @Override
  public Integer call() {
    for (int p : dnsPorts) {
      if (p < 1 || p > 65535) {
        throw new IllegalArgumentException("--dns-port " + p + " is not a port number (1-65535)");
      }
    }
    if (files.isEmpty() && live == null) {
      // still refuses --record or rotation without --live
      recording();
      return gui.launch(GuiLauncher.GuiRequest.demo());
    }
    if (live != null && live.isBlank()) {
      throw new IllegalArgumentException("--live needs an interface name");
    }
    InputErrors.requireOpenable(files);
    return gui.launch(new GuiLauncher.GuiRequest(List.copyOf(files), live, List.copyOf(dnsPorts), recording()));
  }

  private Recording recording() {
    if (record == null) {
      if (rotation.given()) {
        throw new IllegalArgumentException("--rotate-size, --rotate-time and --keep need --record FILE.pcap");
      }
      return null;
    }
    if (live == null) {
      throw new IllegalArgumentException("--record needs --live IF");
    }
    Path dir = record.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new InputFailure(record, "cannot write here: " + dir + " is not a directory");
    }
    return rotation.applyTo(Recording.toFile(record));
  }
}
