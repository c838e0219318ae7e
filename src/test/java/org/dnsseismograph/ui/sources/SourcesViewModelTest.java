package org.dnsseismograph.ui.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dnsseismograph.analysis.CaptureLoader;
import org.dnsseismograph.capture.DnstapFiles;
import org.dnsseismograph.analysis.LoadRequest;
import org.dnsseismograph.analysis.LoadResult;
import org.dnsseismograph.analysis.LoadSnapshot;
import org.dnsseismograph.common.Progress;
import org.dnsseismograph.imports.ExportImporter;
import org.dnsseismograph.imports.ImportOptions;
import org.dnsseismograph.imports.ImportResult;
import org.dnsseismograph.render.Lane;
import org.dnsseismograph.render.LaneSeries;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.testsupport.DnstapPieces;
import org.dnsseismograph.testsupport.Captures;
import org.dnsseismograph.ui.UiFixtures;
import org.dnsseismograph.ui.common.CurrentThreadTaskRunner;
import org.dnsseismograph.ui.common.HeldTaskRunner;
import org.dnsseismograph.wire.DecodeOptions;
import org.dnsseismograph.wire.IpAddress;
import org.dnsseismograph.wire.Skipped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourcesViewModelTest {
  private static final long S = 1_000_000_000L;
  private final CurrentThreadTaskRunner tasks = new CurrentThreadTaskRunner();
  private final SourcesViewModel vm = new SourcesViewModel(tasks, SourceLoads.defaults());
  private final List<Path> workspaces = new ArrayList<>();

  static LoadResult loadDirectly(Path file) throws Exception {
    DecodeOptions decode = Captures.optionsFor(file);
    return new CaptureLoader(new LoadRequest(List.of(file), decode, 3 * S)).load(Progress.NONE, s -> {});
  }

  private Source only() {
    assertEquals(1, vm.sources().size(), vm.sources().toString());
    return vm.sources().get(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dnscap-dns.pcap.gz", "pktvisor-dns_udp_mixed_rcode.pcap", "ndpi-fuzz-2006-06-26-2594.pcap", "zeek-pcapng-multi-interface.pcapng"})
  void aCaptureLoadsWithTheLoadersOwnCounts(String name) throws Exception {
    Path file = UiFixtures.capture(name);
    LoadResult direct = loadDirectly(file);

    vm.open(List.of(file), workspaces::add);

    Source s = only();
    assertEquals(SourceState.READY, s.state(), s.failureProperty().get());
    assertEquals(SourceKind.CAPTURE, s.kind());
    LoadFigures f = s.figuresProperty().get();
    assertEquals(direct.scan().frames(), f.frames(), "frames read");
    assertEquals(direct.snapshot().dispatch().messages(), f.dnsMessages(), "DNS messages");
    assertEquals(direct.skipped().stream().mapToLong(Skipped::count).sum(), f.skippedTotal(), "skipped");
    assertEquals(direct.skipped().size(), f.skipped().size(), "skip reasons");
    assertEquals(direct.snapshot().series().ids(), s.seriesProperty().get().ids());
    assertEquals(direct.snapshot().transactions().size(), s.transactionsProperty().get().size());
    assertEquals(direct.snapshot().series().extent(), vm.extentProperty().get());
    assertTrue(vm.lanesProperty().get().plan().lanes().stream().anyMatch(l -> l.key().startsWith(name + "/")));
    assertFalse(vm.loadingProperty().get());
    assertTrue(s.contentHash().startsWith("sha256:"));
  }

  @Test
  void aCaptureKnowsItsResolversSoThePanelCanTellClientsFromUpstream() throws Exception {
    // The lab's own record of the demo run names the resolvers it ran.
    JsonNode truth = new ObjectMapper().readTree(UiFixtures.demo().resolve("truth.json").toFile());
    Set<IpAddress> expected = new HashSet<>();
    truth.get("resolvers").forEach(r -> expected.add(IpAddress.parse(r.get("address").asText())));
    assertEquals(2, expected.size(), truth.get("resolvers").toString());

    vm.open(List.of(UiFixtures.demo().resolve("capture.pcap.gz")), workspaces::add);

    assertEquals(expected, Set.copyOf(only().resolvers()));
  }

  /**
   * A resolver's dnstap log is a source like a capture: read by the same loader, with its
   * transactions for the panel and its resolver named by the log.
   */
  @Test
  void aDnstapLogLoadsAsTheLoaderReadsItWithItsTransactionsAndResolver() throws Exception {
    Path file = UiFixtures.dnstap();
    LoadResult direct = new CaptureLoader(new LoadRequest(List.of(file), DecodeOptions.defaults().withMessages(DnstapFiles.INSTANCE), 3 * S))
        .load(Progress.NONE, x -> {});

    vm.open(List.of(file), workspaces::add);

    Source s = only();
    assertEquals(SourceState.READY, s.state(), s.failureProperty().get());
    assertEquals(SourceKind.DNSTAP, s.kind());
    assertEquals(String.format(java.util.Locale.ROOT, "%d dnstap frames, %d DNS messages", direct.scan().frames(),
        direct.snapshot().dispatch().messages()), s.descriptionProperty().get());
    assertEquals(direct.snapshot().series().ids(), s.seriesProperty().get().ids());
    assertEquals(direct.snapshot().transactions().size(), s.transactionsProperty().get().size());
    assertEquals(List.of(IpAddress.parse("127.0.0.150")), s.resolvers());
    assertSame(s, vm.referenceProperty().get());
    assertTrue(s.contentHash().startsWith("sha256:"));
  }

  /** A recording of a dnstap stream rotated into two pieces opens as one source, with the whole log's messages. */
  @Test
  void thePiecesOfARotatedDnstapRecordingAreOneSource(@TempDir Path dir) throws Exception {
    Path whole = UiFixtures.dnstap();
    List<Path> pieces = DnstapPieces.cut(whole, dir, 12);

    vm.open(List.of(pieces.get(1), pieces.get(0)), workspaces::add);

    Source s = only();
    assertEquals(SourceState.READY, s.state(), s.failureProperty().get());
    assertEquals(pieces, s.files());
    assertEquals(pieces.get(0).getFileName() + " +1", s.name());
    LoadResult direct = new CaptureLoader(new LoadRequest(List.of(whole), DecodeOptions.defaults().withMessages(DnstapFiles.INSTANCE), 3 * S))
        .load(Progress.NONE, x -> {});
    assertEquals(direct.snapshot().dispatch().messages(), s.figuresProperty().get().dnsMessages());
    assertEquals(direct.snapshot().transactions().size(), s.transactionsProperty().get().size());
  }

  /** The recording directory of a rotated dnstap recording, dropped as a folder, is the same one source. */
  @Test
  void aFolderOfDnstapPiecesIsOneSource(@TempDir Path dir) throws Exception {
    List<Path> pieces = DnstapPieces.cut(UiFixtures.dnstap(), dir, 12);

    vm.open(List.of(dir), workspaces::add);

    Source s = only();
    assertEquals(SourceKind.DNSTAP, s.kind());
    assertEquals(SourceState.READY, s.state(), s.failureProperty().get());
    assertEquals(pieces, s.files());
  }

  @Test
  void anExportIsRecognisedByItsContentAndImported() throws Exception {
    Path file = UiFixtures.export("unbound-control-stats_netdata-common.txt");
    ImportResult direct = new ExportImporter().importFile(file, ImportOptions.defaults());

    vm.open(List.of(file), workspaces::add);

    Source s = only();
    assertEquals(SourceState.READY, s.state(), s.failureProperty().get());
    assertEquals(SourceKind.EXPORT, s.kind());
    assertEquals(direct.series().ids(), s.seriesProperty().get().ids());
    assertTrue(s.descriptionProperty().get().startsWith(direct.report().format().title()), s.descriptionProperty().get());
  }

  @Test
  void aFileThatIsNoSourceFailsWithOneLineNamingIt() {
    vm.open(List.of(UiFixtures.resource("not-a-source.txt"), UiFixtures.resource("no-such-file.pcap")), workspaces::add);

    assertEquals(2, vm.sources().size());
    for (Source s : vm.sources()) {
      assertEquals(SourceState.FAILED, s.state());
      assertEquals(SourceKind.UNKNOWN, s.kind());
      String why = s.failureProperty().get();
      assertTrue(why.startsWith(s.name() + ": "), why);
      assertFalse(why.contains("\n") || why.contains("Exception") || why.contains("\tat "), why);
    }
    assertTrue(vm.sources().get(1).failureProperty().get().endsWith("no such file"));
    assertNull(vm.extentProperty().get());
  }

  @Test
  void theStartUpOpeningEndsWithTheFirstSourceListedOrWhenSaidToEnd() throws Exception {
    vm.startingUp();
    assertTrue(vm.startingUpProperty().get());

    vm.open(List.of(UiFixtures.export("unbound-control-stats_netdata-common.txt")), workspaces::add);
    assertFalse(vm.startingUpProperty().get(), "a source is listed: the window is no longer waiting for one");

    SourcesViewModel other = new SourcesViewModel(tasks, SourceLoads.defaults());
    other.startingUp();
    other.open(List.of(UiFixtures.demo().resolve("demo.seismograph.json")), workspaces::add);
    assertTrue(other.startingUpProperty().get(), "a workspace handed on lists no source yet");
    other.startedUp();
    assertFalse(other.startingUpProperty().get());
    vm.startingUp();
    assertFalse(vm.startingUpProperty().get(), "a window with sources does not wait for any");
  }

  @Test
  void aWorkspaceFileIsHandedOnNotLoadedAsASource() {
    Path ws = UiFixtures.demo().resolve("demo.seismograph.json");

    vm.open(List.of(ws), workspaces::add);

    assertEquals(List.of(ws), workspaces);
    assertTrue(vm.sources().isEmpty());
  }

  @Test
  void anOffsetShiftsEveryLaneOfItsSourceByExactlyThatMuch() {
    Path file = UiFixtures.capture("pktvisor-dns_udp_mixed_rcode.pcap");
    vm.open(List.of(file), workspaces::add);
    TimeRange before = vm.extentProperty().get();
    List<TimeRange> lanesBefore = laneExtents();

    vm.setOffset(only(), 2_500_000_123L);

    assertEquals(before.shift(2_500_000_123L), vm.extentProperty().get());
    assertEquals(lanesBefore.stream().map(r -> r.shift(2_500_000_123L)).toList(), laneExtents());
    assertEquals(2_500_000_123L, only().setting().correctionNanos());
  }

  private List<TimeRange> laneExtents() {
    List<TimeRange> out = new ArrayList<>();
    for (Lane l : vm.lanesProperty().get().plan().lanes()) {
      for (LaneSeries s : l.series()) {
        out.add(s.series().extent());
      }
    }
    return out;
  }

  @Test
  void aLoadingCaptureShowsTheNewestSnapshotItPublishedOnTheNextPoll() throws Exception {
    HeldTaskRunner held = new HeldTaskRunner();
    SourcesViewModel v = new SourcesViewModel(held, SourceLoads.defaults());
    Path file = UiFixtures.capture("dnscap-dns.pcap.gz");
    v.open(List.of(file), workspaces::add);
    held.runNext();
    Source s = v.sources().get(0);
    assertEquals(SourceState.LOADING, s.state());
    assertTrue(v.loadingProperty().get());
    List<LoadSnapshot> published = new ArrayList<>();
    new CaptureLoader(new LoadRequest(List.of(file), DecodeOptions.defaults(), 3 * S)).load(Progress.NONE, published::add);
    LoadSnapshot first = published.get(0);
    LoadSnapshot last = published.get(published.size() - 1);

    s.offer(first);
    s.offer(last);
    assertTrue(v.poll(), "a new snapshot was taken up");

    assertEquals(last.series().ids(), s.seriesProperty().get().ids());
    assertEquals(last.dispatch().messages(), s.figuresProperty().get().dnsMessages());
    assertEquals(-1, s.figuresProperty().get().frames(), "frames are known at the end only");
    assertFalse(v.poll(), "nothing new");
    held.runAll();
    assertEquals(SourceState.READY, s.state());
    assertFalse(v.loadingProperty().get());
  }

  /** A view model on a fake clock, its capture's snapshots taken, the first of them planned. */
  private record Loading(SourcesViewModel v, Source s, List<LoadSnapshot> published, long[] now) {}

  private Loading loadingWithAFirstPlan() throws Exception {
    HeldTaskRunner held = new HeldTaskRunner();
    long[] now = {0};
    SourcesViewModel v = new SourcesViewModel(held, SourceLoads.defaults(), () -> now[0]);
    Path file = UiFixtures.capture("dnscap-dns.pcap.gz");
    v.open(List.of(file), workspaces::add);
    held.runNext();
    Source s = v.sources().get(0);
    List<LoadSnapshot> published = new ArrayList<>();
    new CaptureLoader(new LoadRequest(List.of(file), DecodeOptions.defaults(), 3 * S)).load(Progress.NONE, published::add);
    now[0] = SourcesViewModel.REPLAN_NANOS;
    s.offer(published.get(0));
    v.poll();
    return new Loading(v, s, published, now);
  }

  @Test
  void whileLoadingTheLanesArePlannedAtMostFourTimesASecondButTheFiguresFollowEverySnapshot() throws Exception {
    Loading l = loadingWithAFirstPlan();
    SourcesViewModel v = l.v();
    Source s = l.s();
    List<LoadSnapshot> published = l.published();
    long[] now = l.now();
    SourcesViewModel.Lanes first = v.lanesProperty().get();

    now[0] += SourcesViewModel.REPLAN_NANOS / 2;
    s.offer(published.get(published.size() - 1));
    assertTrue(v.poll());
    assertEquals(first, v.lanesProperty().get(), "too soon for another plan");
    assertEquals(published.get(published.size() - 1).dispatch().messages(), s.figuresProperty().get().dnsMessages());

    now[0] += SourcesViewModel.REPLAN_NANOS / 2;
    assertFalse(v.poll(), "no new snapshot");
    assertTrue(first != v.lanesProperty().get(), "the pending plan is made once the time has come");
  }

  @Test
  void whileTheAnalystMovesTheViewTheLanesWaitForTheGestureToPauseButNotForever() throws Exception {
    Loading l = loadingWithAFirstPlan();
    SourcesViewModel v = l.v();
    Source s = l.s();
    List<LoadSnapshot> published = l.published();
    long[] now = l.now();
    SourcesViewModel.Lanes first = v.lanesProperty().get();

    now[0] += SourcesViewModel.REPLAN_NANOS;
    v.viewMoved();
    s.offer(published.get(published.size() - 1));
    assertTrue(v.poll());
    assertEquals(first, v.lanesProperty().get(), "a gesture is going on");
    assertEquals(published.get(published.size() - 1).dispatch().messages(), s.figuresProperty().get().dnsMessages(), "figures follow");

    now[0] += SourcesViewModel.GESTURE_QUIET_NANOS;
    v.poll();
    assertTrue(first != v.lanesProperty().get(), "planned once the gesture paused");

    SourcesViewModel.Lanes second = v.lanesProperty().get();
    long planned = now[0];
    s.offer(published.get(0));
    while (now[0] - planned < SourcesViewModel.REPLAN_LONGEST_NANOS) {
      v.viewMoved();
      v.poll();
      assertEquals(second, v.lanesProperty().get(), "the analyst keeps moving");
      now[0] += SourcesViewModel.GESTURE_QUIET_NANOS / 4;
    }
    v.viewMoved();
    v.poll();
    assertTrue(second != v.lanesProperty().get(), "a plan waits no longer than the longest wait");
  }

  @Test
  void aCancelledLoadEndsCancelledAndKeepsWhatWasShown() {
    HeldTaskRunner held = new HeldTaskRunner();
    SourcesViewModel v = new SourcesViewModel(held, SourceLoads.defaults());
    v.open(List.of(UiFixtures.capture("dnscap-dns.pcap.gz")), workspaces::add);
    held.runNext();

    v.cancelLoads();
    held.runAll();

    assertEquals(SourceState.CANCELLED, v.sources().get(0).state());
    assertFalse(v.loadingProperty().get());
  }

  @Test
  void closingASourceDropsItsLanesAndMovesTheReference() {
    Path cap = UiFixtures.capture("pktvisor-dns_udp_mixed_rcode.pcap");
    Path exp = UiFixtures.export("unbound-control-stats_netdata-common.txt");
    vm.open(List.of(exp, cap), workspaces::add);
    Source capture = vm.sources().get(1);
    assertEquals(capture, vm.referenceProperty().get(), "a capture is the reference when there is one");

    vm.close(capture);

    assertEquals(vm.sources().get(0), vm.referenceProperty().get());
    assertTrue(vm.lanesProperty().get().plan().lanes().stream().noneMatch(l -> l.key().startsWith(cap.getFileName() + "/")));
    vm.closeAll();
    assertNull(vm.referenceProperty().get());
    assertNull(vm.extentProperty().get());
  }

  @Test
  void aTimeZoneReadsTheExportsLocalTimesAgainInThatZone() {
    vm.open(List.of(UiFixtures.shiftedExport()), workspaces::add);
    Source s = only();
    TimeRange asUtc = vm.extentProperty().get();

    vm.setZone(s, ZoneId.of("Europe/Berlin"));

    assertEquals(SourceState.READY, s.state());
    assertEquals(asUtc.shift(-3600 * S), vm.extentProperty().get(), "Berlin is UTC+1 in November");
    assertEquals(ZoneId.of("Europe/Berlin"), s.setting().zone());
  }

  @Test
  void theCoarsenessWarningAppearsWhenTheWindowIsNarrowerThanTwentyIntervals() {
    vm.open(List.of(UiFixtures.demo().resolve("unbound-stats.txt")), workspaces::add);
    Source s = only();
    TimeRange all = vm.extentProperty().get();
    long mid = all.startNanos() + all.durationNanos() / 2;

    vm.updateCoarseness(new TimeRange(mid, mid + 60 * S));
    assertEquals("", s.coarsenessProperty().get(), "a minute is 60 one-second values: fine");

    vm.updateCoarseness(new TimeRange(mid, mid + 10 * S));
    String warning = s.coarsenessProperty().get();
    assertTrue(warning.matches("one value per 1(\\.\\d+)?s: too coarse for features of 500ms at this zoom"), warning);
  }
}
