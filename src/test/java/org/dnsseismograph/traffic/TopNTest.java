package org.dnsseismograph.traffic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopNTest {

  @ParameterizedTest(name = "{0} rows over {1} ids, top {2}")
  @CsvSource(textBlock = """
      1000,   10,        3
      1000,   100000000, 5
      50000,  300,       20
      50000,  50000000,  20
      7,      5,         100
      """)
  void topNEqualsCountingFromFirstPrinciples(int rows, int idBound, int n) {
    Random rnd = new Random(rows * 31L + idBound);
    int[] ids = new int[rows];
    for (int i = 0; i < rows; i++) {
      // A skewed draw so that there are real winners, and some rows to skip.
      ids[i] = rnd.nextInt(10) == 0 ? -1 : (int) Math.min(idBound - 1L, (long) (Math.pow(rnd.nextDouble(), 3) * Math.min(idBound, 5000)));
    }
    Map<Integer, Long> counts = new HashMap<>();
    for (int i = 100; i < rows; i++) {
      if (ids[i] >= 0) {
        counts.merge(ids[i], 1L, Long::sum);
      }
    }
    long[] expected = counts.entrySet().stream()
        .sorted(Comparator.<Map.Entry<Integer, Long>>comparingLong(Map.Entry::getValue).reversed().thenComparing(Map.Entry::getKey))
        .limit(n).mapToLong(e -> e.getValue() << 32 | e.getKey()).toArray();

    long[] got = TopN.top(r -> ids[r], new RowRange(Math.min(100, rows), rows), idBound, n);
    assertArrayEquals(expected, got);
    assertEquals(Math.min(n, counts.size()), got.length);
  }
}
