package org.dnsseismograph.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventChunkTest {
  private static final int BIN = (int) EventChunk.BIN_NANOS;

  /**
   * The exact count below any instant of a bin is the number of its events stamped earlier,
   * whether they spread evenly (where the search starts) or crowd one end, one instant or a few.
   */
  @ParameterizedTest(name = "{0}, {1} events")
  @CsvSource(textBlock = """
      even,       600
      even,         1
      atStart,    400
      atEnd,      400
      oneInstant, 300
      twoCrowds,  900
      firstMilli, 500
      even,     70000
      """)
  void countBelowAnyInstantOfABinIsTheEventsStampedEarlier(String spread, int n) {
    Random random = new Random(n * 31L + spread.hashCode());
    int[][] lists = new int[EventChunk.BINS][];
    int[] lens = new int[EventChunk.BINS];
    for (int j = 0; j < EventChunk.BINS; j++) {
      int count = j % 7 == 3 ? 0 : j % 10 == 5 ? n : n / 10 + j;
      lists[j] = new int[count];
      for (int i = 0; i < count; i++) {
        lists[j][i] = offset(spread, random);
      }
      lens[j] = count;
    }
    EventChunk chunk = EventChunk.seal(lists, lens);

    for (int j = 0; j < EventChunk.BINS; j++) {
      int[] sorted = Arrays.copyOf(lists[j], lens[j]);
      Arrays.sort(sorted);
      int earlier = 0;
      int previousKey = 0;
      int previousBelow = 0;
      for (int key : keys(sorted)) {
        while (earlier < sorted.length && sorted[earlier] < key) {
          earlier++;
        }
        assertEquals(earlier, chunk.countInBin(j, 0, key), "bin " + j + " below " + key);
        assertEquals(earlier - previousBelow, chunk.countInBin(j, previousKey, key), "bin " + j + " from " + previousKey + " to " + key);
        int first = chunk.eventsBefore(j, 0);
        int probe = chunk.firstProbe(j, key);
        // The line a redraw loads ahead must be one the search reads: inside this bin's offsets.
        assertTrue(key <= 0 || lens[j] == 0 ? probe == -1 : probe >= first && probe < first + lens[j], "bin " + j + " probe " + probe);
        previousKey = key;
        previousBelow = earlier;
      }
    }
  }

  private static int offset(String spread, Random random) {
    switch (spread) {
      case "atStart":
        return random.nextInt(1000);
      case "atEnd":
        return BIN - 1 - random.nextInt(1000);
      case "oneInstant":
        return 37_000_000;
      case "twoCrowds":
        return random.nextBoolean() ? random.nextInt(50) : BIN - 1 - random.nextInt(50);
      case "firstMilli":
        return random.nextInt(1_000_000);
      default:
        return random.nextInt(BIN);
    }
  }

  /** Every event's instant and its neighbours, the bin's ends, and a stride across it. */
  private static TreeSet<Integer> keys(int[] sorted) {
    TreeSet<Integer> keys = new TreeSet<>();
    for (int v : sorted) {
      keys.add(v);
      keys.add(v + 1);
      keys.add(Math.max(0, v - 1));
    }
    for (int k = 0; k <= BIN; k += BIN / 64) {
      keys.add(k);
    }
    keys.add(BIN - 1);
    keys.add(BIN);
    return keys;
  }
}
