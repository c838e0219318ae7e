package org.dnsseismograph.ui.annotations;

import java.util.List;
import org.dnsseismograph.analysis.HealthReport;
import org.dnsseismograph.analysis.OutageProposal;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationKind;

/**
 * The suspected outages of a capture's {@link HealthReport} as annotations in state "proposed", for
 * the analyst to accept, edit or reject ({@link OutageProposal} says what each holds). Stateless.
 */
public final class OutageProposals {
  /** The {@code proposedBy} of these proposals (the same detector again proposes nothing new over them). */
  public static final String DETECTOR = OutageProposal.DETECTOR;

  private OutageProposals() {}

  /** One proposal per suspected outage of {@code report}. */
  public static List<Annotation> of(HealthReport report, String source, long correctionNanos) {
    return OutageProposal.of(report, source, correctionNanos).stream()
        .map(p -> Annotation.proposed(AnnotationKind.OUTAGE, p.span(), p.label(), p.detail(), p.zone(), p.servers(), DETECTOR)).toList();
  }
}
