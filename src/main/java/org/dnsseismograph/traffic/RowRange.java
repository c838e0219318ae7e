package org.dnsseismograph.traffic;

/**
 * Rows {@code [from, to)} of a {@link TransactionSnapshot}. Immutable.
 *
 * @param from first row
 * @param to one past the last row
 */
public record RowRange(int from, int to) {
  public RowRange {
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("bad row range [" + from + ", " + to + ")");
    }
  }

  public int size() {
    return to - from;
  }
}
