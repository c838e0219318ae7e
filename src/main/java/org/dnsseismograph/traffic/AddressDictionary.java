package org.dnsseismograph.traffic;

import java.util.Arrays;
import org.dnsseismograph.wire.IpAddress;

/**
 * Interns IP addresses (two longs, as {@link IpAddress}) to dense ids 0, 1, 2..., about 32 bytes
 * per distinct address. One writer thread interns; {@link #view()} hands readers an immutable view
 * of the ids assigned so far (arrays are replaced, never rewritten, when they grow).
 */
final class AddressDictionary {
  private long[] hi = new long[256];
  private long[] lo = new long[256];
  private int count;
  private int[] table = new int[512];

  int intern(long h, long l) {
    int mask = table.length - 1;
    int pos = slot(h, l) & mask;
    int e;
    while ((e = table[pos]) != 0) {
      if (hi[e - 1] == h && lo[e - 1] == l) {
        return e - 1;
      }
      pos = (pos + 1) & mask;
    }
    if (count == hi.length) {
      hi = Arrays.copyOf(hi, count * 2);
      lo = Arrays.copyOf(lo, count * 2);
    }
    hi[count] = h;
    lo[count] = l;
    table[pos] = ++count;
    if (count * 2 > table.length) {
      rehash();
    }
    return count - 1;
  }

  private static int slot(long h, long l) {
    long x = (l * 0x9E3779B97F4A7C15L) ^ (h * 0xC2B2AE3D27D4EB4FL);
    return (int) (x ^ (x >>> 32));
  }

  private void rehash() {
    int[] t = new int[table.length * 2];
    int mask = t.length - 1;
    for (int id = 0; id < count; id++) {
      int pos = slot(hi[id], lo[id]) & mask;
      while (t[pos] != 0) {
        pos = (pos + 1) & mask;
      }
      t[pos] = id + 1;
    }
    table = t;
  }

  int size() {
    return count;
  }

  View view() {
    return new View(this, hi, lo, count);
  }

  /** Addresses by id, as of one moment. Immutable; safe to share once published. */
  static final class View {
    private final AddressDictionary of;
    private final long[] hi;
    private final long[] lo;
    private final int size;

    private View(AddressDictionary of, long[] hi, long[] lo, int size) {
      this.of = of;
      this.hi = hi;
      this.lo = lo;
      this.size = size;
    }

    int size() {
      return size;
    }

    /** True when both views are of one dictionary, so an id means the same address in both. */
    boolean sameDictionary(View other) {
      return of == other.of;
    }

    /** Interns address {@code id} into {@code into}; its id there. */
    int internInto(int id, AddressDictionary into) {
      return into.intern(hi[id], lo[id]);
    }

    IpAddress address(int id) {
      return new IpAddress(hi[id], lo[id]);
    }
  }
}
