package org.dnsseismograph.traffic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.dnsseismograph.wire.IpAddress;

/**
 * The addresses of a capture's recursive resolvers, and the side of a resolver each message or
 * transaction is on: {@link Side#UPSTREAM} when the client (the asking end) is a resolver, else
 * {@link Side#CLIENT} when the server (the answering end) is one, else {@link Side#OTHER}. A
 * resolver asking another resolver in the same capture is therefore upstream traffic of the first.
 *
 * <p>Lookups cost a few comparisons (a linear scan up to 8 addresses, an open-addressing table
 * beyond) and allocate nothing. Mutable by {@link #add} (a resolver recognised mid-capture);
 * confined to one thread.
 */
public final class ResolverSet {
  private static final int LINEAR = 8;

  private long[] his = new long[0];
  private long[] los = new long[0];
  /** The first two resolvers again, in fields: most captures have one or two, checked without loading arrays. */
  private long hi0;
  private long lo0 = -1;
  private long hi1;
  private long lo1 = -1;
  private int count;
  private long[] tableHi;
  private long[] tableLo;
  private boolean[] used;
  private final List<IpAddress> addresses = new ArrayList<>();

  /** A set holding {@code resolvers}. */
  public static ResolverSet of(Collection<IpAddress> resolvers) {
    ResolverSet s = new ResolverSet();
    for (IpAddress a : resolvers) {
      s.add(a);
    }
    return s;
  }

  /** Adds a resolver; false when it was there already. */
  public boolean add(IpAddress a) {
    if (contains(a.hi(), a.lo())) {
      return false;
    }
    addresses.add(a);
    int n = his.length;
    his = Arrays.copyOf(his, n + 1);
    los = Arrays.copyOf(los, n + 1);
    his[n] = a.hi();
    los[n] = a.lo();
    if (n == 0) {
      hi0 = a.hi();
      lo0 = a.lo();
    } else if (n == 1) {
      hi1 = a.hi();
      lo1 = a.lo();
    }
    count = n + 1;
    if (his.length > LINEAR) {
      rebuildTable();
    }
    return true;
  }

  private void rebuildTable() {
    int size = Integer.highestOneBit(his.length * 4 - 1) * 2;
    tableHi = new long[size];
    tableLo = new long[size];
    used = new boolean[size];
    for (int i = 0; i < his.length; i++) {
      int p = index(his[i], los[i], size - 1);
      while (used[p]) {
        p = (p + 1) & (size - 1);
      }
      used[p] = true;
      tableHi[p] = his[i];
      tableLo[p] = los[i];
    }
  }

  private static int index(long hi, long lo, int mask) {
    long h = hi * 0x9E3779B97F4A7C15L ^ lo * 0xC2B2AE3D27D4EB4FL;
    return (int) (h ^ (h >>> 31)) & mask;
  }

  /** True when the address is a resolver. */
  public boolean contains(long hi, long lo) {
    if (count <= 2) {
      return lo == lo0 && hi == hi0 && count > 0 || lo == lo1 && hi == hi1 && count > 1;
    }
    if (used == null) {
      for (int i = 0; i < his.length; i++) {
        if (los[i] == lo && his[i] == hi) {
          return true;
        }
      }
      return false;
    }
    int mask = used.length - 1;
    for (int p = index(hi, lo, mask); used[p]; p = (p + 1) & mask) {
      if (tableLo[p] == lo && tableHi[p] == hi) {
        return true;
      }
    }
    return false;
  }

  /** The side of an exchange whose asking end is the client and answering end the server. */
  public Side sideOf(long clientHi, long clientLo, long serverHi, long serverLo) {
    if (contains(clientHi, clientLo)) {
      return Side.UPSTREAM;
    }
    return contains(serverHi, serverLo) ? Side.CLIENT : Side.OTHER;
  }

  public boolean isEmpty() {
    return his.length == 0;
  }

  public int size() {
    return his.length;
  }

  /** The resolvers in the order they were added. */
  public List<IpAddress> addresses() {
    return List.copyOf(addresses);
  }

  @Override
  public String toString() {
    return "ResolverSet" + addresses;
  }
}
