package org.dnsseismograph.ui.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import org.dnsseismograph.analysis.LoadResult;
import org.dnsseismograph.series.ColumnBuffer;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.testsupport.FrameCopies;
import org.dnsseismograph.ui.UiFixtures;
import org.dnsseismograph.ui.common.CurrentThreadTaskRunner;
import org.dnsseismograph.workspace.SourceRef;
import org.dnsseismograph.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A capture rotated into several files, opened in the window: one source, read as the whole capture. */
class RotatedSourceTest {
  /** The lab's recorded run of two real resolvers (lab/demo), one file. */
  private static final Path WHOLE = UiFixtures.demo().resolve("capture.pcap.gz");

  @TempDir
  Path dir;

  private final CurrentThreadTaskRunner tasks = new CurrentThreadTaskRunner();
  private final SourcesViewModel vm = new SourcesViewModel(tasks, SourceLoads.defaults());

  /** The frames of the whole capture whose number passes {@code keep}, written to {@code name}. */
  private Path piece(String name, LongPredicate keep) throws IOException {
    return FrameCopies.copy(WHOLE, dir.resolve(name), keep);
  }

  private static long frames() throws IOException {
    return FrameCopies.frameCount(WHOLE);
  }

  /** Each metric's columns over the set's extent, as text, for comparing two reads of the same traffic. */
  private static List<String> columns(SeriesSet set) {
    List<String> out = new ArrayList<>();
    for (MetricId id : set.ids()) {
      ColumnBuffer b = new ColumnBuffer();
      set.get(id).reduce(set.extent(), 400, b);
      StringBuilder line = new StringBuilder(id.toString());
      for (int i = 0; i < b.columns(); i++) {
        line.append(' ').append(b.hasData(i) ? b.value(i) + "/" + b.max(i) : "-");
      }
      out.add(line.toString());
    }
    return out;
  }

  @Test
  void piecesOpenedTogetherAreOneSourceWithTheWholeCapturesLanes() throws Exception {
    long n = frames();
    long third = n / 3;
    Path p0 = piece("capture.0.pcap", i -> i < third);
    Path p1 = piece("capture.1.pcap", i -> i >= third && i < 2 * third);
    Path p2 = piece("capture.2.pcap", i -> i >= 2 * third);
    LoadResult whole = SourcesViewModelTest.loadDirectly(WHOLE);

    vm.open(List.of(p2, p0, p1), w -> { });

    assertEquals(1, vm.sources().size(), vm.sources().toString());
    Source s = vm.sources().get(0);
    assertEquals(SourceState.READY, s.state(), s.failureProperty().get());
    assertEquals("capture.0.pcap +2", s.name());
    assertEquals(List.of(p0, p1, p2), s.files());
    assertEquals(n, s.figuresProperty().get().frames());
    assertEquals(whole.snapshot().dispatch().messages(), s.figuresProperty().get().dnsMessages());
    assertEquals(whole.snapshot().transactions().size(), s.transactionsProperty().get().size());
    List<String> wholeColumns = columns(whole.snapshot().series());
    assertTrue(wholeColumns.size() > 10, wholeColumns.toString());
    assertEquals(wholeColumns, columns(s.seriesProperty().get()));
    assertTrue(s.descriptionProperty().get().contains(" in 3 files"), s.descriptionProperty().get());
    assertEquals("", s.warningProperty().get());
    assertTrue(!s.piecesOverlapProperty().get());
    assertTrue(SourceCard.filesText(s.files()).startsWith("3 files of one capture in " + dir), SourceCard.filesText(s.files()));
  }

  @Test
  void aFolderOfPiecesOpensAsTheirCaptureAndAFolderOfAnythingElseStaysASnapshotSequence() throws Exception {
    long n = frames();
    Path rotated = Files.createDirectories(dir.resolve("dump"));
    Path p0 = FrameCopies.copy(WHOLE, rotated.resolve("dump.pcap"), i -> i < n / 2);
    Path p1 = FrameCopies.copy(WHOLE, rotated.resolve("dump.pcap1"), i -> i >= n / 2);
    Files.writeString(rotated.resolve(".hidden-notes"), "not read");
    Path mixed = Files.createDirectories(dir.resolve("mixed"));
    FrameCopies.copy(WHOLE, mixed.resolve("dump.pcap"), i -> i < 10);
    Files.writeString(mixed.resolve("notes.txt"), "seen at 12:00\n");

    vm.open(List.of(rotated, mixed), w -> { });

    assertEquals(2, vm.sources().size(), vm.sources().toString());
    Source s = vm.sources().get(0);
    assertEquals(SourceState.READY, s.state(), s.failureProperty().get());
    assertEquals(List.of(p0, p1), s.files());
    assertEquals(n, s.figuresProperty().get().frames());
    Source other = vm.sources().get(1);
    assertEquals(SourceKind.EXPORT, other.kind());
    assertEquals(List.of(mixed), other.files());
  }

  @Test
  void theWorkspaceKeepsThePiecesAndOpensThemAgainAsOneSource() throws Exception {
    long n = frames();
    Path p0 = piece("capture.0.pcap", i -> i < n / 2);
    Path p1 = piece("capture.1.pcap", i -> i >= n / 2);
    vm.open(List.of(p1, p0), w -> { });
    Source s = vm.sources().get(0);

    Workspace w = WorkspaceSources.current("t", List.of(s), null, null, List.of());
    SourceRef ref = w.sources().get(0);
    assertEquals(p0.toString(), ref.path());
    assertEquals(List.of("capture.1.pcap"), ref.parts());
    assertEquals(s.contentHash(), ref.contentHash());

    SourcesViewModel again = new SourcesViewModel(tasks, SourceLoads.defaults());
    again.openAll(WorkspaceSources.openings(w, null, new ArrayList<>()), x -> { });
    assertEquals(1, again.sources().size());
    Source restored = again.sources().get(0);
    assertEquals(List.of(p0, p1), restored.files());
    assertEquals(n, restored.figuresProperty().get().frames());
    assertEquals("", restored.warningProperty().get(), "the hash over both files matches the one saved");
  }

  @Test
  void capturesOfTwoPlacesNamedAlikeAreWarnedAboutWhenTheirTimesOverlap() throws Exception {
    Path ns1 = piece("ns1.pcap", i -> i % 2 == 0);
    Path ns2 = piece("ns2.pcap", i -> i % 2 == 1);

    vm.open(List.of(ns1, ns2), w -> { });

    Source s = vm.sources().get(0);
    assertEquals(SourceState.READY, s.state());
    assertTrue(s.warningProperty().get().startsWith("its files overlap in time"), s.warningProperty().get());
    assertTrue(s.piecesOverlapProperty().get());

    vm.openApart(s);

    assertEquals(List.of("ns1.pcap", "ns2.pcap"), vm.sources().stream().map(Source::name).toList());
    for (Source apart : vm.sources()) {
      assertEquals(SourceState.READY, apart.state());
      assertEquals("", apart.warningProperty().get());
    }
  }

  @Test
  void filesOfOtherNamesStayApart() throws Exception {
    Path a = piece("resolver-a.pcap", i -> i < 100);
    Path b = piece("resolver-b.pcap", i -> i >= 100 && i < 200);
    Files.writeString(dir.resolve("notes1.txt"), "not a capture");
    Files.writeString(dir.resolve("notes2.txt"), "not a capture");

    vm.open(List.of(a, dir.resolve("notes1.txt"), b, dir.resolve("notes2.txt")), w -> { });

    assertEquals(List.of("resolver-a.pcap", "notes1.txt", "resolver-b.pcap", "notes2.txt"), vm.sources().stream().map(Source::name).toList());
  }
}
