package org.dnsseismograph.cli;

import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.analysis.HealthReport;
import org.dnsseismograph.analysis.OutageProposal;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationKind;
import org.dnsseismograph.workspace.SourceRef;
import org.dnsseismograph.workspace.Workspace;
import picocli.CommandLine.Option;

/**
 * {@code --propose} of {@code render} and {@code bundle}: the outages {@code detect} finds in each
 * capture among the sources (found while the capture loaded, not by a second read), proposed as the window proposes them (on the source's offset, labelled
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
   */
  record Proposed(RenderInputs.Loaded loaded, int count) {}

  /** {@code in} with every capture's outages proposed, or null without {@code --propose}. */
  Proposed apply(RenderInputs.Loaded in) {
    return propose ? add(in) : null;
  }

  /** {@code in} with every capture's outages proposed: what its detectors found while it loaded. */
  private static Proposed add(RenderInputs.Loaded in) {
    Workspace w = in.workspace();
    List<Annotation> all = new ArrayList<>(w.annotations());
    int added = 0;
    for (int i = 0; i < in.series().size(); i++) {
      HealthReport health = in.health().get(i);
      if (health == null) {
        continue;
      }
      SourceRef ref = w.sources().get(i);
      for (OutageProposal p : OutageProposal.of(health, ref.name(), ref.offsetNanos())) {
        Annotation a = Annotation.proposed(AnnotationKind.OUTAGE, p.span(), p.label(), p.detail(), p.zone(), p.servers(), OutageProposal.DETECTOR);
        if (all.stream().noneMatch(known -> known.repeatedBy(a))) {
          all.add(a);
          added++;
        }
      }
    }
    RenderInputs.Loaded loaded = new RenderInputs.Loaded(w.withAnnotations(all), in.workspaceFile(), in.series(), in.readNanos(), in.hashNanos(), in.health());
    return new Proposed(loaded, added);
  }
}
