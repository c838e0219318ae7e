package org.dnsseismograph.ui.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.capture.LiveCounters;
import org.dnsseismograph.capture.LiveSnapshot;
import org.dnsseismograph.traffic.RecentTraffic;
import org.dnsseismograph.capture.LiveState;
import org.dnsseismograph.render.Lane;
import org.dnsseismograph.render.LanePlan;
import org.dnsseismograph.series.EventSeriesWriter;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.ResolvableSeries;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.ui.sources.LaneArrangement;
import org.junit.jupiter.api.Test;

class LiveLanesTest {
  private static final long T0 = 1_764_000_000_000_000_000L;

  static ResolvableSeries events(String metric, int n) {
    EventSeriesWriter w = new EventSeriesWriter(MetricId.of(metric));
    for (int i = 0; i < n; i++) {
      w.append(T0 + i * 1_000_000L);
    }
    return w.publish();
  }

  static SeriesSet captureSet(String name) {
    return SeriesSet.of(name, List.of(events("dns.queries", 10), events("dns.responses", 9), events("capture.dropped.queue", 2),
        events("capture.dropped.kernel", 1), events("packets.skipped", 0)));
  }

  @Test
  void dropCountersBecomeOneShownLaneKernelFirst() {
    LiveLanes.Planned p = LiveLanes.plan(List.of(), List.of(), List.of(captureSet("lo")));
    List<String> keys = p.plan().lanes().stream().map(Lane::key).toList();
    assertFalse(keys.contains("lo/capture.dropped.queue"), keys.toString());
    assertFalse(keys.contains("lo/capture.dropped.kernel"), keys.toString());
    Lane drops = p.plan().lane("lo/drops");
    assertEquals(List.of("kernel", "queue"), drops.series().stream().map(s -> s.label()).toList());
    assertEquals(1, drops.series().get(0).series().extent() == null ? 0 : 1);
    assertTrue(p.shownAtFirst().contains("lo/drops"));
    assertTrue(p.shownAtFirst().contains("lo/dns.rate"), p.shownAtFirst().toString());
    assertFalse(p.shownAtFirst().contains("lo/packets.skipped"), "other lanes start hidden");
    assertEquals(Lane.ANNOTATIONS_KEY, keys.get(keys.size() - 1));
  }

  /**
   * A capture shows all its traffic until it recognises a resolver; then its client and upstream
   * lanes come, and the lanes of all traffic go to View ▸ Lanes, once: shown again by the analyst,
   * they stay.
   */
  @Test
  void theLanesOfAllTrafficGiveWayOnceTheResolversSidesAppear() {
    LiveLanes.Planned first = LiveLanes.plan(List.of(), List.of(), List.of(captureSet("lo")));
    LanePlan shown = LiveLanes.sidesFound(LaneArrangement.carryOver(first.plan(), null, first.shownAtFirst()), null, first.liveKeys());
    assertTrue(shown.isVisible("lo/dns.rate"), "no resolver known yet: all traffic");

    List<ResolvableSeries> sides = new ArrayList<>(captureSet("lo").series().values());
    sides.addAll(List.of(events("client.queries", 6), events("client.responses", 6), events("upstream.queries", 4), events("upstream.responses", 3)));
    LiveLanes.Planned second = LiveLanes.plan(List.of(), List.of(), List.of(SeriesSet.of("lo", sides)));
    LanePlan split = LiveLanes.sidesFound(LaneArrangement.carryOver(second.plan(), shown, second.shownAtFirst()), shown, second.liveKeys());
    assertTrue(split.isVisible("lo/client.rate") && split.isVisible("lo/upstream.rate"), "the resolver's two sides");
    assertFalse(split.isVisible("lo/dns.rate"), "all traffic is the two sides added up: hidden");
    assertTrue(split.isVisible("lo/drops"));

    LanePlan chosen = split.withVisible("lo/dns.rate", true);
    LanePlan later = LiveLanes.sidesFound(LaneArrangement.carryOver(second.plan(), chosen, second.shownAtFirst()), chosen, second.liveKeys());
    assertTrue(later.isVisible("lo/dns.rate"), "shown again by the analyst, it stays");
  }

  @Test
  void liveSourcesComeFirstAndTitlesNameTheSourceWhenThereAreSeveral() {
    SeriesSet file = SeriesSet.of("capture.pcap", List.of(events("dns.queries", 5), events("dns.responses", 5)));
    LiveLanes.Planned p = LiveLanes.plan(List.of(file), List.of(false), List.of(captureSet("lo")));
    List<String> keys = p.plan().lanes().stream().map(Lane::key).toList();
    assertEquals("lo/dns.rate", keys.get(0), keys.toString());
    assertTrue(keys.indexOf("lo/drops") < keys.indexOf("capture.pcap/dns.rate"), keys.toString());
    assertEquals(List.of("lo"), p.liveKeys());
    assertTrue(p.plan().lane("lo/drops").title().startsWith("lo · Drops"), p.plan().lane("lo/drops").title());
  }

  @Test
  void theStatusSaysCountsDropsAndRecordings() {
    LiveCounters c = new LiveCounters(12_345, 2_000_000, 7, 12_345, 1_234_567, 3, 0, 4, 0, 12_338, 6_789, 3_400, 3_389, List.of(), 0, 0, 0);
    LiveSnapshot s = new LiveSnapshot("lo", LiveState.RUNNING, 9, T0, c, captureSet("lo"), RecentTraffic.NONE,
        List.of(Path.of("/tmp/a.pcap"), Path.of("/tmp/b.pcap")), null);
    assertEquals("lo · live · 12,345 frames · 6,789 DNS messages · 7 discarded while paused · recorded 2 files, 1.2 MB", LiveText.status(s));
    assertEquals("drops: kernel 3 · interface 0 · our queue 4", LiveText.drops(s));
    LiveSnapshot tap = new LiveSnapshot("dnstap unix:/tmp/t.sock", LiveState.PAUSED, 2, T0, c, captureSet("x"), RecentTraffic.NONE, List.of(), null);
    assertEquals("dnstap unix:/tmp/t.sock · paused · 12,345 dnstap frames · 6,789 DNS messages · 0 senders · 7 discarded while paused",
        LiveText.status(tap));
    assertEquals("drops: our queue 4", LiveText.drops(tap));
    LiveCounters ring = new LiveCounters(9_000_000, 0, 0, 9_000_000, 2_400_000_000L, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), 0, 22, 0);
    LiveSnapshot kept = new LiveSnapshot("eth0", LiveState.RUNNING, 9, T0, ring, captureSet("eth0"), RecentTraffic.NONE,
        List.of(Path.of("/r/x-00023.pcap"), Path.of("/r/x-00024.pcap"), Path.of("/r/x-00025.pcap")), null);
    assertTrue(LiveText.status(kept).endsWith(" · recorded 25 files, 2.4 GB (oldest 22 deleted)"), LiveText.status(kept));
    LiveCounters room = new LiveCounters(9_000, 0, 0, 9_000, 2_000_000, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), 0, 0, 3);
    LiveSnapshot made = new LiveSnapshot("eth0", LiveState.RUNNING, 9, T0, room, captureSet("eth0"), RecentTraffic.NONE,
        List.of(Path.of("/r/x-00001.pcap")), null);
    assertEquals("Recording into /r: x-00001.pcap is being written, 1 file kept", LiveText.recordingPlace(made));
    assertTrue(LiveText.recordingPlace(tap).startsWith("Not recorded: this source is not checked"), LiveText.recordingPlace(tap));
    assertTrue(LiveText.status(made).endsWith(" · recorded 1 file, 2.0 MB · 3 files of earlier recordings deleted to make room"), LiveText.status(made));
  }
}
