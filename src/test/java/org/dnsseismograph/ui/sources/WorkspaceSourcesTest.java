package org.dnsseismograph.ui.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.ui.UiFixtures;
import org.dnsseismograph.ui.common.CurrentThreadTaskRunner;
import org.dnsseismograph.workspace.SourceRef;
import org.dnsseismograph.workspace.Workspace;
import org.dnsseismograph.workspace.WorkspaceJson;
import org.junit.jupiter.api.Test;

class WorkspaceSourcesTest {

  @Test
  void theDemosRelativePathsAreResolvedBesideTheWorkspaceFile() throws Exception {
    Path file = UiFixtures.demo().resolve("demo.seismograph.json");
    List<String> problems = new ArrayList<>();

    List<SourcesViewModel.Opening> o = WorkspaceSources.openings(WorkspaceJson.load(file), file, problems);

    assertEquals(List.of(UiFixtures.demo().resolve("capture.pcap.gz"), UiFixtures.demo().resolve("unbound-stats.txt"),
        UiFixtures.demo().resolve("pdns-carbon.txt")), o.stream().map(SourcesViewModel.Opening::path).toList());
    assertEquals(List.of(), problems);
  }

  @Test
  void offsetsZonesAndHashesComeAlongAndAnUnknownZoneIsSaid() {
    Workspace w = Workspace.empty().withSources(List.of(new SourceRef("a.csv", "sub/a.csv", "sha256:00", -37_000_000_000L, "Europe/Berlin"),
        new SourceRef("b.csv", "/abs/b.csv", "", 5, "Mars/Olympus")));
    List<String> problems = new ArrayList<>();

    List<SourcesViewModel.Opening> o = WorkspaceSources.openings(w, Path.of("/work/incident/ws.json"), problems);

    assertEquals(new SourcesViewModel.Opening(Path.of("/work/incident/sub/a.csv"), -37_000_000_000L, ZoneId.of("Europe/Berlin"), "sha256:00"),
        o.get(0));
    assertEquals(new SourcesViewModel.Opening(Path.of("/abs/b.csv"), 5, null, ""), o.get(1));
    assertEquals(List.of("b.csv: unknown time zone 'Mars/Olympus'; its times are read as the file says"), problems);
  }

  @Test
  void theCurrentWorkspaceHasEverySourceWithItsPathHashOffsetAndZone() {
    SourcesViewModel sources = new SourcesViewModel(new CurrentThreadTaskRunner(), SourceLoads.defaults());
    Path cap = UiFixtures.capture("pktvisor-dns_udp_mixed_rcode.pcap");
    sources.open(List.of(cap, UiFixtures.shiftedExport(), UiFixtures.resource("not-a-source.txt")), p -> {});
    sources.setOffset(sources.sources().get(1), -37_000_000_000L);
    sources.setZone(sources.sources().get(1), ZoneId.of("Europe/Berlin"));
    TimeRange view = sources.extentProperty().get();

    Workspace w = WorkspaceSources.current("t", sources.sources(), sources.lanesProperty().get().plan(), view, List.of());

    assertEquals(2, w.sources().size(), "an unrecognised file is no source to save");
    SourceRef c = w.sources().get(0);
    assertEquals(cap.toString(), c.path());
    assertEquals(sources.sources().get(0).contentHash(), c.contentHash());
    SourceRef e = w.sources().get(1);
    assertEquals(-37_000_000_000L, e.offsetNanos());
    assertEquals("Europe/Berlin", e.timeZone());
    assertEquals(view, w.view());
    assertEquals(sources.lanesProperty().get().plan().settings(), w.lanes());
  }
}
