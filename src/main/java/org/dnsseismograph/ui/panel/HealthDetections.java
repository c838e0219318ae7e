package org.dnsseismograph.ui.panel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dnsseismograph.analysis.HealthReport;
import org.dnsseismograph.analysis.HealthReportText;
import org.dnsseismograph.analysis.Outage;
import org.dnsseismograph.analysis.OutageProposal;
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
      TimeRange span = OutageProposal.spanOf(o, report.captureEndNanos()).shift(correctionNanos);
      out.add(new Detection(Detection.Kind.OUTAGE, outageTitle(o, span), OutageProposal.detailOf(o, source) + note, span, source));
    }
    for (Spike s : report.spikes()) {
      TimeRange span = new TimeRange(s.startNanos(), Math.max(s.endNanos(), s.startNanos() + 1)).shift(correctionNanos);
      out.add(new Detection(Detection.Kind.SPIKE, spikeTitle(s), spikeDetail(s, source) + note, span, source));
    }
    return out;
  }

  /** "example.test. dark (3 servers) 20.0 s" or "127.0.0.21 dark 4.2 s". */
  public static String outageTitle(Outage o, TimeRange span) {
    String what = o.scope() == Outage.Scope.SERVER && o.servers().size() == 1 ? o.servers().get(0).toString()
        : o.zone() != null ? o.zone() : "servers";
    String servers = o.servers().size() > 1 ? " (" + o.servers().size() + " servers)" : "";
    String length = o.ongoingAtGap() ? " to the end of its file" : o.ongoing() ? " to the end" : " " + TimeUnits.formatDuration(span.durationNanos());
    return what + " dark" + servers + length;
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
