package org.dnsseismograph.series;

/**
 * What a column edge at time t splits one sealed chunk into: exact event counts before and from t,
 * and the extremes of the 100 ms bins starting before and from t. Computed once per edge and shared
 * by the two columns that meet there. Not thread-safe: scratch space of one reduce call.
 */
final class ChunkEdge {
  long time = Long.MIN_VALUE;
  long chunk;
  int before;
  int after;
  int beforeMin;
  int beforeMax;
  int afterMin;
  int afterMax;

  /** Fills this edge at {@code t} from chunk {@code c} (absolute index), null meaning no events. */
  void fill(long t, long c, EventChunk ch) {
    time = t;
    chunk = c;
    long offset = t - c * EventChunk.CHUNK_NANOS;
    int j = (int) (offset / EventChunk.BIN_NANOS);
    int into = (int) (offset - j * EventChunk.BIN_NANOS);
    int firstAfter = into == 0 ? j : j + 1;
    if (ch == null) {
      before = 0;
      after = 0;
      beforeMin = 0;
      beforeMax = firstAfter > 0 ? 0 : -1;
      afterMin = 0;
      afterMax = firstAfter < EventChunk.BINS ? 0 : -1;
      return;
    }
    ch.fillEdge(j, into, firstAfter, this);
  }

  /** Adds the part of the chunk from the edge on to {@code f}. */
  void foldAfter(Fold f) {
    f.count += after;
    if (afterMax >= 0) {
      f.addExtremes(afterMin, afterMax);
    }
  }

  /** Adds the part of the chunk before the edge to {@code f}. */
  void foldBefore(Fold f) {
    f.count += before;
    if (beforeMax >= 0) {
      f.addExtremes(beforeMin, beforeMax);
    }
  }
}
