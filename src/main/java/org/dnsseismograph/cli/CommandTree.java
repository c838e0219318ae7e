package org.dnsseismograph.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The full command line: picocli's tree of every verb, with DESIGN.md's exit codes for its
 * failures (one line on {@code err}). Kept apart from {@link SeismographCommand#run} so that the
 * JVM loads no picocli class when {@link OpenShortcut} answers. Stateless.
 */
final class CommandTree {
  private CommandTree() {}

  /** Builds the tree for {@code args} and runs what they ask; exit codes as {@link SeismographCommand#run} says. */
  static int execute(String[] args, GuiLauncher gui, PrintWriter out, PrintWriter err) {
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
    return cl.execute(args);
  }
}
