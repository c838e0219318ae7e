package org.dnsseismograph.analysis;

import java.util.List;
import java.util.Locale;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.SeriesSet;

/**
 * Picks the series of a source to align on: the one the user names, else the source's query rate
 * by its usual names (a capture's client queries, Unbound's {@code total.num.queries}, PowerDNS
 * Recursor's {@code questions}), else the series with the strongest change. Stateless.
 */
public final class AlignmentMetrics {
  /** Names of a resolver's incoming query rate, most specific first; matched whole or as the last dotted part. */
  public static final List<String> QUERY_RATE_NAMES = List.of("client.queries", "queries.client", "total.num.queries",
      "questions", "queries", "num.queries");
  private static final int MAX_CELLS = 20_000;

  private AlignmentMetrics() {}

  /**
   * The series of {@code set} to align on.
   *
   * @param requested a series id, or the end of one after a dot; null to choose
   * @throws IllegalArgumentException when {@code requested} names no series of the set, or the set is empty
   */
  public static MetricId pick(SeriesSet set, String requested) {
    if (requested != null) {
      MetricId m = match(set, requested);
      if (m == null) {
        throw new IllegalArgumentException(set.sourceName() + " has no series " + requested);
      }
      return m;
    }
    for (String name : QUERY_RATE_NAMES) {
      MetricId m = match(set, name);
      if (m != null && !set.get(m).isEmpty()) {
        return m;
      }
    }
    return strongest(set);
  }

  /** The name of the series {@link #pick} chooses by itself, or null when the set has none to choose. */
  public static String rateSeries(SeriesSet set) {
    try {
      return pick(set, null).name();
    } catch (IllegalArgumentException e) {
      // No series long enough to find a rate by its change.
      return null;
    }
  }

  private static MetricId match(SeriesSet set, String name) {
    for (MetricId id : set.ids()) {
      String n = id.name();
      if (n.equals(name) || n.toLowerCase(Locale.ROOT).endsWith("." + name.toLowerCase(Locale.ROOT))) {
        return id;
      }
    }
    return null;
  }

  private static MetricId strongest(SeriesSet set) {
    MetricId best = null;
    double bestScore = -1;
    for (MetricId id : set.ids()) {
      ResolvableSeries s = set.get(id);
      if (s.isEmpty()) {
        continue;
      }
      long step = Math.max(AlignmentGrid.resolution(s), s.extent().durationNanos() / MAX_CELLS);
      int cells = (int) (s.extent().durationNanos() / step);
      ClockOffsetEstimator.Edge e = cells < 12 ? null
          : ClockOffsetEstimator.strongestEdge(AlignmentGrid.sample(s, s.extent().startNanos(), step, cells));
      if (e != null && e.score() > bestScore) {
        best = id;
        bestScore = e.score();
      }
    }
    if (best == null) {
      throw new IllegalArgumentException(set.sourceName() + " has no series long enough to align on");
    }
    return best;
  }
}
