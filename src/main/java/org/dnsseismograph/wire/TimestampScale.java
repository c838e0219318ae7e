package org.dnsseismograph.wire;

/**
 * Converts a pcapng interface's timestamp ticks to nanoseconds, for any {@code if_tsresol}: a
 * power of ten ({@code 10^-k} s) or of two ({@code 2^-k} s, the high bit set). Ticks are
 * unsigned 64-bit; results beyond the range of epoch nanoseconds (year 2262) saturate. Immutable.
 *
 * @see <a href="https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-03.html#section-4.2">pcapng if_tsresol</a>
 */
final class TimestampScale {
  static final TimestampScale MICROS = of(6);

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final boolean binary;
  private final int exponent;
  private final long multiplier;
  private final long divisor;

  private TimestampScale(boolean binary, int exponent, long multiplier, long divisor) {
    this.binary = binary;
    this.exponent = exponent;
    this.multiplier = multiplier;
    this.divisor = divisor;
  }

  /** The scale for an {@code if_tsresol} option byte. */
  static TimestampScale of(int tsresol) {
    int k = tsresol & 0x7F;
    if ((tsresol & 0x80) != 0) {
      return new TimestampScale(true, k, 0, 0);
    }
    if (k <= 9) {
      return new TimestampScale(false, k, pow10(9 - k), 1);
    }
    // 10^19 and up exceed a long; every tick count then rounds to zero nanoseconds
    return new TimestampScale(false, k, 0, k - 9 <= 18 ? pow10(k - 9) : 0);
  }

  private static long pow10(int n) {
    long p = 1;
    for (int i = 0; i < n; i++) {
      p *= 10;
    }
    return p;
  }

  /** Nanoseconds for {@code ticks} (unsigned), saturating at {@link Long#MAX_VALUE}. */
  long toNanos(long ticks) {
    if (binary) {
      return binaryNanos(ticks);
    }
    if (multiplier != 0) {
      if (Long.compareUnsigned(ticks, Long.MAX_VALUE / multiplier) > 0) {
        return Long.MAX_VALUE;
      }
      return ticks * multiplier;
    }
    return divisor == 0 ? 0 : Long.divideUnsigned(ticks, divisor);
  }

  private long binaryNanos(long ticks) {
    long seconds = exponent >= 64 ? 0 : ticks >>> exponent;
    long fraction = exponent >= 64 ? ticks : ticks & ((1L << exponent) - 1);
    if (Long.compareUnsigned(seconds, Long.MAX_VALUE / NANOS_PER_SECOND) > 0) {
      return Long.MAX_VALUE;
    }
    // (fraction * 10^9) >> exponent, in 128 bits
    long lo = fraction * NANOS_PER_SECOND;
    long hi = unsignedMultiplyHigh(fraction, NANOS_PER_SECOND);
    long fractionNanos;
    if (exponent == 0) {
      fractionNanos = 0;
    } else if (exponent < 64) {
      fractionNanos = (lo >>> exponent) | (hi << (64 - exponent));
    } else {
      fractionNanos = hi >>> (exponent - 64);
    }
    return saturatingAdd(seconds * NANOS_PER_SECOND, fractionNanos);
  }

  private static long unsignedMultiplyHigh(long a, long b) {
    return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
  }

  /** {@code a + b}, clamped to the range of a long. */
  static long saturatingAdd(long a, long b) {
    long r = a + b;
    if (((a ^ r) & (b ^ r)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return r;
  }

  /** {@code seconds} as nanoseconds, clamped to the range of a long. */
  static long secondsToNanos(long seconds) {
    long hi = Math.multiplyHigh(seconds, NANOS_PER_SECOND);
    long lo = seconds * NANOS_PER_SECOND;
    if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
      return lo;
    }
    return seconds < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
  }
}
