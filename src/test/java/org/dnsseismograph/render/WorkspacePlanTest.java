package org.dnsseismograph.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.workspace.LaneSettings;
import org.dnsseismograph.workspace.SourceRef;
import org.dnsseismograph.workspace.Workspace;
import org.junit.jupiter.api.Test;

class WorkspacePlanTest {
  private static final long S = 1_000_000_000L;
  private static final long T0 = 1_265_054_400L * S;

  private static SeriesSet source(String name) {
    return SeriesSet.of(name, List.of(EventSeries.of(MetricId.of("dns.queries"), new TimeRange(T0, T0 + 60 * S), T0 + 10 * S)));
  }

  private static Workspace workspace() {
    return Workspace.empty().withTitle("storm").withSources(List.of(new SourceRef("b.csv", "b.csv", "", 2 * S, ""),
        new SourceRef("a.pcap", "a.pcap", "sha256:ab", 0, "")))
        .withLanes(List.of(new LaneSettings("b.csv/dns.rate", true, 150), new LaneSettings("a.pcap/dns.rate", false, 100)));
  }

  @Test
  void eachSourceIsShiftedByItsOffsetAndTheLanesArrangedAsSaved() {
    List<SeriesSet> loaded = List.of(source("a.pcap"), source("b.csv"));
    List<SeriesSet> shown = WorkspacePlan.shifted(workspace(), loaded);
    assertEquals(new TimeRange(T0, T0 + 60 * S), shown.get(0).extent());
    assertEquals(new TimeRange(T0 + 2 * S, T0 + 62 * S), shown.get(1).extent(), "b.csv's clock was 2 s behind");
    LanePlan plan = WorkspacePlan.plan(workspace(), loaded, Palette.STANDARD);
    assertEquals(List.of("b.csv/dns.rate", "a.pcap/dns.rate", "annotations"), plan.lanes().stream().map(Lane::key).toList());
    assertFalse(plan.isVisible("a.pcap/dns.rate"));
    assertEquals(150, plan.height("b.csv/dns.rate"), 0.0);
  }

  @Test
  void anExportDrawsTheGivenRangeElseTheSavedViewElseEverything() {
    List<SeriesSet> loaded = List.of(source("a.pcap"), source("b.csv"));
    TimeRange given = new TimeRange(T0 + S, T0 + 2 * S);
    assertEquals(given, WorkspacePlan.export(workspace(), loaded, given, 1920, 1080, 1).range());
    TimeRange saved = new TimeRange(T0 + 5 * S, T0 + 9 * S);
    assertEquals(saved, WorkspacePlan.export(workspace().withView(saved), loaded, null, 1920, 1080, 1).range());
    ExportRequest all = WorkspacePlan.export(workspace(), loaded, null, 1920, 1080, 1);
    assertEquals(new TimeRange(T0, T0 + 62 * S), all.range());
    assertEquals("storm", all.title());
    assertEquals(workspace().sources(), all.sources());
    assertThrows(IllegalArgumentException.class, () -> WorkspacePlan.export(Workspace.empty(), List.of(), null, 1920, 1080, 1));
  }
}
