package org.dnsseismograph.wire;

/**
 * What the decoder knows of the packet in hand while the transport layers run: its frame and its
 * IP addresses (IPv4 held IPv4-mapped, as {@link IpAddress} does). A reused flyweight. Not
 * thread-safe.
 */
final class PacketContext {
  long timestampNanos;
  long frameNumber;
  long srcHi;
  long srcLo;
  long dstHi;
  long dstLo;
}
