package org.dnsseismograph.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dnsseismograph.series.TimeRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceSessionTest {
  private static final long S = 1_000_000_000L;
  private static final long T0 = 1_795_633_755_658_124_000L;
  @TempDir Path dir;
  private final AnnotationBook book = new AnnotationBook();
  private final EditHistory history = new EditHistory();
  private RecoveryStore store;
  private Autosave autosave;
  private WorkspaceSession session;
  private Path file;

  @BeforeEach
  void openSavedWorkspace() throws IOException {
    store = new RecoveryStore(dir.resolve("state"));
    autosave = new Autosave(store, 0, Clock.systemUTC());
    session = new WorkspaceSession(book, history, autosave);
    file = dir.resolve("case/incident.seismograph.json");
    Workspace w = new Workspace("storm", List.of(new SourceRef("capture.pcap.gz", "capture.pcap.gz", "sha256:ab", 0, ""),
        new SourceRef("stats.csv", "/elsewhere/stats.csv", "", 2 * S, "Europe/Berlin")), List.of(new LaneSettings("a", true, 100)),
        new TimeRange(T0, T0 + 60 * S), List.of(Annotation.drawn(AnnotationKind.NOTE, new TimeRange(T0, T0), "first")));
    WorkspaceJson.save(w, file);
    session.open(WorkspaceJson.load(file), file);
  }

  @AfterEach
  void stopAutosave() {
    autosave.close();
  }

  private void waitUntilWritten() throws InterruptedException {
    for (int i = 0; i < 500 && !autosave.isCurrent(); i++) {
      TimeUnit.MILLISECONDS.sleep(10);
    }
    assertTrue(autosave.isCurrent(), "autosave caught up");
  }

  @Test
  void anOpenedWorkspaceHoldsAbsolutePathsAndIsUnmodified() {
    assertEquals(file.toAbsolutePath(), session.file());
    assertEquals("incident.seismograph.json", session.displayName());
    assertEquals(dir.resolve("case/capture.pcap.gz").toAbsolutePath().toString(), session.sources().get(0).path());
    assertEquals("/elsewhere/stats.csv", session.sources().get(1).path());
    assertFalse(session.isModified());
    assertEquals(1, book.size());
  }

  @Test
  void savingAgainWritesTheSameFileContent() throws IOException {
    String before = Files.readString(file);
    session.saveTo(file);
    assertEquals(before, Files.readString(file), "relative paths stay relative, nothing else moves");
  }

  @Test
  void anEditMakesItModifiedAndUndoingItBackClearsThat() {
    history.execute(new AddAnnotation(book, Annotation.drawn(AnnotationKind.SPIKE, new TimeRange(T0, T0 + S), "burst")));
    assertTrue(session.isModified());
    history.undo();
    assertFalse(session.isModified());
  }

  @Test
  void lanesTitleOffsetsAreChangesButMovingTheViewIsNot() {
    session.setView(new TimeRange(T0 + S, T0 + 2 * S));
    assertFalse(session.isModified());
    session.setLanes(List.of(new LaneSettings("a", false, 100)));
    assertTrue(session.isModified());
    session.beginSave(file);
    session.finishSave(session.beginSave(file));
    assertFalse(session.isModified());
    session.setOffset("stats.csv", 3 * S);
    assertTrue(session.isModified());
    assertEquals(3 * S, session.sources().get(1).offsetNanos());
  }

  @Test
  void aHashLearntByLoadingIsNoChangeButAnotherHashIs() {
    List<SourceRef> loaded = session.sources().stream()
        .map(r -> r.contentHash().isEmpty() ? new SourceRef(r.name(), r.path(), "sha256:cd", r.offsetNanos(), r.timeZone()) : r).toList();
    session.setSources(loaded);
    assertEquals("sha256:cd", session.sources().get(1).contentHash(), "kept, and saved with the next save");
    assertFalse(session.isModified(), "loading the stats learnt their hash");
    List<SourceRef> replaced = session.sources().stream()
        .map(r -> new SourceRef(r.name(), r.path(), "sha256:ef", r.offsetNanos(), r.timeZone())).toList();
    session.setSources(replaced);
    assertTrue(session.isModified(), "a known hash replaced is a different file");
  }

  @Test
  void anEditMadeWhileTheFileIsBeingWrittenStaysUnsaved() throws IOException {
    history.execute(new AddAnnotation(book, Annotation.drawn(AnnotationKind.SPIKE, new TimeRange(T0, T0 + S), "burst")));
    WorkspaceSession.SaveTicket t = session.beginSave(file);
    history.execute(ChangeAnnotation.reject(book, book.all().get(1).id()));
    WorkspaceJson.save(t.content(), t.target());
    session.finishSave(t);
    assertTrue(session.isModified(), "the reject came after the snapshot");
    assertEquals(2, WorkspaceJson.load(file).annotations().size());
    assertEquals(AnnotationState.ACCEPTED, WorkspaceJson.load(file).annotations().get(1).state());
  }

  @Test
  void saveAsElsewhereStoresPathsRelativeToTheNewFileWhenTheyAreBelowIt() throws IOException {
    Path moved = dir.resolve("incident-copy.json");
    session.saveTo(moved);
    Workspace w = WorkspaceJson.load(moved);
    assertEquals("case/capture.pcap.gz", w.sources().get(0).path());
    assertEquals("/elsewhere/stats.csv", w.sources().get(1).path());
    assertEquals(moved.toAbsolutePath(), session.file());
  }

  @Test
  void anEditIsAutosavedAndSavingDeletesTheCopy() throws Exception {
    history.execute(new AddAnnotation(book, Annotation.drawn(AnnotationKind.SPIKE, new TimeRange(T0, T0 + S), "burst")));
    waitUntilWritten();
    Recovery r = store.find(file).orElseThrow();
    assertEquals(session.snapshot(), r.workspace());
    session.saveTo(file);
    waitUntilWritten();
    assertTrue(store.find(file).isEmpty());
    assertFalse(Files.exists(store.fileFor(file)));
  }

  @Test
  void undoingBackToTheSavedStateDeletesTheCopy() throws Exception {
    history.execute(new AddAnnotation(book, Annotation.drawn(AnnotationKind.SPIKE, new TimeRange(T0, T0 + S), "burst")));
    waitUntilWritten();
    assertTrue(Files.exists(store.fileFor(file)));
    history.undo();
    waitUntilWritten();
    assertFalse(Files.exists(store.fileFor(file)));
  }

  @Test
  void openingDoesNotTouchAnEarlierSessionsCopy() throws Exception {
    store.write(session.snapshot().withTitle("from the crash"), file, Instant.now().plusSeconds(5));
    session.open(WorkspaceJson.load(file), file);
    waitUntilWritten();
    assertEquals("from the crash", store.find(file).orElseThrow().workspace().title());
  }

  @Test
  void aRestoredCopyIsModifiedUntilSaved() throws Exception {
    Workspace crashed = session.snapshot().withTitle("restored").withAnnotations(List.of());
    store.write(crashed, file, Instant.now().plusSeconds(5));
    session.restore(store.find(file).orElseThrow());
    assertEquals(crashed, session.snapshot());
    assertTrue(session.isModified());
    assertFalse(history.canUndo());
    session.saveTo(file);
    assertFalse(session.isModified());
    assertEquals("restored", WorkspaceJson.load(file).title());
  }

  @Test
  void aSourceMarkedMissingIsKeptInTheFileButNotLoaded() throws IOException {
    session.markMissing("stats.csv");
    assertEquals(List.of("capture.pcap.gz"), session.loadable().stream().map(SourceRef::name).toList());
    session.saveTo(file);
    assertEquals(2, WorkspaceJson.load(file).sources().size());
    Path found = dir.resolve("found/stats.csv");
    session.relocate("stats.csv", found, "sha256:cd");
    assertTrue(session.missing().isEmpty());
    assertEquals(found.toString(), session.sources().get(1).path());
    assertEquals("sha256:cd", session.sources().get(1).contentHash());
    assertEquals(2 * S, session.sources().get(1).offsetNanos(), "the offset stays");
    assertTrue(session.isModified());
  }

  @Test
  void anUntitledSessionHasNoFileUntilSaved() throws IOException {
    WorkspaceSession fresh = new WorkspaceSession(new AnnotationBook(), new EditHistory(), null);
    assertNull(fresh.file());
    assertEquals("Untitled", fresh.displayName());
    fresh.setTitle("new");
    assertTrue(fresh.isModified());
    fresh.saveTo(dir.resolve("new.json"));
    assertEquals("new.json", fresh.displayName());
    assertFalse(fresh.isModified());
  }
}
