package org.dnsseismograph.cli;

import java.io.PrintWriter;
import org.dnsseismograph.cli.bench.BenchCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root command. Without a subcommand it opens the window on the demo workspace (through the
 * {@link GuiLauncher} that {@code Main} passes in).
 */
@Command(
    name = "seismograph",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"DNS Seismograph: captures, live traffic and operators' exports on one UTC",
        "timeline."},
    subcommands = {CommandLine.HelpCommand.class, OpenCommand.class, SeriesCommand.class, DetectCommand.class, ImportCommand.class,
        AlignCommand.class, CaptureCommand.class, RenderCommand.class, AnnotationsCommand.class, BundleCommand.class, BenchCommand.class})
public final class SeismographCommand implements Callable<Integer> {
  private final GuiLauncher gui;

  SeismographCommand(GuiLauncher gui) {
    this.gui = gui;
  }

  @Override
  public Integer call() {
    return gui.launch(GuiLauncher.GuiRequest.demo());
  }

  /**
   * Runs the command line: parses {@code args}, runs the verb, maps failures to DESIGN.md's exit
   * codes with a one-line reason on {@code err}. Arguments that only open the window (none, or
   * {@code open FILE...}) reach {@code gui} without building the parser ({@link OpenShortcut}).
   */
  public static int run(String[] args, GuiLauncher gui, PrintWriter out, PrintWriter err) {
    GuiLauncher.GuiRequest onlyOpen;
    try {
      onlyOpen = OpenShortcut.request(args);
    } catch (InputFailure e) {
      err.println("seismograph: " + e.getMessage());
      err.flush();
      return ExitCode.UNREADABLE_INPUT;
    }
    int code = onlyOpen != null ? gui.launch(onlyOpen) : CommandTree.execute(args, gui, out, err);
    out.flush();
    err.flush();
    return code;
  }
}
