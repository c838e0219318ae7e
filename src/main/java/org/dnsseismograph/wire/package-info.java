/**
 * Reading captures without libpcap: pcap, pcapng and gzip'd files; link layers; IPv4/IPv6 with
 * fragment reassembly; UDP; TCP stream reassembly with RFC 7766 length framing. The output is a
 * stream of {@link org.dnsseismograph.wire.DnsPayload} flyweights, one per DNS message candidate.
 * JDK only. Times are epoch nanoseconds, UTC.
 */
package org.dnsseismograph.wire;
