package org.dnsseismograph.ui.panel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.dnsseismograph.analysis.ClientImpact;
import org.dnsseismograph.analysis.HealthReport;
import org.dnsseismograph.analysis.HealthReportText;
import org.dnsseismograph.analysis.Outage;
import org.dnsseismograph.analysis.Spike;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;

/**
 * A capture's {@link HealthReport} as the side panel lists it: one {@link Detection} per suspected
 * outage and per spike, moved onto the timeline's axis by the capture's clock correction, each with
 * a one-line title and its evidence in words (the list's tooltip). An outage still going on at the
 * capture's end ends there. When a long capture was detected on a grid coarser than 100 ms, every
 * tooltip says so last. Stateless.
 */
public final class HealthDetections {
  private HealthDetections() {}

  /**
   * The detections of {@code report}.
   *
   * @param source the capture's name (shown in the tooltip)
   * @param correctionNanos the capture's clock correction, added to every time (ns)
   */
  public static List<Detection> of(HealthReport report, String source, long correctionNanos) {
    List<Detection> out = new ArrayList<>();
    String grid = HealthReportText.coarseGridNote(report);
    String note = grid == null ? "" : "\n" + grid;
    for (Outage o : report.outages()) {
      TimeRange span = outageSpan(o, report.captureEndNanos()).shift(correctionNanos);
      out.add(new Detection(Detection.Kind.OUTAGE, outageTitle(o, span), outageDetail(o, source) + note, span, source));
    }
    for (Spike s : report.spikes()) {
      TimeRange span = new TimeRange(s.startNanos(), Math.max(s.endNanos(), s.startNanos() + 1)).shift(correctionNanos);
      out.add(new Detection(Detection.Kind.SPIKE, spikeTitle(s), spikeDetail(s, source) + note, span, source));
    }
    return out;
  }

  /**
   * When the outage was, in the capture's own clock; an ongoing one ends where the capture stopped
   * watching it: the last frame of its file when a gap follows, else the capture's end.
   */
  public static TimeRange outageSpan(Outage o, long captureEndNanos) {
    long end = o.ongoingAtGap() ? o.watchedUntilNanos() : o.ongoing() ? Math.max(captureEndNanos, o.startNanos() + 1) : o.endNanos();
    return new TimeRange(o.startNanos(), Math.max(end, o.startNanos() + 1));
  }

  /** "example.test. dark (3 servers) 20.0 s" or "127.0.0.21 dark 4.2 s". */
  public static String outageTitle(Outage o, TimeRange span) {
    String what = o.scope() == Outage.Scope.SERVER && o.servers().size() == 1 ? o.servers().get(0).toString()
        : o.zone() != null ? o.zone() : "servers";
    String servers = o.servers().size() > 1 ? " (" + o.servers().size() + " servers)" : "";
    String length = o.ongoingAtGap() ? " to the end of its file" : o.ongoing() ? " to the end" : " " + TimeUnits.formatDuration(span.durationNanos());
    return what + " dark" + servers + length;
  }

  /** The outage's reason, servers, confidence and what the clients saw. */
  public static String outageDetail(Outage o, String source) {
    ClientImpact c = o.evidence().client();
    String servers = o.servers().isEmpty() ? "unknown" : o.servers().stream().map(Object::toString).collect(Collectors.joining(", "));
    return o.reason() + "\n" + String.format(Locale.ROOT, "Servers: %s. %d unanswered; confidence %.2f.%n", servers, o.unanswered(),
        o.confidence()) + String.format(Locale.ROOT, "Clients before → during: %.1f → %.1f queries/s, SERVFAIL %.1f → %.1f/s, retries %.1f → %.1f/s.",
            c.queriesBefore(), c.queriesDuring(), c.servfailBefore(), c.servfailDuring(), c.retriesBefore(), c.retriesDuring())
        + "\nIn " + source + (o.startsAtCaptureStart() ? "; the capture began inside it." : ".");
  }

  /**
   * "client.queries ×2.2", or "upstream.timeouts 0 → 41/s" when the baseline was zero: a factor
   * over nothing says nothing, the level reached does.
   */
  public static String spikeTitle(Spike s) {
    if (Double.isInfinite(s.factor())) {
      return s.metric() + " 0 → " + String.format(Locale.ROOT, s.peakRate() >= 10 ? "%.0f/s" : "%.1f/s", s.peakRate());
    }
    return s.metric() + " " + factor(s);
  }

  private static String spikeDetail(Spike s, String source) {
    return String.format(Locale.ROOT, "%s rose to %.1f/s at %s against a baseline of %.1f/s (%s, %.1f robust standard deviations, %s buckets), "
        + "over %s.%nIn %s.", s.metric(), s.peakRate(), TimeUnits.format(s.peakNanos()), s.baselineRate(), factor(s), s.significance(),
        TimeUnits.formatDuration(s.scaleNanos()), TimeUnits.formatDuration(s.durationNanos()), source);
  }

  private static String factor(Spike s) {
    return Double.isInfinite(s.factor()) ? "from none" : String.format(Locale.ROOT, "×%.1f", s.factor());
  }
}
