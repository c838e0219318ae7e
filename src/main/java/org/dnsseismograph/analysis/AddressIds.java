package org.dnsseismograph.analysis;

import java.util.Arrays;
import org.dnsseismograph.wire.IpAddress;

/**
 * Dense ids for addresses (0, 1, 2 ... in order of first appearance), found from the two longs of
 * an address with one hash probe and no allocation once the address is known: how per-server state
 * is kept in arrays. About 40 bytes per address. Confined to one thread.
 */
final class AddressIds {
  private long[] his = new long[64];
  private long[] los = new long[64];
  private int[] ids = new int[64];
  private IpAddress[] addresses = new IpAddress[16];
  private int size;

  AddressIds() {
    Arrays.fill(ids, -1);
  }

  /** The id of an address, giving it the next id when it is new. */
  int idOf(long hi, long lo) {
    int mask = ids.length - 1;
    int i = index(hi, lo, mask);
    while (ids[i] >= 0) {
      if (los[i] == lo && his[i] == hi) {
        return ids[i];
      }
      i = (i + 1) & mask;
    }
    int id = size++;
    his[i] = hi;
    los[i] = lo;
    ids[i] = id;
    if (id == addresses.length) {
      addresses = Arrays.copyOf(addresses, id * 2);
    }
    addresses[id] = new IpAddress(hi, lo);
    if (size * 2 > ids.length) {
      grow();
    }
    return id;
  }

  int idOf(IpAddress a) {
    return idOf(a.hi(), a.lo());
  }

  IpAddress address(int id) {
    return addresses[id];
  }

  int size() {
    return size;
  }

  private static int index(long hi, long lo, int mask) {
    long h = hi * 0x9E3779B97F4A7C15L ^ lo * 0xC2B2AE3D27D4EB4FL;
    return (int) (h ^ (h >>> 31)) & mask;
  }

  private void grow() {
    long[] oh = his;
    long[] ol = los;
    int[] oi = ids;
    his = new long[oh.length * 2];
    los = new long[oh.length * 2];
    ids = new int[oh.length * 2];
    Arrays.fill(ids, -1);
    int mask = ids.length - 1;
    for (int j = 0; j < oi.length; j++) {
      if (oi[j] >= 0) {
        int i = index(oh[j], ol[j], mask);
        while (ids[i] >= 0) {
          i = (i + 1) & mask;
        }
        his[i] = oh[j];
        los[i] = ol[j];
        ids[i] = oi[j];
      }
    }
  }
}
