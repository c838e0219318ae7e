package org.dnsseismograph.wire;

/**
 * A hash key of two addresses and one more long (ports of a TCP direction, or protocol and id of
 * a fragmented datagram). Lookups reuse one mutable probe and store a {@link #copy()}, so finding a
 * flow allocates nothing. Not thread-safe.
 */
final class AddressKey {
  long srcHi;
  long srcLo;
  long dstHi;
  long dstLo;
  long extra;

  AddressKey set(long srcHi, long srcLo, long dstHi, long dstLo, long extra) {
    this.srcHi = srcHi;
    this.srcLo = srcLo;
    this.dstHi = dstHi;
    this.dstLo = dstLo;
    this.extra = extra;
    return this;
  }

  AddressKey copy() {
    return new AddressKey().set(srcHi, srcLo, dstHi, dstLo, extra);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AddressKey k && k.srcLo == srcLo && k.dstLo == dstLo && k.extra == extra
        && k.srcHi == srcHi && k.dstHi == dstHi;
  }

  @Override
  public int hashCode() {
    long h = srcHi * 0x9E37_79B9_7F4A_7C15L;
    h = (h ^ srcLo) * 0x9E37_79B9_7F4A_7C15L;
    h = (h ^ dstHi) * 0x9E37_79B9_7F4A_7C15L;
    h = (h ^ dstLo) * 0x9E37_79B9_7F4A_7C15L;
    h = (h ^ extra) * 0x9E37_79B9_7F4A_7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
