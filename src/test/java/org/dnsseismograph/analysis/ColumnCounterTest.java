package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.dnsseismograph.series.TimeRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ColumnCounter} against the plain way of counting (ask the axis for the slot of every
 * event, increment the column there), on a twin axis fed the same events: random times that mostly
 * advance, sometimes step back or jump far away, fall outside a window or beyond the chunk limit,
 * with two counters and a third user of the axis interleaved so that the axis' own cache keeps
 * moving under the counters.
 */
class ColumnCounterTest {
  private static final long T0 = 1_700_000_000_000_000_000L;

  @ParameterizedTest(name = "step {0} ns, window {1}, {2} buckets at most, seed {3}")
  @CsvSource({"1000000000, false, 100000, 1", "100000000, false, 100000, 2", "1000, false, 3000, 3", "1000, true, 3000, 4", "7, true, 1000000, 5",
      "1000000, true, 1024, 6"})
  void countsEveryEventWhereAskingTheAxisEachTimeWould(long step, boolean windowed, int maxBuckets, long seed) {
    TimeRange window = windowed ? new TimeRange(T0 + 500 * step + step / 2, T0 + 40_000 * step) : null;
    BucketAxis axis = new BucketAxis(step, window, maxBuckets);
    BucketAxis plainAxis = new BucketAxis(step, window, maxBuckets);
    CountColumn[] columns = {new CountColumn(), new CountColumn()};
    CountColumn[] plainColumns = {new CountColumn(), new CountColumn()};
    ColumnCounter[] counters = {new ColumnCounter(axis, columns[0]), new ColumnCounter(axis, columns[1])};
    Random random = new Random(seed);
    long clock = T0;
    long counted = 0;
    for (int i = 0; i < 200_000; i++) {
      clock += random.nextInt(8) == 0 ? below(random, 3 * step) : below(random, step / 50);
      long t = switch (random.nextInt(1000)) {
        case 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 -> clock - below(random, 5 * step);
        case 10 -> clock + (long) random.nextInt(2_000_000) * step;
        case 11, 12, 13, 14, 15 -> T0 - (long) random.nextInt(1000) * step;
        default -> clock;
      };
      if (random.nextInt(10) == 0) {
        // another recorder of the same axis (a latency column) asks for an older bucket
        long other = t - below(random, 2 * step);
        axis.slotOf(other);
        plainAxis.slotOf(other);
      }
      int which = random.nextInt(2);
      counters[which].add(t);
      int slot = plainAxis.slotOf(t);
      if (slot >= 0) {
        plainColumns[which].increment(slot);
        counted++;
      }
    }
    assertEquals(plainAxis.firstBucket(), axis.firstBucket());
    assertEquals(plainAxis.bucketCount(), axis.bucketCount());
    assertEquals(plainAxis.overLimit(), axis.overLimit());
    long first = axis.firstBucket();
    int rows = (int) Math.min(axis.bucketCount(), 5_000_000);
    long total = 0;
    for (int c = 0; c < 2; c++) {
      double[] got = new double[rows];
      double[] expected = new double[rows];
      columns[c].fill(axis, first, got);
      plainColumns[c].fill(plainAxis, first, expected);
      assertArrayEquals(expected, got, "column " + c);
      for (double v : got) {
        total += (long) v;
      }
    }
    assertEquals(counted, total, "every counted event is in a reported bucket");
    assertTrue(counted > 5_000 && axis.overLimit() + (windowed ? 1 : 0) > 0, "events were counted, and some refused: " + counted);
  }

  /** A random long in {@code [0, n)}, 0 when {@code n} is at most 1. */
  private static long below(Random random, long n) {
    return n <= 1 ? 0 : (long) (random.nextDouble() * n);
  }
}
