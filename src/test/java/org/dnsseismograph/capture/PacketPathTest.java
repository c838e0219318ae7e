package org.dnsseismograph.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dnsseismograph.dns.RcodeNames;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.testsupport.Captures;
import org.dnsseismograph.testsupport.Tshark;
import org.dnsseismograph.wire.FrameReader;
import org.dnsseismograph.wire.CaptureFiles;
import org.dnsseismograph.wire.RawFrame;
import org.dnsseismograph.wire.SkipCounter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The live path on real captures: frames handed over as the capture thread hands them (a copy of
 * the bytes, the time, the original length) go through {@link PacketPath} into {@link
 * LiveDnsSeries}, and its event series count the DNS queries, responses and responses per rcode
 * tshark counts in the same file. The captures chosen are short and in time order, as live traffic
 * is (the live series accept events up to 10 s late); UDP, IPv4 fragments, TCP streams and a
 * non-standard port are among them.
 */
class PacketPathTest {

  @ParameterizedTest
  @ValueSource(strings = {"pktvisor-dns_udp_mixed_rcode.pcap", "pktvisor-dns_udp_tcp_random.pcap", "dnscap-frags.pcap", "dnscap-dnso1tcp.pcap",
      "zeek-dns_extended_rcode.pcap", "pktvisor-dns_ipv6_udp_port53000.pcap", "pktvisor-ecs.pcap"})
  void liveSeriesCountWhatTsharkCounts(String name) throws IOException {
    assumeTrue(Tshark.available(), "tshark is the trusted peer");
    Path file = Captures.file(name);
    LiveDnsSeries analysis = new LiveDnsSeries();
    PacketPath path = new PacketPath(Captures.optionsFor(file), analysis);
    try (FrameReader reader = CaptureFiles.open(file, new SkipCounter())) {
      RawFrame f = new RawFrame();
      boolean first = true;
      while (reader.next(f)) {
        if (first) {
          path.setLinkType(f.linkType);
          first = false;
        }
        path.accept(new CapturedFrame(f.timestampNanos, f.originalLength, f.copyBytes()));
      }
    }
    path.finish();
    analysis.finish();
    Map<String, Long> ours = new TreeMap<>();
    for (ResolvableSeries s : analysis.publish()) {
      if (s instanceof EventSeries e && e.events() > 0 && (e.id().name().startsWith("dns.rcode.") || e.id().name().equals("dns.queries")
          || e.id().name().equals("dns.responses"))) {
        ours.put(e.id().name(), e.events());
      }
    }
    assertEquals(tshark(file), ours);
    assertEquals(ours.getOrDefault("dns.queries", 0L), path.queries());
    assertEquals(ours.getOrDefault("dns.responses", 0L), path.responses());
  }

  /** tshark's DNS messages (on a DNS port, not quoted in ICMP, TCP reassembled), as metric counts. */
  private static Map<String, Long> tshark(Path file) throws IOException {
    List<String> options = new ArrayList<>(Captures.tsharkDecodeAs(file));
    options.addAll(List.of("-o", "tcp.reassemble_out_of_order:TRUE", "-E", "occurrence=a", "-E", "aggregator=,"));
    String ports = "udp.port == 53 || tcp.port == 53" + (Captures.usesPort53000(file) ? " || udp.port == 53000 || tcp.port == 53000" : "");
    Map<String, Long> counts = new TreeMap<>();
    for (String line : Tshark.fields(file, options, "dns && !icmp && !icmpv6 && (" + ports + ")", "dns.flags.response", "dns.flags.rcode",
        "dns.resp.ext_rcode")) {
      String[] f = line.split("\t", -1);
      String[] rcodes = f[1].split(",");
      String[] extended = f[2].isEmpty() ? new String[0] : f[2].split(",");
      int response = 0;
      for (String qr : f[0].split(",")) {
        if (qr.equals("1") || qr.equals("True")) {
          int ext = extended.length == rcodes.length ? Integer.decode(extended[response]) : 0;
          counts.merge("dns.rcode." + RcodeNames.name(Integer.decode(rcodes[response]) | ext << 4), 1L, Long::sum);
          counts.merge("dns.responses", 1L, Long::sum);
          response++;
        } else {
          counts.merge("dns.queries", 1L, Long::sum);
        }
      }
    }
    return counts;
  }
}
