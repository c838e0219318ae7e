package org.dnsseismograph.ui.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.testsupport.DnstapPieces;
import org.dnsseismograph.ui.UiFixtures;
import org.dnsseismograph.ui.common.CurrentThreadTaskRunner;
import org.dnsseismograph.workspace.SourceRef;
import org.dnsseismograph.workspace.Workspace;
import org.dnsseismograph.workspace.WorkspaceJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  /** A rotated dnstap recording saved in a workspace comes back as the one dnstap source it was, hash and all. */
  @Test
  void aRotatedDnstapRecordingSavedInAWorkspaceOpensAgainAsOneSource(@TempDir Path dir) throws Exception {
    List<Path> pieces = DnstapPieces.cut(UiFixtures.dnstap(), dir, 12);
    SourcesViewModel before = new SourcesViewModel(new CurrentThreadTaskRunner(), SourceLoads.defaults());
    before.open(pieces, p -> {});
    Source saved = before.sources().get(0);
    Path file = dir.resolve("ws.json");
    WorkspaceJson.save(WorkspaceSources.current("t", before.sources(), before.lanesProperty().get().plan(), null, List.of()), file);

    List<String> problems = new ArrayList<>();
    SourcesViewModel after = new SourcesViewModel(new CurrentThreadTaskRunner(), SourceLoads.defaults());
    after.openAll(WorkspaceSources.openings(WorkspaceJson.load(file), file, problems), p -> {});

    assertEquals(List.of(), problems);
    assertEquals(1, after.sources().size());
    Source s = after.sources().get(0);
    assertEquals(SourceKind.DNSTAP, s.kind());
    assertEquals(SourceState.READY, s.state(), s.failureProperty().get());
    assertEquals(pieces, s.files());
    assertEquals(saved.contentHash(), s.contentHash());
    assertEquals("", s.warningProperty().get(), "the same bytes: no warning of a changed file");
    assertEquals(saved.transactionsProperty().get().size(), s.transactionsProperty().get().size());
  }
}
