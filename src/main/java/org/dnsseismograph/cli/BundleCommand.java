package org.dnsseismograph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dnsseismograph.render.EvidenceBundle;
import org.dnsseismograph.render.ExportRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code seismograph bundle WORKSPACE.json --out FILE.zip}: the evidence bundle of a workspace,
 * one zip with the timeline as PNG and SVG, the annotations as JSON and CSV, the workspace and a
 * manifest of the sources with their content hashes (see {@link EvidenceBundle}).
 */
@Command(name = "bundle", mixinStandardHelpOptions = true,
    description = {"Write the evidence bundle of a workspace as one zip file.",
        "The timeline as PNG and SVG, the annotations as JSON and CSV, the workspace,",
        "and a manifest with content hashes."})
final class BundleCommand implements Callable<Integer> {
  private final PrintWriter err;

  @Parameters(paramLabel = "WORKSPACE.json", description = "A saved workspace.")
  Path workspace;

  @Option(names = "--out", required = true, paramLabel = "FILE.zip", description = "The zip to write.")
  Path outFile;

  @Option(names = {"-q", "--quiet"}, description = "No summary on stderr.")
  boolean quiet;

  @Mixin PictureOptions picture = new PictureOptions();

  @Mixin CaptureOptions capture = new CaptureOptions();

  @Mixin RenderProposals proposing = new RenderProposals();

  BundleCommand(PrintWriter out, PrintWriter err) {
    this.err = err;
  }

  @Override
  public Integer call() {
    if (!outFile.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
      throw new IllegalArgumentException("--out must end in .zip, not " + outFile.getFileName());
    }
    picture.validate();
    if (!RenderInputs.isWorkspace(List.of(workspace))) {
      RenderInputs.readWorkspace(workspace);
      throw new InputFailure(workspace, "not a workspace");
    }
    RenderInputs.Loaded in = RenderInputs.workspace(workspace, capture);
    RenderProposals.Proposed proposals = proposing.apply(in);
    if (proposals != null) {
      in = proposals.loaded();
    }
    ExportRequest r = RenderCommand.request(in, picture);
    try {
      EvidenceBundle.write(r, in.workspace().withTitle(r.title()), outFile, Instant.now());
    } catch (IOException e) {
      throw new InputFailure(outFile, "cannot write: " + e.getMessage());
    }
    if (!quiet) {
      err.println("seismograph: wrote " + outFile + " (" + in.workspace().annotations().size() + " annotations, "
          + in.workspace().sources().size() + " sources" + (proposals == null ? "" : ", " + proposals.count() + " of them proposed here") + ")");
    }
    return ExitCode.OK;
  }
}
