package org.dnsseismograph.wire;

/**
 * Why the capture readers and the packet decoder of this package skipped something. Each
 * constant is counted in a {@link SkipCounter}; nothing is printed. Immutable.
 *
 * @see <a href="https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap-04.html">pcap</a>
 * @see <a href="https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-03.html">pcapng</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7766">RFC 7766</a>
 */
public enum WireSkip implements SkipReason {
  FILE_TRUNCATED("capture.truncated", "capture file ends inside a record or header"),
  RECORD_CORRUPT("capture.corrupt-record", "record with an impossible length; the rest of the file was not read"),
  PCAPNG_BAD_BLOCK("pcapng.bad-block", "pcapng block with an impossible length or mismatched trailer; the rest of the file was not read"),
  PCAPNG_UNKNOWN_BLOCK("pcapng.unknown-block", "pcapng block of an unknown type"),
  PCAPNG_UNKNOWN_INTERFACE("pcapng.unknown-interface", "pcapng packet naming an interface that was never described"),
  PCAPNG_TOO_MANY_INTERFACES("pcapng.too-many-interfaces", "pcapng interface beyond the supported number of interfaces"),
  GZIP_CORRUPT("gzip.corrupt", "gzip data corrupt; the rest of the file was not read"),
  GZIP_TRUNCATED("gzip.truncated", "gzip stream ends early"),
  LINK_UNSUPPORTED("link.unsupported", "frame of a link type that is not decoded"),
  LINK_TRUNCATED("link.truncated", "frame shorter than its link-layer header"),
  IP_TRUNCATED("ip.truncated", "IP header cut short by the end of the frame"),
  IP_MALFORMED("ip.malformed", "IP header with an impossible version, header length or total length"),
  FRAGMENT_TIMEOUT("ip.fragment-timeout", "fragmented datagram not completed within the timeout"),
  FRAGMENT_EVICTED("ip.fragment-evicted", "fragmented datagram dropped to keep reassembly memory bounded"),
  FRAGMENT_INCOMPLETE("ip.fragment-incomplete", "fragmented datagram still incomplete at the end of the input"),
  FRAGMENT_MALFORMED("ip.fragment-malformed", "fragment beyond 64 KiB, inconsistent with its datagram, or cut by the snap length"),
  UDP_TRUNCATED("udp.truncated", "UDP header cut short by the end of the frame"),
  UDP_BAD_LENGTH("udp.bad-length", "UDP length field shorter than the UDP header"),
  UDP_EMPTY("udp.empty", "UDP datagram on a DNS port without payload"),
  TCP_TRUNCATED("tcp.truncated", "TCP header cut short by the end of the frame"),
  TCP_MALFORMED("tcp.malformed", "TCP header with an impossible data offset"),
  TCP_HOLE("tcp.hole", "bytes missing from a TCP stream; the stream was resynchronised after them"),
  TCP_RESYNC_DISCARD("tcp.resync-discard", "TCP stream bytes dropped while looking for the next DNS message start"),
  TCP_MESSAGE_LOST("tcp.message-lost", "DNS message over TCP that lost bytes to a hole"),
  TCP_MESSAGE_TOO_LARGE("tcp.message-too-large", "DNS message over TCP larger than the per-flow buffer"),
  TCP_EMPTY_MESSAGE("tcp.empty-message", "DNS-over-TCP length prefix of zero"),
  TCP_UNFINISHED("tcp.unfinished", "DNS message over TCP incomplete when its stream ended"),
  TCP_FLOW_EVICTED("tcp.flow-evicted", "open TCP stream dropped to keep the flow table bounded");

  private final String code;
  private final String description;

  WireSkip(String code, String description) {
    this.code = code;
    this.description = description;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String description() {
    return description;
  }
}
