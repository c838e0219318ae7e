package org.dnsseismograph.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.analysis.CaptureDetect;
import org.dnsseismograph.analysis.LoadRequest;
import org.dnsseismograph.analysis.OutageProposal;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationKind;
import org.dnsseismograph.workspace.SourceRef;
import org.dnsseismograph.workspace.Workspace;
import picocli.CommandLine.Option;

/**
 * {@code --propose} of {@code render} and {@code bundle}: the outages {@code detect} finds in each
 * capture among the sources, proposed as the window proposes them (on the source's offset, labelled
 * and with their evidence), so that a script's picture marks what an analyst opening the same files
 * would be offered. A workspace's own annotation from the same detector over the same span stands
 * instead: what the analyst accepted, edited or rejected is drawn as decided.
 */
final class RenderProposals {
  @Option(names = "--propose", description = "Also mark the outages that detect finds in the captures, as proposals (drawn dashed, "
      + "labelled \"proposed outage\") as the window offers them; a workspace's own annotation of the same outage stands as saved.")
  boolean propose;

  /**
   * The sources with the proposals among their workspace's annotations.
   *
   * @param count how many proposals were added
   * @param nanos wall time the detection took
   */
  record Proposed(RenderInputs.Loaded loaded, int count, long nanos) {}

  /** {@code in} with every capture's outages proposed, or null without {@code --propose}. */
  Proposed apply(RenderInputs.Loaded in, CaptureOptions capture) {
    return propose ? add(in, capture) : null;
  }

  /** {@code in} with every capture's outages proposed. */
  private static Proposed add(RenderInputs.Loaded in, CaptureOptions capture) {
    long t0 = System.nanoTime();
    Workspace w = in.workspace();
    List<Annotation> all = new ArrayList<>(w.annotations());
    int added = 0;
    for (int i = 0; i < in.series().size(); i++) {
      if (in.exports().get(i)) {
        continue;
      }
      List<Path> files = in.files().get(i);
      SourceRef ref = w.sources().get(i);
      LoadRequest request = new LoadRequest(files, capture.decodeOptionsFor(files), capture.timeoutNanos(), List.of());
      List<OutageProposal> found;
      try {
        found = OutageProposal.of(CaptureDetect.run(request, Progress.NONE).report(), ref.name(), ref.offsetNanos());
      } catch (IOException e) {
        throw InputErrors.describe(e);
      }
      for (OutageProposal p : found) {
        Annotation a = Annotation.proposed(AnnotationKind.OUTAGE, p.span(), p.label(), p.detail(), p.zone(), p.servers(), OutageProposal.DETECTOR);
        if (all.stream().noneMatch(known -> known.repeatedBy(a))) {
          all.add(a);
          added++;
        }
      }
    }
    RenderInputs.Loaded loaded = new RenderInputs.Loaded(w.withAnnotations(all), in.workspaceFile(), in.series(), in.readNanos(), in.hashNanos(),
        in.exports(), in.files());
    return new Proposed(loaded, added, System.nanoTime() - t0);
  }
}
