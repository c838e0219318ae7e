package org.dnsseismograph.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.dnsseismograph.analysis.CaptureLoader;
import org.dnsseismograph.analysis.LoadRequest;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.dns.RcodeNames;
import org.dnsseismograph.series.ColumnBuffer;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.testsupport.Captures;
import org.dnsseismograph.testsupport.LabTruth;
import org.dnsseismograph.testsupport.Tshark;
import org.dnsseismograph.wire.FrameReader;
import org.dnsseismograph.wire.CaptureFiles;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.RawFrame;
import org.dnsseismograph.wire.SkipCounter;
import org.junit.jupiter.api.Test;
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
    PacketPath path = replay(file, analysis);
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

  /** Hands every frame of {@code file} to a new packet path into {@code analysis}, as the capture thread would; finishes both. */
  private static PacketPath replay(Path file, LiveDnsSeries analysis) throws IOException {
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
    return path;
  }

  /**
   * The lab's capture of two resolvers (Unbound and PowerDNS Recursor, addresses from its
   * truth.json) seen live: each resolver is recognised by the rule of issue 3 — it has received
   * recursive queries on port 53 and sent queries to port 53 — and from the message that completes
   * both on, its traffic counts as client or upstream, and upstream per authoritative server (the
   * Recursor asks the root before its first client asks it, so for it that message is a client's
   * query). The expected counts are tshark's messages, split at the frame where that rule first
   * holds for each resolver, found from tshark's fields here; the timeouts per server are the file path's, which reads the same
   * capture with its resolvers known from the first message (the outage is a minute later).
   */
  @Test
  void capturedPacketsCountOnTheirResolversSideFromTheMessageThatShowsItIsOne() throws IOException {
    assumeTrue(Tshark.available(), "tshark is the trusted peer");
    Path file = Path.of("assets/demo/capture.pcap.gz");
    List<String> resolvers = LabTruth.read(Path.of("assets/demo/truth.json")).resolvers();
    assertEquals(List.of("127.0.0.100", "127.0.0.101"), resolvers);

    Map<String, Long> expected = new TreeMap<>();
    Set<String> received = new HashSet<>();
    Set<String> sent = new HashSet<>();
    Set<String> known = new HashSet<>();
    for (String line : Tshark.fields(file, List.of(), "dns", "ip.src", "ip.dst", "udp.dstport", "dns.flags.response", "dns.flags.recdesired",
        "dns.flags.opcode", "dns.qry.type")) {
      String[] f = line.split("\t", -1);
      String src = f[0];
      String dst = f[1];
      boolean response = f[3].equals("1") || f[3].equals("True");
      if (!response && resolvers.contains(dst)) {
        assertTrue(f[4].equals("1") || f[4].equals("True"), "the lab's clients ask for recursion: " + line);
        received.add(dst);
      }
      if (!response && resolvers.contains(src) && f[2].equals("53") && f[5].equals("0") && !List.of("6", "251", "252").contains(f[6])) {
        sent.add(src);
      }
      // whichever message completes both sides makes the resolver known, and counts on its side
      for (String r : List.of(src, dst)) {
        if (received.contains(r) && sent.contains(r)) {
          known.add(r);
        }
      }
      String client = response ? dst : src;
      String server = response ? src : dst;
      String side = known.contains(client) ? "upstream" : known.contains(server) ? "client" : null;
      if (side != null) {
        String kind = response ? "responses" : "queries";
        expected.merge(side + "." + kind, 1L, Long::sum);
        if (side.equals("upstream")) {
          expected.merge("upstream.server." + server + "." + kind, 1L, Long::sum);
        }
      }
    }
    assertEquals(Set.copyOf(resolvers), known, "both resolvers recognised");

    LiveDnsSeries analysis = new LiveDnsSeries();
    replay(file, analysis);
    Map<String, Long> ours = new TreeMap<>();
    Map<String, Long> timeouts = new TreeMap<>();
    for (ResolvableSeries s : analysis.publish()) {
      if (!(s instanceof EventSeries e)) {
        continue;
      }
      String n = s.id().name();
      long events = e.events();
      if (n.matches("(client|upstream)\\.(queries|responses)|upstream\\.server\\..*\\.(queries|responses)") && events > 0) {
        ours.put(n, events);
      } else if (n.matches("upstream\\.server\\..*\\.timeouts|upstream\\.timeouts")) {
        timeouts.put(n, events);
      }
    }
    assertEquals(expected, ours);

    SeriesSet files = new CaptureLoader(new LoadRequest(List.of(file), DecodeOptions.defaults(), 3_000_000_000L)).load(Progress.NONE, x -> {})
        .snapshot().series();
    Map<String, Long> theirs = new TreeMap<>();
    for (String name : timeouts.keySet()) {
      ResolvableSeries s = files.get(MetricId.of(name));
      ColumnBuffer b = new ColumnBuffer(1);
      s.reduce(s.extent(), 1, b);
      theirs.put(name, Math.round(b.count(0)));
    }
    assertEquals(theirs, timeouts);
    assertTrue(timeouts.get("upstream.server.127.0.0.21.timeouts") > 500, "the dark servers' queries time out: " + timeouts);
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
