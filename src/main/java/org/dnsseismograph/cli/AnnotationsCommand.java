package org.dnsseismograph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dnsseismograph.workspace.AnnotationsCsv;
import org.dnsseismograph.workspace.AnnotationsJson;
import org.dnsseismograph.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code seismograph annotations WORKSPACE.json --format json|csv}: a workspace's annotations on
 * stdout, rejected ones included (their state says so), in the workspace's order. The sources are
 * not read.
 */
@Command(name = "annotations", mixinStandardHelpOptions = true,
    description = {"Print a workspace's annotations as JSON or CSV.",
        "Each with its kind, state, span, label, text, zone, servers and proposer."})
final class AnnotationsCommand implements Callable<Integer> {
  private final PrintWriter out;

  @Parameters(paramLabel = "WORKSPACE.json", description = "A saved workspace.")
  Path workspace;

  @Option(names = "--format", defaultValue = "json", paramLabel = "json|csv", description = "Output format (default: ${DEFAULT-VALUE}).")
  String format;

  AnnotationsCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
  }

  @Override
  public Integer call() {
    if (!format.equals("json") && !format.equals("csv")) {
      throw new IllegalArgumentException("--format must be json or csv, not " + format);
    }
    Workspace w = RenderInputs.readWorkspace(workspace);
    out.print(format.equals("json") ? AnnotationsJson.write(w.title(), w.annotations()) : AnnotationsCsv.write(w.annotations()));
    out.flush();
    return ExitCode.OK;
  }
}
