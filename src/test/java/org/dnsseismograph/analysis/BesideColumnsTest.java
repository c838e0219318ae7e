package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.dns.DnsHeaderScanner;
import org.dnsseismograph.dns.DnsMessageView;
import org.dnsseismograph.dns.RcodeNames;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.testsupport.Captures;
import org.dnsseismograph.traffic.MatcherConfig;
import org.dnsseismograph.traffic.TransactionColumns;
import org.dnsseismograph.traffic.TransactionSnapshot;
import org.dnsseismograph.wire.CaptureScanner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The window's transaction columns fed beside the pass hold what they hold when fed on it: every
 * row, field for field, in the same order, with the same rows left out, over real captures (TCP,
 * fragments, unanswered and unsolicited, long names).
 */
class BesideColumnsTest {
  private static final long S = TimeUnits.NANOS_PER_SECOND;

  @ParameterizedTest
  @ValueSource(strings = {"assets/demo/capture.pcap.gz", "pktvisor-dns_udp_tcp_random.pcap", "dnscap-dnso1tcp.pcap",
      "dnscap-frags.pcap", "ndpi-dns-tunnel-iodine.pcap", "zeek-dns-two-responses.pcap"})
  void columnsFedBesideThePassHoldWhatTheyHoldFedOnIt(String name) throws IOException {
    Path file = name.startsWith("assets/") ? Path.of(name) : Captures.file(name);
    TransactionSnapshot here = load(file, false);
    TransactionSnapshot beside = load(file, true);
    assertTrue(here.size() > 0, name);
    assertEquals(here.size(), beside.size(), name + ": rows");
    for (int r = 0; r < here.size(); r++) {
      String at = name + " row " + r;
      assertEquals(here.timeNanos(r), beside.timeNanos(r), at);
      assertEquals(here.outcome(r), beside.outcome(r), at);
      assertEquals(here.transport(r), beside.transport(r), at);
      assertEquals(here.latencyNanos(r), beside.latencyNanos(r), at);
      assertEquals(here.qname(r), beside.qname(r), at);
      assertEquals(here.client(r), beside.client(r), at);
      assertEquals(here.server(r), beside.server(r), at);
      assertEquals(here.clientPort(r), beside.clientPort(r), at);
      assertEquals(here.serverPort(r), beside.serverPort(r), at);
      assertEquals(here.qtype(r), beside.qtype(r), at);
      assertEquals(here.id(r), beside.id(r), at);
      assertEquals(here.rcode(r), beside.rcode(r), at);
      assertEquals(here.tc(r), beside.tc(r), at);
      assertEquals(here.aa(r), beside.aa(r), at);
      assertEquals(here.rd(r), beside.rd(r), at);
    }
  }

  private static TransactionSnapshot load(Path file, boolean beside) throws IOException {
    MetricAggregator aggregator = MetricAggregator.forTable(AggregatorConfig.of(S).withLatencyHorizon(3 * S), null, RcodeNames::name,
        CaptureSeries::rcodeNumber);
    MessageDispatcher d = new MessageDispatcher(MatcherConfig.defaults().withTimeout(3 * S), aggregator, new TransactionColumns(3 * S), beside);
    DnsHeaderScanner scanner = new DnsHeaderScanner();
    DnsMessageView view = new DnsMessageView();
    CaptureScanner.scan(List.of(file), Captures.optionsFor(file), p -> d.onMessage(p, view, scanner.scan(p.buffer, p.offset, p.length, view)),
        (reason, frame, time) -> {
          if (time != Long.MIN_VALUE) {
            d.onSkipped(time);
          }
        }, Progress.NONE);
    d.finish();
    return d.settledColumns().snapshot();
  }
}
