package org.dnsseismograph.analysis;

import org.dnsseismograph.dns.DnsMessageView;
import org.dnsseismograph.traffic.Side;
import org.dnsseismograph.wire.DnsPayload;

/**
 * What the aggregator needs to know of one DNS message, well-formed or not. A reused flyweight
 * filled by {@link MessageDispatcher}: valid only during the call that receives it; not
 * thread-safe. Times are epoch nanoseconds, UTC.
 *
 * <p>For a well-formed message the header fields come from the scanner's view; for a malformed one
 * whose first 4 bytes are present they come straight from the header bytes (so a malformed query
 * still counts as a query, as tshark counts it), the rcode then being the header's 4 bits only.
 */
public final class MessageFacts {
  /** Capture time, epoch ns UTC. */
  public long timeNanos;
  /** QR bit: true for a response. */
  public boolean response;
  /** The rcode (extended when the scanner read an OPT record). */
  public int rcode;

  public boolean truncated;
  public boolean authoritative;
  /** True when {@link #view} was filled by a successful scan. */
  public boolean wellFormed;
  /** The message as captured. */
  public DnsPayload payload;
  /** The scanner's view; only meaningful when {@link #wellFormed}. */
  public DnsMessageView view;
  /** Which side of a resolver the message is on ({@link Side#OTHER} when no resolver is known). */
  public Side side = Side.OTHER;
}
