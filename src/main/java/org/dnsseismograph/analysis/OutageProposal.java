package org.dnsseismograph.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.dnsseismograph.series.TimeRange;

/**
 * A suspected outage of a capture's {@link HealthReport} in the words an annotation proposes it
 * with: its span on the timeline's axis (the capture's clock correction applied; an outage still
 * going on ends where the capture stopped watching it), a short label, the evidence as text, the
 * zone and the servers. The window hands these to the analyst, and {@code render --propose} draws
 * them, so both say the same. Immutable.
 *
 * @param span when, corrected
 * @param label "example.test. dark", or the one dark server's address
 * @param detail the reason, servers, confidence and what the clients saw
 * @param zone the dark zone, or empty
 * @param servers the dark servers' addresses
 */
public record OutageProposal(TimeRange span, String label, String detail, String zone, List<String> servers) {
  /** The detector that proposes these (the same detector again proposes nothing new over them). */
  public static final String DETECTOR = "outage-detector";

  public OutageProposal {
    servers = List.copyOf(servers);
  }

  /**
   * One proposal per suspected outage of {@code report}.
   *
   * @param source the capture's name, for the evidence
   * @param correctionNanos the capture's clock correction, added to every time (ns)
   */
  public static List<OutageProposal> of(HealthReport report, String source, long correctionNanos) {
    List<OutageProposal> out = new ArrayList<>();
    for (Outage o : report.outages()) {
      TimeRange span = spanOf(o, report.captureEndNanos()).shift(correctionNanos);
      out.add(new OutageProposal(span, labelOf(o), detailOf(o, source), o.zone() == null ? "" : o.zone(),
          o.servers().stream().map(Object::toString).toList()));
    }
    return out;
  }

  /**
   * When the outage was, in the capture's own clock; an ongoing one ends where the capture stopped
   * watching it: the last frame of its file when a gap follows, else the capture's end.
   */
  public static TimeRange spanOf(Outage o, long captureEndNanos) {
    long end = o.ongoingAtGap() ? o.watchedUntilNanos() : o.ongoing() ? Math.max(captureEndNanos, o.startNanos() + 1) : o.endNanos();
    return new TimeRange(o.startNanos(), Math.max(end, o.startNanos() + 1));
  }

  /**
   * A few words for the timeline and the list: "example.test. dark", or the one dark server's
   * address; the servers, span and evidence are the annotation's other fields.
   */
  static String labelOf(Outage o) {
    if (o.scope() == Outage.Scope.SERVER && o.servers().size() == 1) {
      return o.servers().get(0) + " dark";
    }
    return (o.zone() != null ? o.zone() : o.servers().isEmpty() ? "authoritative servers" : o.servers().size() + " servers") + " dark";
  }

  /** The outage's reason, servers, confidence and what the clients saw. */
  public static String detailOf(Outage o, String source) {
    ClientImpact c = o.evidence().client();
    String servers = o.servers().isEmpty() ? "unknown" : o.servers().stream().map(Object::toString).collect(Collectors.joining(", "));
    return o.reason() + "\n" + String.format(Locale.ROOT, "Servers: %s. %d unanswered; confidence %.2f.%n", servers, o.unanswered(),
        o.confidence()) + String.format(Locale.ROOT, "Clients before → during: %.1f → %.1f queries/s, SERVFAIL %.1f → %.1f/s, retries %.1f → %.1f/s.",
            c.queriesBefore(), c.queriesDuring(), c.servfailBefore(), c.servfailDuring(), c.retriesBefore(), c.retriesDuring())
        + "\nIn " + source + (o.startsAtCaptureStart() ? "; the capture began inside it." : ".");
  }
}
