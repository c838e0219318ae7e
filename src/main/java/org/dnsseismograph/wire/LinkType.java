package org.dnsseismograph.wire;

/**
 * The link-layer header types {@link PacketDecoder} understands, with their pcap LINKTYPE codes.
 * {@link RawFrame#linkType} carries the raw code, so frames of other types can still be read and
 * counted. Immutable.
 *
 * @see <a href="https://www.tcpdump.org/linktypes.html">tcpdump.org link-layer header types</a>
 */
public enum LinkType {
  /** BSD loopback: a 4-byte address family in the capturing host's byte order. */
  NULL(0),
  /** Ethernet II, with any number of 802.1Q / 802.1ad (QinQ) tags. */
  ETHERNET(1),
  /** Raw IP, version told by the first nibble (the value of DLT_RAW on most systems). */
  RAW_DLT12(12),
  /** Raw IP, version told by the first nibble (the value of DLT_RAW on OpenBSD). */
  RAW_DLT14(14),
  /** Raw IP, version told by the first nibble. */
  RAW(101),
  /** OpenBSD loopback: a 4-byte address family in network byte order. */
  LOOP(108),
  /** Linux cooked capture, version 1 (16-byte header). */
  LINUX_SLL(113),
  /** Raw IPv4. */
  IPV4(228),
  /** Raw IPv6. */
  IPV6(229),
  /** Linux cooked capture, version 2 (20-byte header). */
  LINUX_SLL2(276);

  private final int code;

  LinkType(int code) {
    this.code = code;
  }

  /** The LINKTYPE code as stored in pcap headers and pcapng interface blocks. */
  public int code() {
    return code;
  }

  /** The type for a LINKTYPE code, or null when it is not one this package decodes. */
  public static LinkType of(int code) {
    for (LinkType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    return null;
  }
}
