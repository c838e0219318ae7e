package org.dnsseismograph.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.SeriesSet;

/**
 * Finds the moments at which the most sources show a simultaneous change: in every series of every
 * source, changes of the mean level (at least {@link #MIN_SCORE} standard deviations of such a
 * change under the series' own noise) are found at the coarsest resolution among the sources; the moments are the times where changes of the
 * most sources fall within one coarse interval of each other (ties broken by the summed size of
 * the changes). Moments within {@value #EDGE_TOLERANCES} intervals of where the sources' recordings
 * begin together or end come last: there every source changes because the traffic or the recording
 * starts (a lab's load, a capture begun with a resolver), which is no incident. Sources are taken
 * as given: apply their clock corrections first.
 *
 * <p>Pure function of its inputs; thread-safe. Cost: O(series × cells), cells capped at {@link
 * #MAX_CELLS} per series.
 */
public final class CommonMomentFinder {
  /** A change of the mean level at least this many standard deviations of such a change counts. */
  public static final double MIN_SCORE = 6;
  static final int MAX_CELLS = 20_000;
  private static final int HALF = 3;
  /** Moments this many intervals from the sources' common start or end rank after all others. */
  static final int EDGE_TOLERANCES = 5;

  /** A change found in one series. */
  private record Change(int source, MetricId series, long at, double before, double after, double score, long step) {}

  /** The moments, best first, at most {@code limit} of them, at least two tolerances apart. */
  public List<CommonMoment> find(List<SeriesSet> sources, int limit) {
    long tolerance = coarsest(sources);
    // Every series is read at the coarsest resolution: a finer one would only add counting noise to
    // changes that can be told apart no better than that anyway.
    List<Change> changes = new ArrayList<>();
    for (int k = 0; k < sources.size(); k++) {
      for (MetricId id : sources.get(k).ids()) {
        ResolvableSeries s = sources.get(k).get(id);
        if (!s.isEmpty()) {
          changes.addAll(changes(k, id, s, tolerance));
        }
      }
    }
    List<CommonMoment> candidates = new ArrayList<>();
    for (Change c : changes) {
      candidates.add(momentAround(c.at, tolerance, changes, sources));
    }
    long begin = sources.stream().map(SeriesSet::extent).filter(e -> e != null).mapToLong(e -> e.startNanos()).max().orElse(Long.MIN_VALUE);
    long end = sources.stream().map(SeriesSet::extent).filter(e -> e != null).mapToLong(e -> e.endNanos()).min().orElse(Long.MAX_VALUE);
    long edge = EDGE_TOLERANCES * tolerance;
    candidates.sort(Comparator.comparing((CommonMoment m) -> m.timeNanos() - begin <= edge || end - m.timeNanos() <= edge)
        .thenComparing(Comparator.comparingInt(CommonMoment::sourcesShowing).reversed())
        .thenComparing(Comparator.comparingDouble(CommonMomentFinder::weight).reversed()));
    List<CommonMoment> out = new ArrayList<>();
    for (CommonMoment m : candidates) {
      if (out.size() < limit && out.stream().noneMatch(o -> Math.abs(o.timeNanos() - m.timeNanos()) <= 2 * m.toleranceNanos())) {
        out.add(m);
      }
    }
    return out;
  }

  /** The coarsest resolution of any series of any source (at least the finest grid). */
  private static long coarsest(List<SeriesSet> sources) {
    long tolerance = AlignmentGrid.FINEST_NANOS;
    for (SeriesSet set : sources) {
      for (ResolvableSeries s : set.series().values()) {
        if (!s.isEmpty()) {
          tolerance = Math.max(tolerance, Math.max(AlignmentGrid.resolution(s), s.extent().durationNanos() / MAX_CELLS));
        }
      }
    }
    return tolerance;
  }

  /** The best moment, or null when no source changed at all. */
  public CommonMoment best(List<SeriesSet> sources) {
    List<CommonMoment> m = find(sources, 1);
    return m.isEmpty() ? null : m.get(0);
  }

  private static double weight(CommonMoment m) {
    return m.evidence().stream().mapToDouble(e -> Math.min(e.score(), 50)).sum();
  }

  private static CommonMoment momentAround(long t, long tolerance, List<Change> changes, List<SeriesSet> sources) {
    Change[] best = new Change[sources.size()];
    for (Change c : changes) {
      if (Math.abs(c.at - t) <= tolerance && (best[c.source] == null || c.score > best[c.source].score)) {
        best[c.source] = c;
      }
    }
    List<CommonMomentEvidence> ev = new ArrayList<>();
    List<Long> times = new ArrayList<>();
    for (Change c : best) {
      if (c != null) {
        ev.add(new CommonMomentEvidence(sources.get(c.source).sourceName(), c.series, c.at, c.before, c.after, c.score, c.step));
        times.add(c.at);
      }
    }
    ev.sort(Comparator.comparingDouble(CommonMomentEvidence::score).reversed());
    times.sort(Long::compare);
    return new CommonMoment(times.get(times.size() / 2), tolerance, ev.size(), sources.size(), ev);
  }

  /** The local maxima of the level-change score at or above {@link #MIN_SCORE}. */
  private static List<Change> changes(int source, MetricId id, ResolvableSeries s, long step) {
    int cells = (int) Math.min(MAX_CELLS, s.extent().durationNanos() / step);
    List<Change> out = new ArrayList<>();
    if (cells < 2 * HALF + 1) {
      return out;
    }
    long start = s.extent().startNanos();
    double[] v = AlignmentGrid.sample(s, start, step, cells);
    double noise = AlignmentGrid.noise(v);
    double[] score = new double[cells + 1];
    for (int i = HALF; i <= cells - HALF; i++) {
      score[i] = AlignmentGrid.levelChange(v, i, HALF, noise);
    }
    for (int i = HALF; i <= cells - HALF; i++) {
      boolean peak = score[i] >= MIN_SCORE && score[i] >= score[i - 1] && score[i] > score[i + 1];
      if (peak) {
        out.add(new Change(source, id, start + i * step, AlignmentGrid.mean(v, i - HALF, i), AlignmentGrid.mean(v, i, i + HALF),
            score[i], step));
      }
    }
    return out;
  }
}
