package org.dnsseismograph.wire;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * The UDP/TCP ports on which traffic is taken for DNS: a datagram or stream is offered when either
 * of its ports is in the set. {@link #DEFAULT} is {53}. Immutable and thread-safe; {@link
 * #contains} is one array read, for the per-packet path.
 */
public final class DnsPorts {
  /** Port 53 only. */
  public static final DnsPorts DEFAULT = of(53);

  private final long[] bits;

  private DnsPorts(long[] bits) {
    this.bits = bits;
  }

  /**
   * The set of these ports.
   *
   * @throws IllegalArgumentException for a port outside 0..65535
   */
  public static DnsPorts of(int... ports) {
    return new DnsPorts(new long[1024]).plus(ports);
  }

  /** This set with more ports. */
  public DnsPorts plus(int... ports) {
    long[] b = bits.clone();
    for (int p : ports) {
      if (p < 0 || p > 0xFFFF) {
        throw new IllegalArgumentException("not a port number: " + p);
      }
      b[p >>> 6] |= 1L << p;
    }
    return new DnsPorts(b);
  }

  /** True when {@code port} (0..65535) is a DNS port. */
  public boolean contains(int port) {
    return (bits[(port >>> 6) & 1023] & (1L << port)) != 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DnsPorts other && Arrays.equals(bits, other.bits);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bits);
  }

  @Override
  public String toString() {
    StringJoiner j = new StringJoiner(",", "{", "}");
    for (int p = 0; p <= 0xFFFF; p++) {
      if (contains(p)) {
        j.add(Integer.toString(p));
      }
    }
    return j.toString();
  }
}
