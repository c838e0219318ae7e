package org.dnsseismograph.wire;

/**
 * The container format of a capture file. Whether the file was gzip-compressed is told by {@link
 * FrameReader#gzipped()}. Immutable.
 *
 * @see <a href="https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap-04.html">pcap</a>
 * @see <a href="https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-03.html">pcapng</a>
 */
public enum CaptureFormat {
  /** Classic pcap with microsecond timestamps (magic {@code a1b2c3d4}). */
  PCAP_MICRO,
  /** Classic pcap with nanosecond timestamps (magic {@code a1b23c4d}). */
  PCAP_NANO,
  /** pcapng: sections, interfaces with their own link type and timestamp resolution. */
  PCAPNG
}
