package org.dnsseismograph.series;

import java.util.Arrays;

/**
 * The time a source was observing, as sorted, disjoint, non-touching half-open intervals in epoch
 * ns, UTC. Inside the coverage no event means a real zero; outside it there is no data. Immutable.
 */
public final class Coverage {
  /** Nothing observed. */
  public static final Coverage NONE = new Coverage(new long[0], new long[0]);

  private final long[] starts;
  private final long[] ends;

  private Coverage(long[] starts, long[] ends) {
    this.starts = starts;
    this.ends = ends;
  }

  /** Coverage of one interval; empty when the range is. */
  public static Coverage of(TimeRange range) {
    return range.durationNanos() == 0 ? NONE : new Coverage(new long[] {range.startNanos()}, new long[] {range.endNanos()});
  }

  /** Trusted: the arrays are already sorted, disjoint and non-touching, and are not copied. */
  static Coverage ofSorted(long[] starts, long[] ends, int n) {
    return n == 0 ? NONE : new Coverage(Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
  }

  public int size() {
    return starts.length;
  }

  public boolean isEmpty() {
    return starts.length == 0;
  }

  public long start(int i) {
    return starts[i];
  }

  public long end(int i) {
    return ends[i];
  }

  public TimeRange interval(int i) {
    return new TimeRange(starts[i], ends[i]);
  }

  /** From the first start to the last end; a zero-length range at 0 when empty. */
  public TimeRange extent() {
    return isEmpty() ? new TimeRange(0, 0) : new TimeRange(starts[0], ends[ends.length - 1]);
  }

  public boolean covers(long t) {
    int i = firstEndingAfter(t);
    return i < starts.length && starts[i] <= t;
  }

  /** Covered nanoseconds inside {@code range}. */
  public long coveredNanos(TimeRange range) {
    long sum = 0;
    for (int i = firstEndingAfter(range.startNanos()); i < starts.length && starts[i] < range.endNanos(); i++) {
      sum += Math.min(ends[i], range.endNanos()) - Math.max(starts[i], range.startNanos());
    }
    return sum;
  }

  /** True when some covered time lies in {@code [fromNanos, toNanos)}. */
  public boolean overlaps(long fromNanos, long toNanos) {
    int i = firstEndingAfter(fromNanos);
    return i < starts.length && starts[i] < toNanos && fromNanos < toNanos;
  }

  /** This coverage moved by {@code deltaNanos}. */
  public Coverage shifted(long deltaNanos) {
    if (deltaNanos == 0 || isEmpty()) {
      return this;
    }
    long[] s = starts.clone();
    long[] e = ends.clone();
    for (int i = 0; i < s.length; i++) {
      s[i] = Math.addExact(s[i], deltaNanos);
      e[i] = Math.addExact(e[i], deltaNanos);
    }
    return new Coverage(s, e);
  }

  /**
   * Each interval without its last {@code nanos} (an interval shorter than that goes): what is
   * decided of an observation whose last {@code nanos} before every stop are not, as unanswered
   * queries are not before their timeout ran out.
   */
  public Coverage withoutTails(long nanos) {
    CoverageBuilder b = new CoverageBuilder();
    for (int i = 0; i < starts.length; i++) {
      b.add(starts[i], ends[i] - nanos);
    }
    return b.build();
  }

  /**
   * What {@link #withoutTails} leaves out: the last {@code nanos} of each interval, each from the
   * start of the {@code align}-long step it begins in (a bucket reaching into it is not decided
   * either; 1 for none), never before its interval's start.
   */
  public Coverage tails(long nanos, long align) {
    CoverageBuilder b = new CoverageBuilder();
    for (int i = 0; i < starts.length; i++) {
      b.add(Math.max(starts[i], Math.floorDiv(ends[i] - nanos, align) * align), ends[i]);
    }
    return b.build();
  }

  /** The time covered by this coverage or {@code other}. */
  public Coverage union(Coverage other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    CoverageBuilder b = new CoverageBuilder();
    for (int i = 0; i < starts.length; i++) {
      b.add(starts[i], ends[i]);
    }
    for (int i = 0; i < other.starts.length; i++) {
      b.add(other.starts[i], other.ends[i]);
    }
    return b.build();
  }

  /** This coverage with {@code range} added (merged with what it overlaps or touches). */
  public Coverage with(TimeRange range) {
    CoverageBuilder b = new CoverageBuilder();
    for (int i = 0; i < starts.length; i++) {
      b.add(starts[i], ends[i]);
    }
    b.add(range.startNanos(), range.endNanos());
    return b.build();
  }

  /** Index of the first interval whose end is after {@code t}; {@code size()} if none. */
  int firstEndingAfter(long t) {
    int lo = 0;
    int hi = ends.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ends[mid] <= t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Coverage c && Arrays.equals(starts, c.starts) && Arrays.equals(ends, c.ends);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(starts) + Arrays.hashCode(ends);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("Coverage[");
    for (int i = 0; i < starts.length; i++) {
      s.append(i == 0 ? "" : ", ").append(interval(i));
    }
    return s.append(']').toString();
  }
}
