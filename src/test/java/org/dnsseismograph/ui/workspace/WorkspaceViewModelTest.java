package org.dnsseismograph.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dnsseismograph.render.LanePlanner;
import org.dnsseismograph.render.Palette;
import org.dnsseismograph.series.EventSeries;
import org.dnsseismograph.series.MetricId;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.ui.timeline.TimelineViewModel;
import org.dnsseismograph.workspace.AddAnnotation;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationBook;
import org.dnsseismograph.workspace.AnnotationKind;
import org.dnsseismograph.workspace.Autosave;
import org.dnsseismograph.workspace.ContentHash;
import org.dnsseismograph.workspace.EditHistory;
import org.dnsseismograph.workspace.RecoveryStore;
import org.dnsseismograph.workspace.SourceRef;
import org.dnsseismograph.workspace.Workspace;
import org.dnsseismograph.workspace.WorkspaceJson;
import org.dnsseismograph.workspace.WorkspaceSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Save, Save as, Open and the questions on the way, with a real capture, real files and the real
 * autosave, run on the test thread (both executors inline) with a scripted analyst.
 */
class WorkspaceViewModelTest {
  static final Path CAPTURE = Path.of("src/test/resources/pcap/pktvisor-dns_udp_mixed_rcode.pcap");
  private static final long S = 1_000_000_000L;
  @TempDir Path dir;
  private final AnnotationBook book = new AnnotationBook();
  private final EditHistory history = new EditHistory();
  private final ScriptedDialogs analyst = new ScriptedDialogs();
  private RecoveryStore store;
  private Autosave autosave;
  private WorkspaceSession session;
  private TimelineViewModel timeline;
  private WorkspaceViewModel vm;
  private Path file;
  private Path capture;

  @BeforeEach
  void savedWorkspaceBesideItsCapture() throws IOException {
    store = new RecoveryStore(dir.resolve("state/recovery"));
    autosave = new Autosave(store, 0, Clock.systemUTC());
    session = new WorkspaceSession(book, history, autosave);
    SeriesSet placeholder = SeriesSet.of("none", List.of(EventSeries.of(MetricId.of("dns.queries"), new TimeRange(0, S), 1)));
    timeline = new TimelineViewModel(new LanePlanner(Palette.STANDARD).plan(List.of(placeholder)), new TimeRange(0, S), Runnable::run);
    vm = new WorkspaceViewModel(session, analyst, new TimelineDisplay(timeline, Runnable::run, Runnable::run), Runnable::run, Runnable::run);
    vm.bindTimeline(timeline);
    file = dir.resolve("case/incident.seismograph.json");
    capture = file.resolveSibling("mixed.pcap");
    Files.createDirectories(file.getParent());
    Files.copy(CAPTURE, capture);
    Workspace w = new Workspace("mixed rcodes", List.of(new SourceRef("mixed.pcap", "mixed.pcap", ContentHash.of(CAPTURE), 0, "")),
        List.of(), null, List.of());
    WorkspaceJson.save(w, file);
  }

  @AfterEach
  void stop() {
    autosave.close();
  }

  private static boolean done(java.util.concurrent.CompletableFuture<Boolean> f) {
    try {
      return f.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private void edit() {
    history.execute(new AddAnnotation(book, Annotation.drawn(AnnotationKind.NOTE, new TimeRange(timeline.extent().startNanos(),
        timeline.extent().startNanos()), "first query")));
  }

  private void waitForAutosave() throws InterruptedException {
    for (int i = 0; i < 500 && !autosave.isCurrent(); i++) {
      TimeUnit.MILLISECONDS.sleep(10);
    }
    assertTrue(autosave.isCurrent());
  }

  @Test
  void openingShowsTheCaptureAndTheTitleMarksUnsavedChanges() throws IOException {
    assertEquals("Untitled — DNS Seismograph", vm.windowTitleProperty().get());
    assertTrue(done(vm.open(file)));
    assertEquals("incident.seismograph.json — DNS Seismograph", vm.windowTitleProperty().get());
    assertEquals(List.of(), analyst.asked, "nothing to ask");
    assertTrue(timeline.plan().lanes().stream().anyMatch(l -> l.key().startsWith("mixed.pcap/")), "the capture's lanes");
    assertEquals("2021-06-15T14:45:24", timeline.extent().start().toString().substring(0, 19), "tshark: the first query at 14:45:24.607");
    assertFalse(session.isModified(), "the saved lanes as the timeline made them are no change");
    edit();
    assertEquals("*incident.seismograph.json — DNS Seismograph", vm.windowTitleProperty().get());
    assertTrue(vm.modifiedProperty().get());
    assertTrue(done(vm.save()));
    assertEquals("incident.seismograph.json — DNS Seismograph", vm.windowTitleProperty().get());
    assertEquals(1, WorkspaceJson.load(file).annotations().size());
  }

  @Test
  void hidingALaneIsAChangeAndMovingTheViewIsNot() throws IOException {
    done(vm.open(file));
    TimeRange all = timeline.visibleRange();
    timeline.zoomTo(new TimeRange(all.startNanos(), all.startNanos() + 10 * S));
    assertFalse(session.isModified());
    String key = timeline.plan().lanes().get(0).key();
    timeline.setLaneVisible(key, false);
    assertTrue(session.isModified());
    done(vm.save());
    Workspace saved = WorkspaceJson.load(file);
    assertEquals(new TimeRange(all.startNanos(), all.startNanos() + 10 * S), saved.view());
    assertFalse(saved.lanes().stream().filter(l -> l.key().equals(key)).findFirst().orElseThrow().visible());
  }

  @Test
  void saveAsAsksWhereAndGivesTheFileItsExtension() throws IOException {
    done(vm.open(file));
    edit();
    analyst.answer(dir.resolve("copy"));
    assertTrue(done(vm.saveAs()));
    Path copy = dir.resolve("copy.seismograph.json");
    assertEquals(copy.toAbsolutePath(), session.file());
    assertEquals("case/mixed.pcap", WorkspaceJson.load(copy).sources().get(0).path(), "relative to the new file");
    assertEquals("copy.seismograph.json — DNS Seismograph", vm.windowTitleProperty().get());
  }

  @Test
  void anUntitledSessionSavesAs() throws IOException {
    edit();
    analyst.answer(dir.resolve("new.json"));
    assertTrue(done(vm.save()));
    assertEquals(List.of("save where? (incident.seismograph.json)"), analyst.asked);
    assertTrue(Files.exists(dir.resolve("new.json")));
  }

  @Test
  void aWorkspaceTheProgramShipsIsNeverWrittenOverSaveAsksWhereStartingAtHome() throws IOException {
    // The bundled demo sits in the program's assets: installed, not the analyst's to write; checked out, a fixture.
    vm.setBundledDirectory(dir.resolve("case"));
    done(vm.open(file));
    assertTrue(vm.isBundled());
    byte[] shipped = Files.readAllBytes(file);
    edit();
    analyst.answer(dir.resolve("mine"));

    assertTrue(done(vm.save()));

    assertEquals(List.of("save where? (incident.seismograph.json)"), analyst.asked, "Save asks where, as for an untitled one");
    assertArrayEquals(shipped, Files.readAllBytes(file), "the shipped file is as it was");
    assertEquals(dir.resolve("mine.seismograph.json").toAbsolutePath(), session.file());
    assertEquals(1, WorkspaceJson.load(session.file()).annotations().size());
    assertFalse(vm.isBundled(), "the analyst's copy is saved in place from now on");
    assertEquals(dir.resolve("demo.png").toAbsolutePath(), vm.suggestedFile("demo.png"), "beside the analyst's own workspace");
  }

  @Test
  void whatIsSavedOrExportedFromTheBundledDemoIsSuggestedAtHome() throws IOException {
    vm.setBundledDirectory(dir.resolve("case"));
    done(vm.open(file));
    Path home = Path.of(System.getProperty("user.home"));
    assertEquals(home.resolve("incident.png"), vm.suggestedFile("incident.png"));
    vm.setBundledDirectory(dir.resolve("elsewhere"));
    assertEquals(file.resolveSibling("incident.png"), vm.suggestedFile("incident.png"), "an analyst's workspace: beside it");
  }

  @Test
  void openingWithUnsavedChangesAsksAndCancelKeepsThem() {
    done(vm.open(file));
    edit();
    analyst.answer(SessionDialogs.Unsaved.CANCEL);
    assertFalse(done(vm.open(file)));
    assertEquals(1, book.size());
    analyst.answer(SessionDialogs.Unsaved.DISCARD);
    assertTrue(done(vm.open(file)));
    assertEquals(0, book.size());
    assertFalse(session.isModified());
  }

  @Test
  void aNewerRecoveryCopyIsOfferedAndRestoredOrDeclinedAndDeleted() throws Exception {
    done(vm.open(file));
    edit();
    waitForAutosave();
    Workspace crashed = session.snapshot();
    analyst.answer(SessionDialogs.Unsaved.DISCARD);
    assertTrue(done(vm.open(file)));
    waitForAutosave();
    assertTrue(store.find(file).isEmpty(), "discarding the changes discards their copy");

    store.write(crashed, file, Instant.now().plusSeconds(2));
    analyst.answer(true);
    assertTrue(done(vm.open(file)));
    assertTrue(analyst.asked.get(analyst.asked.size() - 1).startsWith("restore 1 annotations, unsaved edits of incident.seismograph.json"));
    assertEquals(crashed, session.snapshot());
    assertTrue(session.isModified(), "restored edits are unsaved until saved");
    assertEquals("Restored unsaved edits of incident.seismograph.json", vm.statusProperty().get());

    analyst.answer(SessionDialogs.Unsaved.DISCARD, false);
    store.write(crashed, file, Instant.now().plusSeconds(2));
    assertTrue(done(vm.open(file)));
    assertEquals(0, book.size(), "declined: the file as saved");
    waitForAutosave();
    assertTrue(store.find(file).isEmpty(), "and the copy is gone");
  }

  @Test
  void aMovedSourceIsLocatedByTheAnalystAndAnotherMarkedMissing() throws IOException {
    Path moved = dir.resolve("elsewhere/renamed.pcap");
    Files.createDirectories(moved.getParent());
    Files.move(capture, moved);
    Workspace two = WorkspaceJson.load(file).withSources(List.of(WorkspaceJson.load(file).sources().get(0), new SourceRef("gone.csv",
        "gone.csv", "sha256:00", 0, ""))).withAnnotations(List.of(Annotation.drawn(AnnotationKind.NOTE, new TimeRange(S, S), "kept")));
    WorkspaceJson.save(two, file);
    analyst.answer(SessionDialogs.SourceAnswer.locatedAt(moved), SessionDialogs.SourceAnswer.markMissing());
    assertTrue(done(vm.open(file)));
    assertEquals(2, analyst.asked.size());
    assertTrue(analyst.asked.get(0).startsWith("where is mixed.pcap: missing"), analyst.asked.get(0));
    assertEquals(moved.toAbsolutePath().toString(), session.sources().get(0).path());
    assertEquals(List.of("mixed.pcap"), session.loadable().stream().map(SourceRef::name).toList());
    assertEquals(java.util.Set.of("gone.csv"), session.missing());
    assertEquals(1, book.size(), "the annotations are kept");
    assertTrue(session.isModified(), "the new place is a change to save");
    assertTrue(timeline.plan().lanes().stream().anyMatch(l -> l.key().startsWith("mixed.pcap/")), "loaded from its new place");
    assertTrue(vm.statusProperty().get().endsWith("(1 source relocated, 1 missing)"), vm.statusProperty().get());
  }

  @Test
  void aChangedSourceIsAskedAboutToo() throws IOException {
    Files.write(capture, Files.readAllBytes(CAPTURE.resolveSibling("dnscap-edns.pcap")));
    analyst.answer(SessionDialogs.SourceAnswer.locatedAt(capture));
    assertTrue(done(vm.open(file)));
    assertTrue(analyst.asked.get(0).startsWith("where is mixed.pcap: changed since the workspace was saved"), analyst.asked.get(0));
    assertEquals(ContentHash.of(capture), session.sources().get(0).contentHash(), "the analyst vouched for the file as it is now");
  }

  @Test
  void aFileThatCannotBeReadOrWrittenIsSaidOnceAndNothingChanges() throws IOException {
    Path garbage = dir.resolve("garbage.json");
    Files.writeString(garbage, "{ not json");
    assertFalse(done(vm.open(garbage)));
    assertEquals(1, analyst.errors.size());
    assertTrue(analyst.errors.get(0).startsWith("Cannot open garbage.json: garbage.json: not a workspace: the file is not valid JSON"),
        analyst.errors.get(0));
    edit();
    Path blocked = dir.resolve("a-file");
    Files.writeString(blocked, "x");
    assertFalse(done(vm.saveTo(blocked.resolve("w.json"))));
    assertTrue(session.isModified());
    assertEquals(2, analyst.errors.size());
  }

  @Test
  void atStartTheNewestRecoveryCopyIsOffered() throws Exception {
    Workspace crashed = WorkspaceJson.load(file).withTitle("from the crash");
    store.write(crashed.withSources(List.of(new SourceRef("mixed.pcap", capture.toAbsolutePath().toString(), ContentHash.of(CAPTURE), 0,
        ""))), null, Instant.now());
    analyst.answer(true);
    assertTrue(done(vm.restoreAtStart()));
    assertEquals("from the crash", session.title());
    assertEquals("*Untitled — DNS Seismograph", vm.windowTitleProperty().get());
  }

  @Test
  void closingWithUnsavedChangesAsksAndSaving() throws IOException {
    done(vm.open(file));
    edit();
    analyst.answer(SessionDialogs.Unsaved.SAVE);
    assertTrue(done(vm.close()));
    assertEquals(1, WorkspaceJson.load(file).annotations().size());
    assertTrue(store.find(file).isEmpty());
  }
}
