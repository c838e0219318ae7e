/**
 * Live sources: capture on an interface with pcap4j (recording every frame to rotating pcap files
 * as it arrives) and a resolver's dnstap stream over Frame Streams (Unix or TCP socket, or a file
 * written by {@code fstrm_capture}). Both feed the decoding path of capture files ({@link
 * org.dnsseismograph.wire.PacketDecoder}, {@link org.dnsseismograph.dns.DnsHeaderScanner}) on a
 * worker thread behind a bounded hand-off queue, and publish immutable {@link
 * org.dnsseismograph.capture.LiveSnapshot}s at frame rate. Times are epoch nanoseconds, UTC;
 * pcap4j's {@code java.sql.Timestamp} is converted here and goes no further.
 */
package org.dnsseismograph.capture;
