package org.dnsseismograph.wire;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 address as two longs, so the hot path never allocates {@link InetAddress}.
 * IPv4 addresses are held IPv4-mapped ({@code ::ffff:a.b.c.d}) and printed dotted. Immutable.
 *
 * @param hi the first 64 bits, network order
 * @param lo the last 64 bits, network order
 */
public record IpAddress(long hi, long lo) implements Comparable<IpAddress> {
  private static final long V4_MAPPED_LO_PREFIX = 0x0000_FFFF_0000_0000L;

  /** The IPv4-mapped form of a 32-bit address. */
  public static IpAddress ofIpv4(int address) {
    return new IpAddress(0, v4Lo(address));
  }

  /** The low long of an IPv4-mapped address, for flyweights that hold addresses as longs. */
  public static long v4Lo(int address) {
    return V4_MAPPED_LO_PREFIX | (address & 0xFFFF_FFFFL);
  }

  /** True when both longs describe an IPv4-mapped address. */
  public static boolean isV4(long hi, long lo) {
    return hi == 0 && (lo & 0xFFFF_FFFF_0000_0000L) == V4_MAPPED_LO_PREFIX;
  }

  /** True for IPv4 addresses (held IPv4-mapped). */
  public boolean isV4() {
    return isV4(hi, lo);
  }

  /** Parses a literal IPv4 or IPv6 address (no host names: no DNS lookups happen here). */
  public static IpAddress parse(String text) {
    String t = text.strip();
    if (t.startsWith("[") && t.endsWith("]")) {
      t = t.substring(1, t.length() - 1);
    }
    if (t.isEmpty() || !(t.indexOf(':') >= 0 || t.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) {
      throw new IllegalArgumentException("not an IP address literal: " + text);
    }
    try {
      return of(InetAddress.getByName(t).getAddress());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address literal: " + text, e);
    }
  }

  /** From 4 or 16 network-order bytes. */
  public static IpAddress of(byte[] bytes) {
    if (bytes.length == 4) {
      return ofIpv4(((bytes[0] & 0xFF) << 24) | ((bytes[1] & 0xFF) << 16) | ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF));
    }
    if (bytes.length != 16) {
      throw new IllegalArgumentException("address must have 4 or 16 bytes, not " + bytes.length);
    }
    long h = 0;
    long l = 0;
    for (int i = 0; i < 8; i++) {
      h = (h << 8) | (bytes[i] & 0xFF);
      l = (l << 8) | (bytes[i + 8] & 0xFF);
    }
    return new IpAddress(h, l);
  }

  /** The address as 4 (IPv4) or 16 bytes. */
  public byte[] toBytes() {
    if (isV4()) {
      int a = (int) lo;
      return new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
    }
    byte[] b = new byte[16];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (hi >>> (56 - 8 * i));
      b[i + 8] = (byte) (lo >>> (56 - 8 * i));
    }
    return b;
  }

  @Override
  public String toString() {
    if (isV4()) {
      int a = (int) lo;
      return (a >>> 24) + "." + ((a >>> 16) & 0xFF) + "." + ((a >>> 8) & 0xFF) + "." + (a & 0xFF);
    }
    return ipv6Text();
  }

  /** RFC 5952 text: lower case, longest run of zero groups (length at least 2) compressed. */
  private String ipv6Text() {
    int[] g = new int[8];
    for (int i = 0; i < 4; i++) {
      g[i] = (int) ((hi >>> (48 - 16 * i)) & 0xFFFF);
      g[i + 4] = (int) ((lo >>> (48 - 16 * i)) & 0xFFFF);
    }
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    if (bestLen < 2) {
      bestStart = -1;
    }
    StringBuilder sb = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }

  @Override
  public int compareTo(IpAddress o) {
    int c = Long.compareUnsigned(hi, o.hi);
    return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
  }
}
