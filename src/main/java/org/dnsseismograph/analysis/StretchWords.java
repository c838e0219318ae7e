package org.dnsseismograph.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dnsseismograph.series.TimeUnits;

/**
 * The parts of an outage's reason that depend on where in the capture it lies, when the capture
 * files have gaps ({@link CaptureGaps}); without gaps, the words of a single capture.
 *
 * <p>The answer ratio outside the outage is over the whole capture, the files across the gaps
 * included: it asks whether these servers answer when they are not dark, and the other files
 * watched the same servers; an outage that fills its own stretch would otherwise have nothing to
 * compare with. Only queries the capture saw count, so the gap itself weighs nothing. The words
 * give the two parts too, its own stretch and the others, so that no one reads the figure as its
 * file's alone. Times are ISO-8601 UTC. Used on the detecting thread; stateless after construction.
 */
final class StretchWords {
  private final DarkServerTracker tracker;
  private final List<DarkSpan> members;
  private final Set<Integer> servers;
  private final int stretch;

  StretchWords(DarkServerTracker tracker, List<DarkSpan> members, Set<Integer> servers, int stretch) {
    this.tracker = tracker;
    this.members = members;
    this.servers = servers;
    this.stretch = stretch;
  }

  private CaptureGaps gaps() {
    return tracker.gaps();
  }

  /** "; 99.5 % answered outside it", with its own stretch's share and the others' when there are gaps. */
  String answeredOutside(double whole) {
    String all = String.format(Locale.ROOT, "; %.1f %% answered outside it", 100 * whole);
    if (gaps().count() == 0) {
      return all;
    }
    long ownQueries = 0;
    long ownAnswered = 0;
    long queries = 0;
    long answered = 0;
    for (int s : servers) {
      long[] own = tracker.stretchTotals(s, stretch);
      ownQueries += own[0];
      ownAnswered += own[1];
      queries += tracker.queries(s);
      answered += tracker.answered(s);
    }
    for (DarkSpan m : members) {
      ownQueries -= m.queries();
      ownAnswered -= m.answered();
      queries -= m.queries();
      answered -= m.answered();
    }
    int others = gaps().count();
    return all + String.format(Locale.ROOT, " in all the capture's files (%s in its own stretch of them, %s in the %d %s across %s)",
        share(ownAnswered, ownQueries), share(answered - ownAnswered, queries - ownQueries), others, others == 1 ? "other" : "others",
        others == 1 ? "a gap" : "the gaps");
  }

  private static String share(long answered, long queries) {
    return queries <= 0 ? "none asked" : String.format(Locale.ROOT, "%.1f %%", 100.0 * answered / queries);
  }

  /** "; already dark when the capture began", or when it resumed after a gap. */
  String alreadyDark() {
    if (stretch == 0) {
      return "; already dark when the capture began";
    }
    long resumed = gaps().startAfter(stretch - 1);
    return String.format(Locale.ROOT, "; already dark when the capture resumed at %s after %s with nothing captured", TimeUnits.format(resumed),
        length(resumed - gaps().endBefore(stretch - 1)));
  }

  /** "; still dark when the capture ended", or when it stopped before a gap. */
  String stillDark() {
    if (stretch == gaps().count()) {
      return "; still dark when the capture ended";
    }
    long stopped = gaps().endBefore(stretch);
    return String.format(Locale.ROOT, "; still dark when the capture stopped at %s (nothing captured for %s after: how long it lasted is unknown)",
        TimeUnits.format(stopped), length(gaps().startAfter(stretch) - stopped));
  }

  /** A gap's length in the unit people would say it in. */
  static String length(long nanos) {
    double s = nanos / (double) TimeUnits.NANOS_PER_SECOND;
    if (s >= 2 * 86_400) {
      return String.format(Locale.ROOT, "%.1f days", s / 86_400);
    }
    if (s >= 2 * 3_600) {
      return String.format(Locale.ROOT, "%.1f hours", s / 3_600);
    }
    if (s >= 2 * 60) {
      return String.format(Locale.ROOT, "%.1f minutes", s / 60);
    }
    return String.format(Locale.ROOT, "%.1f s", s);
  }
}
