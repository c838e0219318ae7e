package org.dnsseismograph.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.dnsseismograph.series.TimeRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryStoreTest {
  private static final long S = 1_000_000_000L;
  private static final long T0 = 1_795_633_755_658_124_000L;
  private static final Instant SAVED = Instant.parse("2026-11-25T19:20:00Z");
  @TempDir Path dir;

  private static final Workspace EDITED = Workspace.empty().withTitle("storm").withSources(List.of(new SourceRef("capture.pcap.gz", "/cases/capture.pcap.gz", "sha256:ab", 0,
        ""))).withView(new TimeRange(T0 - S, T0 + S)).withAnnotations(List.of(Annotation.drawn(AnnotationKind.OUTAGE,
            new TimeRange(T0, T0 + 20_010_132_000L), "example.test dark")));

  static Workspace edited() {
    return EDITED;
  }

  private Path savedWorkspace(Instant modified) throws IOException {
    Path f = dir.resolve("incident.seismograph.json");
    WorkspaceJson.save(Workspace.empty(), f);
    Files.setLastModifiedTime(f, FileTime.from(modified));
    return f;
  }

  @Test
  void aCopyNewerThanItsWorkspaceIsFoundWhole() throws IOException {
    Path file = savedWorkspace(SAVED);
    RecoveryStore store = new RecoveryStore(dir.resolve("state/recovery"));
    store.write(edited(), file, SAVED.plusSeconds(30));
    Recovery r = store.find(file).orElseThrow();
    assertEquals(edited(), r.workspace());
    assertEquals(file.toAbsolutePath(), r.workspaceFile());
    assertEquals(SAVED.plusSeconds(30), r.writtenAt());
    assertEquals(List.of(r), store.pending());
    assertTrue(r.describe().startsWith("1 annotations, unsaved edits of incident.seismograph.json"), r.describe());
  }

  @Test
  void aCopyOlderThanTheSavedWorkspaceIsNotOffered() throws IOException {
    Path file = savedWorkspace(SAVED);
    RecoveryStore store = new RecoveryStore(dir.resolve("state"));
    store.write(edited(), file, SAVED.minusSeconds(1));
    assertTrue(store.find(file).isEmpty());
    assertTrue(store.pending().isEmpty());
  }

  @Test
  void eachWorkspaceFileHasItsOwnCopyAndAnUntitledSessionOneMore() throws IOException {
    RecoveryStore store = new RecoveryStore(dir);
    Path a = dir.resolve("a/incident.json");
    Path b = dir.resolve("b/incident.json");
    assertNotEquals(store.fileFor(a), store.fileFor(b), "same name, other folder");
    store.write(edited().withTitle("a"), a, SAVED);
    store.write(edited().withTitle("untitled"), null, SAVED.plusSeconds(1));
    assertEquals("a", store.find(a).orElseThrow().workspace().title(), "a file that no longer exists: its copy is offered");
    assertTrue(store.find(b).isEmpty());
    Recovery untitled = store.find(null).orElseThrow();
    assertNull(untitled.workspaceFile());
    assertEquals(List.of("untitled", "a"), store.pending().stream().map(r -> r.workspace().title()).toList(), "newest first");
    assertTrue(store.discard(a));
    assertFalse(store.discard(a));
    assertTrue(store.find(a).isEmpty());
  }

  @Test
  void anUnreadableCopyIsSkippedNotThrown() throws IOException {
    RecoveryStore store = new RecoveryStore(dir);
    Path file = dir.resolve("x.json");
    Files.writeString(store.fileFor(file), "{\"format\": \"dns-seismograph-recovery\", \"writtenAt\": \"yesterday\"");
    Files.writeString(store.fileFor(null), "{\"format\": \"something else\"}");
    assertTrue(store.find(file).isEmpty());
    assertTrue(store.find(null).isEmpty());
    assertTrue(store.pending().isEmpty());
  }

  @Test
  void theStateDirectoryIsThePropertyElseXdgStateHomeElseHomeLocalState() {
    Properties p = new Properties();
    p.setProperty("user.home", "/home/ana");
    assertEquals(Path.of("/home/ana/.local/state/dns-seismograph"), RecoveryStore.stateDir(p, Map.of()));
    assertEquals(Path.of("/xdg/state/dns-seismograph"), RecoveryStore.stateDir(p, Map.of("XDG_STATE_HOME", "/xdg/state")));
    p.setProperty("seismograph.state.dir", "/tmp/test-state");
    assertEquals(Path.of("/tmp/test-state"), RecoveryStore.stateDir(p, Map.of("XDG_STATE_HOME", "/xdg/state")));
  }
}
