package org.dnsseismograph.traffic;

import org.dnsseismograph.common.HashMix;

/**
 * How the matcher packs and hashes its key: the ports, id and transport share one word (with a few
 * bits of query flags that travel along but are not compared), and the key hashes to 64 bits with
 * a few multiplies and murmur3's finalizer. Stateless.
 */
final class MatchKey {
  /** The bits of a key word that are part of the key. */
  static final long KEY_MASK = 0xFFFF_FFFF_FFFF_0007L;

  private MatchKey() {}

  /** clientPort(16) serverPort(16) id(16) misc(13) transport ordinal(3). */
  static long word(int clientPort, int serverPort, int id, int transport, int misc) {
    return ((long) clientPort << 48) | ((long) serverPort << 32) | ((long) id << 16) | ((long) (misc & 0x1FFF) << 3) | (transport & 7);
  }

  /** The misc bits of a key word. */
  static int misc(long keyWord) {
    return (int) (keyWord >>> 3) & 0x1FFF;
  }

  /** The hash of addresses and key word (whose misc bits must already be masked off). */
  static long hash(long chi, long clo, long shi, long slo, long key) {
    long h = clo * 0x9E3779B97F4A7C15L;
    h ^= slo * 0xC2B2AE3D27D4EB4FL;
    h ^= (chi ^ Long.rotateLeft(shi, 29)) * 0x165667B19E3779F9L;
    h ^= Long.rotateLeft(key * 0xD6E8FEB86659FD93L, 31);
    return fmix(h);
  }

  /** A key hash extended by the question, for remembering closed queries. */
  static long withQuestion(long keyHash, long qnameHash, int qtype) {
    return fmix(keyHash ^ (qnameHash * 0x9E3779B97F4A7C15L) ^ ((long) qtype << 17));
  }

  private static long fmix(long k) {
    return HashMix.fmix64(k);
  }
}
