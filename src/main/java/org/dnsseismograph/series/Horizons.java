package org.dnsseismograph.series;

import java.util.Arrays;

/**
 * Where each resolution of an {@link EventSeries} begins after compaction: exact events exist from
 * {@link #exactFrom}, level {@code dl} (100 ms × 10^dl buckets) from {@code levelFrom[dl]}; earlier
 * time is answered by the next coarser level. Horizons only move forward and coarser levels are
 * kept at least as long as finer ones. Epoch ns. Immutable.
 */
final class Horizons {
  /** The finest "level" of all: the events themselves. */
  static final int EXACT = -1;
  static final Horizons NONE = new Horizons(Long.MIN_VALUE, filled(Long.MIN_VALUE));

  /** Zone levels from the coarsest (oldest time) to the finest (newest). */
  private static final int[] ZONE_LEVELS = {6, 5, 4, 3, 2, 0, EXACT};

  final long exactFrom;
  private final long[] levelFrom;

  Horizons(long exactFrom, long[] levelFrom) {
    this.exactFrom = exactFrom;
    this.levelFrom = levelFrom.clone();
  }

  static long[] filled(long v) {
    long[] a = new long[EventPyramid.LEVELS];
    Arrays.fill(a, v);
    return a;
  }

  long levelFrom(int dl) {
    return levelFrom[dl];
  }

  int zones() {
    return ZONE_LEVELS.length;
  }

  /** The finest level available in zone {@code i} (0 = oldest), or {@link #EXACT}. */
  int zoneLevel(int i) {
    return ZONE_LEVELS[i];
  }

  long zoneStart(int i) {
    return i == 0 ? Long.MIN_VALUE : zoneEnd(i - 1);
  }

  long zoneEnd(int i) {
    int next = i + 1 < ZONE_LEVELS.length ? ZONE_LEVELS[i + 1] : Integer.MIN_VALUE;
    if (next == Integer.MIN_VALUE) {
      return Long.MAX_VALUE;
    }
    return next == EXACT ? exactFrom : levelFrom[next];
  }

  /** The finest level available at {@code t}. */
  int finestAt(long t) {
    for (int i = ZONE_LEVELS.length - 1; i > 0; i--) {
      if (t >= zoneStart(i)) {
        return ZONE_LEVELS[i];
      }
    }
    return ZONE_LEVELS[0];
  }
}
