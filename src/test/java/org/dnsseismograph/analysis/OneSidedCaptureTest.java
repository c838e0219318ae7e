package org.dnsseismograph.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.testsupport.Tshark;
import org.dnsseismograph.traffic.ResolverRole;
import org.dnsseismograph.wire.DecodeOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capture of one side of the resolvers works too: the demo capture cut by tshark to the clients'
 * side only, or to the upstream side only, still shows the two resolvers (recognised from that side)
 * and the same counts on that side as the whole capture, and no series for the side it does not
 * hold (lanes of zeros there read as "the resolver asked nothing").
 */
class OneSidedCaptureTest {
  private static final String RESOLVERS = "{127.0.0.100, 127.0.0.101}";
  @TempDir static Path dir;
  private static SeriesSet whole;

  @BeforeAll
  static void loadTheWholeCapture() throws IOException {
    assumeTrue(Tshark.available(), "tshark cuts the capture; install it (Debian package tshark)");
    whole = load(CaptureLoaderTest.DEMO).snapshot().series();
  }

  private static LoadResult load(Path file) throws IOException {
    return new CaptureLoader(new LoadRequest(List.of(file), DecodeOptions.defaults(), 3_000_000_000L)).load(Progress.NONE, s -> {});
  }

  @Test
  void aClientSideCaptureShowsTheResolversItsClientsAsk() throws IOException, InterruptedException {
    Path cut = cut("client.pcap", "(ip.dst in " + RESOLVERS + " && udp.dstport == 53) || (ip.src in " + RESOLVERS + " && udp.srcport == 53)");
    LoadResult r = load(cut);

    assertEquals(List.of("127.0.0.100 client-side-only", "127.0.0.101 client-side-only"), roles(r));
    for (String m : List.of("client.queries", "client.responses", "client.rcode.SERVFAIL", "client.retries")) {
      assertEquals(events(whole, m), events(r.snapshot().series(), m), m);
    }
    assertEquals(List.of(), named(r.snapshot().series(), "upstream."), "no upstream side in the capture: no series of zeros for it");
  }

  @Test
  void anUpstreamSideCaptureShowsTheResolversThatAsk() throws IOException, InterruptedException {
    Path cut = cut("upstream.pcap", "(ip.src in " + RESOLVERS + " && udp.dstport == 53) || (ip.dst in " + RESOLVERS + " && udp.srcport == 53)");
    LoadResult r = load(cut);

    assertEquals(List.of("127.0.0.100 upstream-side-only", "127.0.0.101 upstream-side-only"), roles(r));
    for (String m : List.of("upstream.queries", "upstream.responses", "upstream.timeouts", "upstream.zone.example.test.queries")) {
      assertEquals(events(whole, m), events(r.snapshot().series(), m), m);
    }
    assertEquals(List.of(), named(r.snapshot().series(), "client."), "no clients' side in the capture: no series of zeros for it");
  }

  private static List<String> named(SeriesSet set, String prefix) {
    return set.ids().stream().map(MetricId::name).filter(n -> n.startsWith(prefix)).toList();
  }

  private static List<String> roles(LoadResult r) {
    return r.snapshot().resolvers().stream().map(ResolverRole::address).sorted().map(a -> a + " "
        + r.snapshot().resolvers().stream().filter(x -> x.address().equals(a)).findFirst().orElseThrow().basis().code()).toList();
  }

  private static long events(SeriesSet set, String metric) {
    EventSeries s = (EventSeries) set.get(MetricId.of(metric));
    return s == null ? 0 : s.events();
  }

  private static Path cut(String name, String filter) throws IOException {
    return Tshark.cut(CaptureLoaderTest.DEMO, filter, dir.resolve(name));
  }
}
