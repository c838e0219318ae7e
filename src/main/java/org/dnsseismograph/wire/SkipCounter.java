package org.dnsseismograph.wire;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts skips by reason. Confined to the thread that reads the capture; {@link #snapshot()}
 * copies the counts into immutable values for anybody else.
 *
 * <p>The decoder tells the counter the capture time of the frame it is working on ({@link #at}),
 * so an optional {@link Listener} learns when each skip happened (the {@code packets.skipped}
 * series) without every skip site passing a time.
 */
public final class SkipCounter {
  /** Learns of each skip as it is counted, with the capture time of the current frame. */
  @FunctionalInterface
  public interface Listener {
    void onSkip(SkipReason reason, long frameNumber, long timestampNanos);
  }

  private final Map<SkipReason, long[]> counts = new LinkedHashMap<>();
  private final Listener listener;
  private long total;
  private long clockNanos = Long.MIN_VALUE;
  private int file;

  public SkipCounter() {
    this(null);
  }

  public SkipCounter(Listener listener) {
    this.listener = listener;
  }

  /** The capture time (epoch ns) of the frame now being decoded. */
  public void at(long timestampNanos) {
    clockNanos = timestampNanos;
  }

  /**
   * The file now being read, by its index among the files read together: where the first skip of
   * each reason is said to be ({@link Skipped#firstFile}).
   */
  public void inFile(int index) {
    file = index;
  }

  /** The time last given to {@link #at}, or {@code Long.MIN_VALUE} before the first frame. */
  public long clockNanos() {
    return clockNanos;
  }

  /** Counts one skip; {@code frameNumber} is 1-based, 0 when not tied to a frame. */
  public void count(SkipReason reason, long frameNumber) {
    long[] c = counts.computeIfAbsent(reason, r -> new long[] {0, frameNumber, file});
    c[0]++;
    total++;
    if (listener != null) {
      listener.onSkip(reason, frameNumber, clockNanos);
    }
  }

  /** Adds all counts of another counter (merging sources). */
  public void addAll(SkipCounter other) {
    for (Map.Entry<SkipReason, long[]> e : other.counts.entrySet()) {
      long[] c = counts.computeIfAbsent(e.getKey(), r -> new long[] {0, e.getValue()[1], e.getValue()[2]});
      c[0] += e.getValue()[0];
      total += e.getValue()[0];
    }
  }

  /** Total skips of every reason. */
  public long total() {
    return total;
  }

  /** Skips of one reason. */
  public long count(SkipReason reason) {
    long[] c = counts.get(reason);
    return c == null ? 0 : c[0];
  }

  /** The counts, most frequent first. */
  public List<Skipped> snapshot() {
    List<Skipped> list = new ArrayList<>(counts.size());
    counts.forEach((r, c) -> list.add(new Skipped(r, c[0], c[1], (int) c[2])));
    list.sort(Comparator.comparingLong(Skipped::count).reversed());
    return List.copyOf(list);
  }
}
