package org.dnsseismograph.ui.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.ui.UiFixtures;
import org.dnsseismograph.ui.common.CurrentThreadTaskRunner;
import org.dnsseismograph.ui.common.HeldTaskRunner;
import org.dnsseismograph.ui.timeline.TimelineViewModel;
import org.dnsseismograph.workspace.LaneSettings;
import org.junit.jupiter.api.Test;

class TimelineBindingTest {
  private static final long S = 1_000_000_000L;
  private final HeldTaskRunner held = new HeldTaskRunner();
  private final SourcesViewModel sources = new SourcesViewModel(held, SourceLoads.defaults());
  private final TimelineViewModel timeline = TimelineBinding.emptyTimeline(Runnable::run);
  private final TimelineBinding binding = new TimelineBinding(sources, timeline);

  @Test
  void theFirstDataNarrowsTheViewOntoItWithoutAStepInTheHistory() {
    sources.open(List.of(UiFixtures.capture("pktvisor-dns_udp_mixed_rcode.pcap")), p -> {});
    held.runAll();

    TimeRange extent = sources.extentProperty().get();
    assertEquals(extent, timeline.extent());
    assertEquals(extent, timeline.visibleRange());
    assertFalse(timeline.canGoBackProperty().get());
    assertTrue(timeline.plan().lanes().stream().anyMatch(l -> l.key().startsWith("pktvisor-dns_udp_mixed_rcode.pcap/")));
  }

  @Test
  void theViewGrowsWithTheDataUntilTheAnalystMovesIt() {
    sources.open(List.of(UiFixtures.capture("pktvisor-dns_udp_mixed_rcode.pcap")), p -> {});
    held.runAll();
    assertTrue(binding.isFollowing());

    sources.open(List.of(UiFixtures.capture("dnscap-dns.pcap.gz")), p -> {});
    held.runAll();
    assertEquals(sources.extentProperty().get(), timeline.visibleRange(), "both captures in view");

    TimeRange v = timeline.visibleRange();
    timeline.zoomTo(new TimeRange(v.startNanos(), v.startNanos() + 10 * S));
    assertFalse(binding.isFollowing());
    Source later = sources.sources().stream().filter(s -> s.shiftedSeries().extent().startNanos() > v.startNanos()).findFirst().orElseThrow();
    sources.setOffset(later, 3600 * S);
    assertEquals(new TimeRange(v.startNanos(), v.startNanos() + 10 * S), timeline.visibleRange(), "the analyst's window stays");
  }

  @Test
  void aWorkspacesLanesAreArrangedAsSavedAndItsWindowShownOnceLoaded() {
    String rate = "pktvisor-dns_udp_mixed_rcode.pcap/dns.rate";
    String rcode = "pktvisor-dns_udp_mixed_rcode.pcap/dns.rcode";
    sources.open(List.of(UiFixtures.capture("pktvisor-dns_udp_mixed_rcode.pcap")), p -> {});
    held.runNext();
    TimeRange saved = new TimeRange(1_614_874_231L * S, 1_614_874_232L * S);
    binding.showAsSaved(List.of(new LaneSettings(rcode, true, 200), new LaneSettings(rate, false, 80)), saved);

    held.runAll();

    assertEquals(rcode, timeline.plan().lanes().get(0).key());
    assertFalse(timeline.plan().isVisible(rate));
    assertEquals(200, timeline.plan().height(rcode));
    assertTrue(timeline.extent().contains(timeline.visibleRange().startNanos()));
    assertEquals(saved.durationNanos(), timeline.visibleRange().durationNanos(), "the saved window's width");
  }

  @Test
  void closingEverySourceGoesBackToThePlaceholder() {
    sources.open(List.of(UiFixtures.capture("pktvisor-dns_udp_mixed_rcode.pcap")), p -> {});
    held.runAll();

    sources.closeAll();

    assertEquals(TimelineBinding.PLACEHOLDER, timeline.extent());
    assertTrue(binding.isFollowing());
  }
}
