package org.dnsseismograph.series;

import java.util.Arrays;

/**
 * A 10-second chunk still accepting events (the writer's side): one append-only int list of ns
 * offsets per 100 ms bin. Lists only ever grow by appending or by being replaced with a larger copy,
 * never overwritten below a length already handed out, so a {@link #freeze() frozen} view stays
 * valid while the writer goes on. Not thread-safe: owned by the single writer.
 */
final class OpenEventChunk {
  private final int[][] lists = new int[EventChunk.BINS][];
  private final int[] lens = new int[EventChunk.BINS];
  private int total;

  /** Records an event {@code offsetNanos} after the chunk's start (0 ≤ offset < 10 s). */
  void add(long offsetNanos) {
    int j = (int) (offsetNanos / EventChunk.BIN_NANOS);
    int o = (int) (offsetNanos - j * EventChunk.BIN_NANOS);
    int[] list = lists[j];
    if (list == null) {
      list = new int[4];
      lists[j] = list;
    } else if (lens[j] == list.length) {
      list = Arrays.copyOf(list, list.length * 2);
      lists[j] = list;
    }
    list[lens[j]++] = o;
    total++;
  }

  int total() {
    return total;
  }

  /** An immutable view of the events so far (copies 100 references and 100 lengths). */
  FrozenEventChunk freeze() {
    return new FrozenEventChunk(lists.clone(), lens.clone());
  }

  /** The sealed, sorted, packed form; null when the chunk saw no event. */
  EventChunk seal() {
    return EventChunk.seal(lists, lens);
  }
}
