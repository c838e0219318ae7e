package org.dnsseismograph.traffic;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * Counts dictionary ids over a row range and keeps the N most frequent: most frequent first, ties
 * by smaller id (the one seen first). Counts with a dense array when the dictionary is not much
 * larger than the range, else by sorting the range's ids; either way O(rows + N log N) memory
 * traffic and no per-row object. Stateless.
 */
final class TopN {
  private TopN() {}

  /**
   * @param idOfRow the id of a row, or a negative number to skip the row
   * @param idBound every id is below this
   * @return {@code count << 32 | id} for the top {@code n}, most frequent first
   */
  static long[] top(IntUnaryOperator idOfRow, RowRange rows, int idBound, int n) {
    if (n <= 0 || rows.size() == 0) {
      return new long[0];
    }
    long[] packed = idBound <= 4L * rows.size() + 4096 ? denseCounts(idOfRow, rows, idBound) : sortedCounts(idOfRow, rows);
    // Sort keys (MAX - count, id): ascending order is descending count, then ascending id.
    for (int i = 0; i < packed.length; i++) {
      packed[i] = (long) (Integer.MAX_VALUE - (int) (packed[i] >>> 32)) << 32 | (packed[i] & 0xFFFF_FFFFL);
    }
    Arrays.sort(packed);
    long[] out = new long[Math.min(n, packed.length)];
    for (int i = 0; i < out.length; i++) {
      out[i] = (long) (Integer.MAX_VALUE - (int) (packed[i] >>> 32)) << 32 | (packed[i] & 0xFFFF_FFFFL);
    }
    return out;
  }

  private static long[] denseCounts(IntUnaryOperator idOfRow, RowRange rows, int idBound) {
    int[] counts = new int[idBound];
    int distinct = 0;
    for (int r = rows.from(); r < rows.to(); r++) {
      int id = idOfRow.applyAsInt(r);
      if (id >= 0 && counts[id]++ == 0) {
        distinct++;
      }
    }
    long[] packed = new long[distinct];
    int k = 0;
    for (int id = 0; id < idBound; id++) {
      if (counts[id] > 0) {
        packed[k++] = (long) counts[id] << 32 | id;
      }
    }
    return packed;
  }

  private static long[] sortedCounts(IntUnaryOperator idOfRow, RowRange rows) {
    int[] ids = new int[rows.size()];
    int m = 0;
    for (int r = rows.from(); r < rows.to(); r++) {
      int id = idOfRow.applyAsInt(r);
      if (id >= 0) {
        ids[m++] = id;
      }
    }
    Arrays.sort(ids, 0, m);
    long[] packed = new long[m];
    int k = 0;
    for (int i = 0; i < m; ) {
      int j = i;
      while (j < m && ids[j] == ids[i]) {
        j++;
      }
      packed[k++] = (long) (j - i) << 32 | ids[i];
      i = j;
    }
    return Arrays.copyOf(packed, k);
  }
}
