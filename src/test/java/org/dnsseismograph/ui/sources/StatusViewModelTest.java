package org.dnsseismograph.ui.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.dnsseismograph.analysis.LoadResult;
import org.dnsseismograph.ui.UiFixtures;
import org.dnsseismograph.ui.common.CurrentThreadTaskRunner;
import org.dnsseismograph.ui.common.HeldTaskRunner;
import org.dnsseismograph.wire.Skipped;
import org.junit.jupiter.api.Test;

class StatusViewModelTest {
  private final SourcesViewModel sources = new SourcesViewModel(new CurrentThreadTaskRunner(), SourceLoads.defaults());
  private final StatusViewModel status = new StatusViewModel(sources);

  @Test
  void theSkippedListHasEveryReasonTheLoaderCountedWithItsCountAndFirstFrame() throws Exception {
    Path fuzz = UiFixtures.capture("ndpi-fuzz-2006-06-26-2594.pcap");
    LoadResult direct = SourcesViewModelTest.loadDirectly(fuzz);
    assertFalse(direct.skipped().isEmpty(), "the fixture is malformed");

    sources.open(List.of(fuzz), p -> {});
    status.refresh();

    List<SkipLine> lines = status.skipLinesProperty().get();
    assertEquals(direct.skipped().size(), lines.size());
    for (int i = 0; i < lines.size(); i++) {
      Skipped k = direct.skipped().get(i);
      SkipLine l = lines.get(i);
      assertEquals(k.reason().code(), l.code());
      assertEquals(k.reason().description(), l.reason());
      assertEquals(k.count(), l.count());
      assertEquals(k.firstFrame() > 0 ? "frame " + k.firstFrame() : "", l.where());
      assertEquals(fuzz.getFileName().toString(), l.source());
    }
    assertEquals(direct.skipped().stream().mapToLong(Skipped::count).sum(), status.skippedProperty().get());
    assertEquals(direct.scan().frames(), status.framesProperty().get());
    assertEquals(direct.snapshot().dispatch().messages(), status.dnsMessagesProperty().get());
    assertEquals(String.format(Locale.ROOT, "%,d frames read · %,d DNS messages", direct.scan().frames(), direct.snapshot().dispatch().messages()),
        status.countsProperty().get());
    assertFalse(status.busyProperty().get());
  }

  @Test
  void figuresAddUpOverSourcesAndFailuresAreCounted() throws Exception {
    Path a = UiFixtures.capture("pktvisor-dns_udp_mixed_rcode.pcap");
    Path b = UiFixtures.capture("dnscap-dns.pcap.gz");
    long frames = SourcesViewModelTest.loadDirectly(a).scan().frames() + SourcesViewModelTest.loadDirectly(b).scan().frames();

    sources.open(List.of(a, b, UiFixtures.resource("not-a-source.txt")), p -> {});
    status.refresh();

    assertEquals(frames, status.framesProperty().get());
    assertEquals("1 source failed", status.failuresProperty().get());
  }

  @Test
  void whileASourceLoadsTheStatusSaysWhatAndHowFar() {
    HeldTaskRunner held = new HeldTaskRunner();
    SourcesViewModel v = new SourcesViewModel(held, SourceLoads.defaults());
    StatusViewModel st = new StatusViewModel(v);
    v.open(List.of(UiFixtures.capture("dnscap-dns.pcap.gz")), p -> {});
    held.runNext();

    st.refresh();

    assertTrue(st.busyProperty().get());
    assertEquals("Loading dnscap-dns.pcap.gz", st.activityProperty().get());
    assertEquals(-1, st.progressProperty().get(), "nothing read yet: unknown");
    held.runAll();
    st.refresh();
    assertFalse(st.busyProperty().get());
    assertEquals("", st.activityProperty().get());
  }
}
