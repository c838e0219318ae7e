package org.dnsseismograph.series;

/**
 * A snapshot of an {@link OpenEventChunk}: the not-yet-sealed tail of a live series as readers see
 * it. Offsets within a bin are in arrival order, so exact counts scan the bin (a tail holds only a
 * few seconds). Immutable: it holds lengths that the writer never writes below.
 */
final class FrozenEventChunk implements ChunkView {
  private final int[][] lists;
  private final int[] lens;
  private final int total;
  private final int minBin;
  private final int maxBin;

  FrozenEventChunk(int[][] lists, int[] lens) {
    this.lists = lists;
    this.lens = lens;
    int sum = 0;
    int lo = Integer.MAX_VALUE;
    int hi = 0;
    for (int n : lens) {
      sum += n;
      lo = Math.min(lo, n);
      hi = Math.max(hi, n);
    }
    total = sum;
    minBin = lo;
    maxBin = hi;
  }

  @Override
  public int bin(int j) {
    return lens[j];
  }

  @Override
  public int secondSum(int k) {
    int sum = 0;
    for (int j = k * EventChunk.BINS_PER_SECOND; j < (k + 1) * EventChunk.BINS_PER_SECOND; j++) {
      sum += lens[j];
    }
    return sum;
  }

  @Override
  public void foldBins(int j0, int j1, Fold f) {
    for (int j = j0; j < j1; j++) {
      f.add(lens[j], lens[j], lens[j]);
    }
  }

  @Override
  public void foldSeconds(int k0, int k1, Fold f) {
    for (int k = k0; k < k1; k++) {
      f.add(secondSum(k), secondMin(k), secondMax(k));
    }
  }

  @Override
  public int secondMin(int k) {
    int lo = Integer.MAX_VALUE;
    for (int j = k * EventChunk.BINS_PER_SECOND; j < (k + 1) * EventChunk.BINS_PER_SECOND; j++) {
      lo = Math.min(lo, lens[j]);
    }
    return lo;
  }

  @Override
  public int secondMax(int k) {
    int hi = 0;
    for (int j = k * EventChunk.BINS_PER_SECOND; j < (k + 1) * EventChunk.BINS_PER_SECOND; j++) {
      hi = Math.max(hi, lens[j]);
    }
    return hi;
  }

  @Override
  public int total() {
    return total;
  }

  @Override
  public int minBin() {
    return minBin;
  }

  @Override
  public int maxBin() {
    return maxBin;
  }

  @Override
  public boolean hasExact() {
    return true;
  }

  @Override
  public int countInBin(int j, int from, int to) {
    int[] list = lists[j];
    int n = 0;
    for (int i = 0; i < lens[j]; i++) {
      if (list[i] >= from && list[i] < to) {
        n++;
      }
    }
    return n;
  }
}
