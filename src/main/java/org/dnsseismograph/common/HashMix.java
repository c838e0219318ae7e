package org.dnsseismograph.common;

/**
 * The final avalanche of 64-bit hashes on the per-message path (MurmurHash3's fmix64): every input
 * bit reaches every output bit, so tables may index by any bits of the result. A bijection, so a
 * nonzero input never gives 0. Stateless and thread-safe; allocation-free.
 *
 * @see <a href="https://github.com/aappleby/smhasher/blob/master/src/MurmurHash3.cpp">MurmurHash3</a>
 */
public final class HashMix {
  private HashMix() {}

  /** MurmurHash3's fmix64 of {@code k}. */
  public static long fmix64(long k) {
    long h = k;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    return h ^ h >>> 33;
  }
}
