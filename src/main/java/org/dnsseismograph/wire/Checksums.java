package org.dnsseismograph.wire;

/**
 * The Internet checksum (one's complement sum of 16-bit words) and its UDP/TCP pseudo-header
 * form, for {@link FrameBuilder}. Stateless.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc1071">RFC 1071</a>
 */
final class Checksums {
  private Checksums() {}

  /** The checksum of {@code [off, off + len)} of {@code a}, starting from a partial sum. */
  static int ones(byte[] a, int off, int len, long partial) {
    long sum = partial + sum(a, off, len);
    while ((sum >>> 16) != 0) {
      sum = (sum & 0xFFFF) + (sum >>> 16);
    }
    return (int) (~sum & 0xFFFF);
  }

  private static long sum(byte[] a, int off, int len) {
    long sum = 0;
    int i = off;
    for (; i + 1 < off + len; i += 2) {
      sum += ((a[i] & 0xFF) << 8) | (a[i + 1] & 0xFF);
    }
    if (i < off + len) {
      sum += (a[i] & 0xFF) << 8;
    }
    return sum;
  }

  /** A UDP or TCP checksum over the IPv4 or IPv6 pseudo-header and the segment. */
  static int transport(IpAddress src, IpAddress dst, int protocol, byte[] segment) {
    byte[] s = src.toBytes();
    byte[] d = dst.toBytes();
    long pseudo = sum(s, 0, s.length) + sum(d, 0, d.length) + protocol + segment.length;
    return ones(segment, 0, segment.length, pseudo);
  }
}
