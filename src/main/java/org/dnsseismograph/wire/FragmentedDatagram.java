package org.dnsseismograph.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The fragments of one IP datagram received so far: the bytes, the ranges they cover, and the
 * total length once the last fragment has told it. Where fragments overlap, the bytes that
 * arrived first are kept. Not thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc791">RFC 791</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8200#section-4.5">RFC 8200 section 4.5</a>
 */
final class FragmentedDatagram {
  /** Largest reassembled payload (an IPv4 total length or IPv6 payload length is 16 bits). */
  static final int MAX_LENGTH = 65_535;
  /** What a datagram costs besides its bytes, so many tiny datagrams are bounded too. */
  static final int OVERHEAD = 256;

  final AddressKey key;
  final long firstSeen;
  /** Upper-layer protocol (IPv4) or the next header after the fragment header (IPv6); -1 unknown. */
  int protocol = -1;
  private byte[] data = new byte[0];
  /** Covered ranges, sorted and merged: [starts[i], ends[i]). */
  private int[] starts = new int[4];
  private int[] ends = new int[4];
  private int ranges;
  private int total = -1;

  FragmentedDatagram(AddressKey key, long firstSeen) {
    this.key = key;
    this.firstSeen = firstSeen;
  }

  /** Bytes this datagram holds, for the reassembler's memory bound. */
  long cost() {
    return OVERHEAD + data.length + 8L * starts.length;
  }

  /** The capacity {@link #add} would need for a fragment ending at {@code end}. */
  long costAfter(int end) {
    return end <= data.length ? cost() : OVERHEAD + capacityFor(end) + 8L * (starts.length + 2);
  }

  private static int capacityFor(int end) {
    return Math.min(MAX_LENGTH, Math.max(end, Integer.highestOneBit(Math.max(end - 1, 1)) << 1));
  }

  /**
   * Adds {@code [start, end)} taken from {@code b} at {@code index}; {@code last} when it is the
   * fragment without "more fragments".
   *
   * @return false when the fragment contradicts the datagram (a second, different end; bytes past
   *     the end)
   */
  boolean add(int start, int end, boolean last, ByteBuffer b, int index) {
    if (last) {
      if ((total >= 0 && total != end) || (ranges > 0 && ends[ranges - 1] > end)) {
        return false;
      }
      total = end;
    } else if (total >= 0 && end > total) {
      return false;
    }
    if (end > data.length) {
      data = Arrays.copyOf(data, capacityFor(end));
    }
    copyUncovered(start, end, b, index);
    cover(start, end);
    return true;
  }

  /** Copies only the parts not yet covered: the first bytes to arrive win. */
  private void copyUncovered(int start, int end, ByteBuffer b, int index) {
    int cur = start;
    for (int i = 0; i < ranges && cur < end; i++) {
      if (ends[i] <= cur) {
        continue;
      }
      if (starts[i] >= end) {
        break;
      }
      if (starts[i] > cur) {
        b.get(index + (cur - start), data, cur, starts[i] - cur);
      }
      cur = Math.max(cur, ends[i]);
    }
    if (cur < end) {
      b.get(index + (cur - start), data, cur, end - cur);
    }
  }

  private void cover(int start, int end) {
    if (start == end) {
      return;
    }
    int i = 0;
    while (i < ranges && ends[i] < start) {
      i++;
    }
    int j = i;
    int s = start;
    int e = end;
    while (j < ranges && starts[j] <= end) {
      s = Math.min(s, starts[j]);
      e = Math.max(e, ends[j]);
      j++;
    }
    int removed = j - i;
    if (removed == 0) {
      if (ranges == starts.length) {
        starts = Arrays.copyOf(starts, ranges * 2);
        ends = Arrays.copyOf(ends, ranges * 2);
      }
      System.arraycopy(starts, i, starts, i + 1, ranges - i);
      System.arraycopy(ends, i, ends, i + 1, ranges - i);
      ranges++;
    } else if (removed > 1) {
      System.arraycopy(starts, j, starts, i + 1, ranges - j);
      System.arraycopy(ends, j, ends, i + 1, ranges - j);
      ranges -= removed - 1;
    }
    starts[i] = s;
    ends[i] = e;
  }

  /** True when every byte up to the known total has arrived. */
  boolean complete() {
    return total >= 0 && (total == 0 || (ranges == 1 && starts[0] == 0 && ends[0] == total));
  }

  /** The reassembled payload: indexes {@code [0, length())} of this buffer. */
  ByteBuffer payload() {
    return ByteBuffer.wrap(data);
  }

  int length() {
    return total;
  }
}
