package org.dnsseismograph.ui.annotations;

import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.analysis.HealthReport;
import org.dnsseismograph.analysis.Outage;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.ui.panel.HealthDetections;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationKind;

/**
 * The suspected outages of a capture's {@link HealthReport} as annotations in state "proposed",
 * for the analyst to accept, edit or reject: the span on the timeline's axis (the capture's clock
 * correction applied; an outage still going on ends at the capture's end), the zone and servers,
 * a short label ({@link #label}) and the evidence as text. Stateless.
 */
public final class OutageProposals {
  /** The {@code proposedBy} of these proposals (the same detector again proposes nothing new over them). */
  public static final String DETECTOR = "outage-detector";

  private OutageProposals() {}

  /** One proposal per suspected outage of {@code report}. */
  public static List<Annotation> of(HealthReport report, String source, long correctionNanos) {
    List<Annotation> out = new ArrayList<>();
    for (Outage o : report.outages()) {
      TimeRange span = HealthDetections.outageSpan(o, report.captureEndNanos()).shift(correctionNanos);
      String zone = o.zone() == null ? "" : o.zone();
      List<String> servers = o.servers().stream().map(Object::toString).toList();
      out.add(Annotation.proposed(AnnotationKind.OUTAGE, span, label(o), HealthDetections.outageDetail(o, source), zone, servers, DETECTOR));
    }
    return out;
  }

  /**
   * A few words for the timeline and the list: "example.test. dark", or the one dark server's
   * address; the servers, span and evidence are the annotation's other fields.
   */
  static String label(Outage o) {
    if (o.scope() == Outage.Scope.SERVER && o.servers().size() == 1) {
      return o.servers().get(0) + " dark";
    }
    return (o.zone() != null ? o.zone() : o.servers().isEmpty() ? "authoritative servers" : o.servers().size() + " servers") + " dark";
  }
}
