package org.dnsseismograph.analysis;

import java.io.IOException;
import java.util.Locale;
import java.util.stream.Collectors;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.traffic.ResolverRole;

/**
 * Writes a {@link HealthReport} as a short report for people ({@code seismograph detect --format
 * text}): the capture's span (and the detection grid's step when a long capture needed one coarser
 * than 100 ms) and resolvers, each suspected outage with its reason and what the clients saw, then
 * the spikes. Times are ISO-8601 UTC with milliseconds. Stateless and
 * thread-safe; I/O errors of the {@link Appendable} are passed on.
 */
public final class HealthReportText {
  private HealthReportText() {}

  public static void write(HealthReport r, Appendable out) throws IOException {
    out.append("Capture: ").append(time(r.captureStartNanos())).append(" .. ").append(time(r.captureEndNanos())).append('\n');
    String grid = coarseGridNote(r);
    if (grid != null) {
      out.append(grid).append('\n');
    }
    out.append("Resolvers: ");
    out.append(r.resolvers().isEmpty() ? "none found" : r.resolvers().stream().map(HealthReportText::resolver).collect(Collectors.joining("; ")));
    out.append("\n\n");
    out.append(r.outages().isEmpty() ? "No suspected authoritative outage.\n" : "Suspected authoritative outages: " + r.outages().size() + "\n");
    for (Outage o : r.outages()) {
      outage(o, out);
    }
    out.append('\n').append(r.spikes().isEmpty() ? "No spikes.\n" : "Spikes: " + r.spikes().size() + "\n");
    for (Spike s : r.spikes()) {
      out.append("  ").append(spike(s)).append('\n');
    }
  }

  /**
   * The sentence saying that detection used a grid coarser than 100 ms, why, and the spike scales
   * that allows ("Detection grid: 1s buckets, not 100ms: ..."); null when the grid was 100 ms.
   */
  public static String coarseGridNote(HealthReport r) {
    return r.gridStepNanos() == CountGrid.STEP ? null : grid(r.gridStepNanos());
  }

  private static String grid(long step) {
    double days = (double) CaptureDetect.MAX_BUCKETS * CountGrid.STEP / (86_400.0 * TimeUnits.NANOS_PER_SECOND);
    return String.format(Locale.ROOT, "Detection grid: %s buckets, not %s: the capture spans more than %.1f days; spikes sought at %s, %s and %s.",
        TimeUnits.formatDuration(step), TimeUnits.formatDuration(CountGrid.STEP), days, TimeUnits.formatDuration(step),
        TimeUnits.formatDuration(SpikeDetector.SCALES[1] * step), TimeUnits.formatDuration(SpikeDetector.SCALES[2] * step));
  }

  /** "before -> during" with the unit after the second; a rate never observed reads "unknown". */
  private static String change(double before, double during, String unit) {
    return rate(before, "%.1f") + " -> " + rate(during, "%.1f" + unit);
  }

  /**
   * A rate, or "unknown" where nothing was observed (time no file covers, or unanswered queries in
   * the last timeout before the capture stopped; the JSON gives null).
   */
  private static String rate(double perSecond, String format) {
    return Double.isNaN(perSecond) ? "unknown" : String.format(Locale.ROOT, format, perSecond);
  }

  /** A resolver and the evidence for it, which the role scan gathers from the capture's first messages only. */
  private static String resolver(ResolverRole r) {
    if (r.basis() == ResolverRole.Basis.GIVEN) {
      return r.address() + " (given)";
    }
    if (r.basis() == ResolverRole.Basis.NAMED_BY_SOURCE) {
      return r.address() + " (named by its dnstap log)";
    }
    if (r.queriesReceived() == 0 && r.queriesSent() == 0) {
      return String.format(Locale.ROOT, "%s (%s, recognised after the first %,d DNS messages)", r.address(), r.basis().code(), RoleScan.PREFIX_MESSAGES);
    }
    return String.format(Locale.ROOT, "%s (%s: %d queries received and %d sent in the first %,d DNS messages)", r.address(), r.basis().code(),
        r.queriesReceived(), r.queriesSent(), RoleScan.PREFIX_MESSAGES);
  }

  private static void outage(Outage o, Appendable out) throws IOException {
    String end = o.ongoingAtGap() ? "(still dark when the capture stopped at " + time(o.watchedUntilNanos()) + ", before a gap)"
        : o.ongoing() ? "(still dark at the end)" : time(o.endNanos());
    String length = o.ongoing() ? "" : String.format(Locale.ROOT, " (%s)", TimeUnits.formatDuration(o.endNanos() - o.startNanos()));
    out.append(String.format(Locale.ROOT, "  %s .. %s%s  %s %s  servers: %s%n", time(o.startNanos()), end, length, o.scope().code(),
        o.zone() == null ? "(zone unknown)" : o.zone(), o.servers().isEmpty() ? "unknown" : o.servers().stream().map(Object::toString)
            .collect(Collectors.joining(", "))));
    out.append(String.format(Locale.ROOT, "    %d unanswered; confidence %.2f%n", o.unanswered(), o.confidence()));
    out.append("    ").append(o.reason()).append('\n');
    ClientImpact c = o.evidence().client();
    out.append("    clients before -> during: ").append(change(c.queriesBefore(), c.queriesDuring(), " queries/s")).append(" (peak ")
        .append(rate(c.queriesPeak(), "%.0f/s")).append("), SERVFAIL ").append(change(c.servfailBefore(), c.servfailDuring(), "/s"))
        .append(", retries ").append(change(c.retriesBefore(), c.retriesDuring(), "/s")).append(", unanswered ")
        .append(change(c.unansweredBefore(), c.unansweredDuring(), "/s")).append('\n');
    if (o.evidence().clientSpike() != null) {
      out.append("    with the spike ").append(spike(o.evidence().clientSpike())).append('\n');
    }
  }

  private static String spike(Spike s) {
    String factor = Double.isInfinite(s.factor()) ? "from none" : String.format(Locale.ROOT, "x%.1f", s.factor());
    return String.format(Locale.ROOT, "%s %s .. %s: peak %.1f/s at %s, baseline %.1f/s, %s (%s buckets)", s.metric(), time(s.startNanos()),
        time(s.endNanos()), s.peakRate(), time(s.peakNanos()), s.baselineRate(), factor, TimeUnits.formatDuration(s.scaleNanos()));
  }

  private static String time(long t) {
    return TimeUnits.format(t);
  }
}
