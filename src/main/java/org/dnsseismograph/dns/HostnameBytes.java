package org.dnsseismograph.dns;

/**
 * Classifies the eight bytes of a word at once (SWAR: SIMD within a register) for {@link
 * NameReader}'s fast text path: which are upper-case ASCII letters, and which are outside the
 * host-name alphabet (letters, digits, '-' and '_') and so may need an escape in presentation text.
 * Each result marks a byte by its high bit (0x80) and leaves the other bits zero. Stateless.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc952">RFC 952 (host names)</a>
 */
final class HostnameBytes {
  /** Eight '.' characters. */
  static final long DOTS = 0x2E2E_2E2E_2E2E_2E2EL;

  private static final long ONES = 0x0101_0101_0101_0101L;
  private static final long HIGH = 0x8080_8080_8080_8080L;
  private static final long LOW7 = 0x7F7F_7F7F_7F7F_7F7FL;

  private HostnameBytes() {}

  /** The bytes of {@code w} from 'A' to 'Z'. */
  static long upperCase(long w) {
    return inRange(w & LOW7, 'A', 'Z') & ~w & HIGH;
  }

  /**
   * The bytes of {@code w} that are not letters, digits, '-' or '_'; {@code upper} is {@link
   * #upperCase}({@code w}).
   */
  static long unsafe(long w, long upper) {
    long x = w & LOW7;
    long safe = upper | inRange(x, 'a', 'z') | inRange(x, '0', '9') | equal(x, '-') | equal(x, '_');
    return (~safe | w) & HIGH;
  }

  /** Byte k of the result is 0xFF when bit k of {@code bits} (eight bits) is set, else 0. */
  static long spread(int bits) {
    // each byte gets a copy of the bits and keeps its own bit; then any set bit fills its byte
    long x = (bits & 0xFFL) * ONES & 0x8040_2010_0804_0201L;
    return ((((x + LOW7) | x) & HIGH) >>> 7) * 0xFF;
  }

  /**
   * Bytes of {@code x} (each at most 0x7F) from {@code lo} to {@code hi}: adding {@code 0x80 - c}
   * to such a byte sets its high bit exactly when it is at least {@code c}, and cannot carry into
   * the next byte.
   */
  private static long inRange(long x, int lo, int hi) {
    return (x + (0x80 - lo) * ONES) & ~(x + (0x80 - hi - 1) * ONES) & HIGH;
  }

  /** Bytes of {@code x} (each at most 0x7F) equal to {@code c}: those whose difference is zero. */
  private static long equal(long x, int c) {
    long y = x ^ (c * ONES);
    return ~((y + LOW7) | y) & HIGH;
  }
}
