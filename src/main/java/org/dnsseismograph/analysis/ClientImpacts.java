package org.dnsseismograph.analysis;

import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.series.TimeUnits;

/**
 * Measures what the clients saw during a span against the time before it, from the detection
 * grid; and picks the client-side spikes that came with it. Rates are over the whole grid buckets
 * a span overlaps. On a coarse grid (a capture too long for 100 ms) a span shorter than a bucket
 * shares it with ordinary traffic, and the bucket at the span's start is in both the span and the
 * time before it: both only pull the two rates together, so the clients' suffering can be
 * understated, never invented. The time before is at least {@value #MIN_COMPARE_BUCKETS} buckets,
 * so that shared bucket weighs at most about a tenth of it. Stateless.
 */
final class ClientImpacts {
  /** The least time compared before a span (or after it, when the capture began inside it). */
  static final long COMPARE_NANOS = 60 * TimeUnits.NANOS_PER_SECOND;
  /** How long after an outage ends its client spikes may still begin (clients retry late). */
  static final long AFTERMATH_NANOS = 10 * TimeUnits.NANOS_PER_SECOND;
  /** The least number of grid buckets compared before a span. */
  static final int MIN_COMPARE_BUCKETS = 10;
  static final List<String> CLIENT_SPIKE_METRICS = List.of("client.retries", "client.rcode.SERVFAIL", "client.unanswered");

  private ClientImpacts() {}

  static ClientImpact measure(DetectionInput in, long start, long end) {
    return measure(in, start, end, 0);
  }

  /**
   * As {@link #measure(DetectionInput, long, long)} for a span in stretch {@code stretch} of the
   * capture ({@link CaptureGaps}): the time before and after it and an ongoing span's time during
   * stay within that stretch, never reaching over a gap to the files beyond.
   */
  static ClientImpact measure(DetectionInput in, long start, long end, int stretch) {
    CountGrid g = in.grid();
    CaptureGaps gaps = in.tracker().gaps();
    long first = Math.max(in.captureStartNanos(), gaps.stretchStart(stretch));
    long last = stretch == gaps.count() ? in.captureEndNanos() : gaps.stretchEnd(stretch);
    long stop = end == Outage.OPEN ? last + 1 : end;
    long compare = Math.max(Math.max(COMPARE_NANOS, MIN_COMPARE_BUCKETS * g.stepNanos()), stop - start);
    long beforeFrom = Math.max(first, start - compare);
    long refFrom = beforeFrom;
    long refTo = start;
    // Less than a bucket before the span is the span's own first bucket, and before a file that
    // follows a gap nothing was captured: compare with the time after.
    boolean nothingBefore = refTo - refFrom < Math.max(TimeUnits.NANOS_PER_SECOND, g.stepNanos()) || !g.anyCovered(refFrom, refTo);
    if (nothingBefore && end != Outage.OPEN) {
      refFrom = end;
      refTo = Math.min(last + 1, end + compare);
    }
    return new ClientImpact(g.rate("client.queries", refFrom, refTo), g.rate("client.queries", start, stop), g.peakPerSecond("client.queries", start, stop),
        g.rate("client.rcode.SERVFAIL", refFrom, refTo), g.rate("client.rcode.SERVFAIL", start, stop), g.rate("client.retries", refFrom, refTo),
        g.rate("client.retries", start, stop), g.rate("client.unanswered", refFrom, refTo), g.rate("client.unanswered", start, stop));
  }

  /** The first {@code client.queries} spike that overlaps the span or its aftermath, or null. */
  static Spike querySpike(List<Spike> spikes, long start, long end) {
    return querySpike(spikes, start, end, Outage.OPEN);
  }

  /** As {@link #querySpike(List, long, long)}, in a stretch of the capture ending at {@code stretchEnd} (the aftermath stays in it). */
  static Spike querySpike(List<Spike> spikes, long start, long end, long stretchEnd) {
    long until = until(end, stretchEnd);
    for (Spike s : spikes) {
      if (s.metric().name().equals("client.queries") && s.overlaps(start, until)) {
        return s;
      }
    }
    return null;
  }

  /** The retry, SERVFAIL and unanswered spikes that overlap the span or its aftermath. */
  static List<Spike> otherSpikes(List<Spike> spikes, long start, long end) {
    return otherSpikes(spikes, start, end, Outage.OPEN);
  }

  /** As {@link #otherSpikes(List, long, long)}, in a stretch of the capture ending at {@code stretchEnd}. */
  static List<Spike> otherSpikes(List<Spike> spikes, long start, long end, long stretchEnd) {
    long until = until(end, stretchEnd);
    List<Spike> out = new ArrayList<>();
    for (Spike s : spikes) {
      if (CLIENT_SPIKE_METRICS.contains(s.metric().name()) && s.overlaps(start, until)) {
        out.add(s);
      }
    }
    return out;
  }

  /** Where a span's aftermath ends: 10 s after it, or the end of its stretch of the capture, whichever comes first. */
  private static long until(long end, long stretchEnd) {
    long after = end == Outage.OPEN ? Long.MAX_VALUE : end + AFTERMATH_NANOS;
    return stretchEnd == Outage.OPEN ? after : Math.min(after, stretchEnd + 1);
  }

  /** "rose 4.7-fold" style words for the biggest client-side rise, or null when nothing rose. */
  static String describe(ClientImpact c) {
    String[] names = {"SERVFAIL answers", "retries", "unanswered queries"};
    double[][] pairs = {{c.servfailBefore(), c.servfailDuring()}, {c.retriesBefore(), c.retriesDuring()}, {c.unansweredBefore(), c.unansweredDuring()}};
    String best = null;
    double bestFactor = 0;
    for (int i = 0; i < names.length; i++) {
      double before = pairs[i][0];
      double during = pairs[i][1];
      if (!(during >= 1)) {
        continue;
      }
      double factor = before > 0 ? during / before : Double.POSITIVE_INFINITY;
      if (factor >= 2 && factor > bestFactor) {
        bestFactor = factor;
        best = "the clients' " + names[i] + (Double.isInfinite(factor) ? " went from none to " + String.format(java.util.Locale.ROOT, "%.1f/s", during)
            : String.format(java.util.Locale.ROOT, " rose %.1f-fold", factor));
      }
    }
    return best;
  }
}
