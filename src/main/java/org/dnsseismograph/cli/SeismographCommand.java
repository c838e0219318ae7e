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
    description = "DNS Seismograph: captures, live traffic and operators' exports on one UTC timeline.",
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
   * codes with a one-line reason on {@code err}.
   */
  public static int run(String[] args, GuiLauncher gui, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new SeismographCommand(gui), new CommandFactory(gui, out, err));
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof InputFailure) {
        err.println("seismograph: " + ex.getMessage());
        return ExitCode.UNREADABLE_INPUT;
      }
      if (ex instanceof IllegalArgumentException || ex instanceof CommandLine.ParameterException) {
        err.println("seismograph: " + ex.getMessage());
        return ExitCode.BAD_USAGE;
      }
      throw ex;
    });
    cl.setParameterExceptionHandler((ex, a) -> {
      err.println("seismograph: " + ex.getMessage());
      err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return ExitCode.BAD_USAGE;
    });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
