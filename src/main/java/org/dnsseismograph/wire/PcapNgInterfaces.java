package org.dnsseismograph.wire;

import java.util.Arrays;

/**
 * The interfaces described so far in the current pcapng section, indexed by interface id. At most
 * {@link #MAX_INTERFACES} are kept, so a file of nothing but interface blocks cannot exhaust
 * memory. Not thread-safe.
 *
 * @see <a href="https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-03.html#section-4.2">pcapng IDB</a>
 */
final class PcapNgInterfaces {
  static final int MAX_INTERFACES = 65_536;

  private int count;
  private int[] linkTypes = new int[4];
  private int[] snapLengths = new int[4];
  private long[] offsetNanos = new long[4];
  private TimestampScale[] scales = new TimestampScale[4];

  /** Adds the next interface; false (and nothing kept) beyond {@link #MAX_INTERFACES}. */
  boolean add(int linkType, int snapLength, TimestampScale scale, long offset) {
    if (count == MAX_INTERFACES) {
      return false;
    }
    if (count == linkTypes.length) {
      int n = count * 2;
      linkTypes = Arrays.copyOf(linkTypes, n);
      snapLengths = Arrays.copyOf(snapLengths, n);
      offsetNanos = Arrays.copyOf(offsetNanos, n);
      scales = Arrays.copyOf(scales, n);
    }
    linkTypes[count] = linkType;
    snapLengths[count] = snapLength;
    offsetNanos[count] = offset;
    scales[count] = scale;
    count++;
    return true;
  }

  /** Forgets all interfaces: a new section starts. */
  void clear() {
    count = 0;
  }

  int count() {
    return count;
  }

  int linkType(int id) {
    return linkTypes[id];
  }

  int snapLength(int id) {
    return snapLengths[id];
  }

  long offsetNanos(int id) {
    return offsetNanos[id];
  }

  TimestampScale scale(int id) {
    return scales[id];
  }

  /**
   * Block types the specification defines that carry no packets for us (name resolution,
   * interface statistics, IRIG, ARINC, journal export, decryption secrets, custom); they are
   * skipped without being counted as unknown.
   */
  static boolean isKnownOtherBlock(int type) {
    return switch (type) {
      case 4, 5, 7, 8, 9, 0x0A, 0x0BAD, 0x4000_0BAD -> true;
      default -> false;
    };
  }
}
