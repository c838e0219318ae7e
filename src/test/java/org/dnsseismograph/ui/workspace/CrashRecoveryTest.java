package org.dnsseismograph.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationState;
import org.dnsseismograph.workspace.ContentHash;
import org.dnsseismograph.workspace.RecoveryStore;
import org.dnsseismograph.workspace.SourceRef;
import org.dnsseismograph.workspace.Workspace;
import org.dnsseismograph.workspace.WorkspaceJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing an analyst marked is lost when the program is killed: a child JVM ({@link CrashSession})
 * opens a workspace on the real demo capture, edits it through the session and autosave code,
 * and is killed with SIGKILL; a new session on the same state directory offers the recovery copy
 * and restores the edits exactly, while the saved workspace file stays as it was.
 */
class CrashRecoveryTest {
  private static final Path CAPTURE = Path.of("assets/demo/capture.pcap.gz");
  @TempDir Path dir;

  /** A saved workspace beside a copy of the demo capture. */
  private Path workspace() throws IOException {
    Path file = dir.resolve("case/demo.seismograph.json");
    Files.createDirectories(file.getParent());
    Files.copy(CAPTURE, file.resolveSibling("capture.pcap.gz"));
    WorkspaceJson.save(new Workspace("demo", List.of(new SourceRef("capture.pcap.gz", "capture.pcap.gz", ContentHash.of(CAPTURE), 0, "")),
        List.of(), null, List.of()), file);
    return file;
  }

  private Process child(Path file, String... more) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), "-Djava.awt.headless=true", "-Dseismograph.state.dir=" + dir.resolve("state"),
        CrashSession.class.getName(), file.toString()));
    cmd.addAll(List.of(more));
    return new ProcessBuilder(cmd).redirectError(dir.resolve("child-stderr.txt").toFile()).start();
  }

  /** Reads the child's lines until EDITED; returns the state it announced. */
  private Workspace untilEdited(Process p, BufferedReader lines) throws IOException {
    Workspace state = null;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.startsWith("STATE ")) {
        state = WorkspaceJson.read(new String(Base64.getDecoder().decode(line.substring(6)), StandardCharsets.UTF_8));
      } else if (line.equals("EDITED")) {
        return state;
      }
    }
    throw new AssertionError("the child ended before editing: " + Files.readString(dir.resolve("child-stderr.txt")));
  }

  private static void kill(Process p) throws InterruptedException {
    p.destroyForcibly();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(128 + 9, p.exitValue(), "killed by SIGKILL");
  }

  private CrashSession.Session reopen(Path file, ScriptedDialogs analyst) throws Exception {
    CrashSession.Session s = CrashSession.Session.open(new RecoveryStore(dir.resolve("state/recovery")), 0, analyst);
    assertTrue(s.workspace.open(file).get(60, TimeUnit.SECONDS));
    return s;
  }

  @Test
  void aKilledSessionsEditsAreOfferedAndRestoredExactly() throws Exception {
    Path file = workspace();
    byte[] saved = Files.readAllBytes(file);
    Process p = child(file);
    Workspace edited;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      edited = untilEdited(p, lines);
      assertTrue(p.isAlive(), "still open, mid-session");
      kill(p);
    }
    assertArrayEquals(saved, Files.readAllBytes(file), "the saved workspace is untouched");
    assertEquals(3, edited.annotations().size(), "two proposals and a note");

    ScriptedDialogs analyst = new ScriptedDialogs().answer(true);
    CrashSession.Session s = reopen(file, analyst);
    assertEquals(1, analyst.asked.size());
    assertTrue(analyst.asked.get(0).startsWith("restore 3 annotations, unsaved edits of demo.seismograph.json"), analyst.asked.get(0));
    assertEquals(edited, s.session.snapshot(), "every edit, to the nanosecond and the character");
    assertEquals(edited.view(), s.timeline.visibleRange(), "the view");
    assertEquals(edited.lanes().get(1).visible(), s.timeline.plan().isVisible(edited.lanes().get(1).key()));
    assertFalse(s.timeline.plan().isVisible(edited.lanes().get(1).key()), "the hidden lane stays hidden");
    assertTrue(s.session.isModified(), "restored, not yet saved");
    assertEquals("*demo.seismograph.json — DNS Seismograph", s.workspace.windowTitleProperty().get());
    Annotation outage = s.session.book().all().get(0);
    assertEquals(AnnotationState.EDITED, outage.state());
    assertEquals(AnnotationState.REJECTED, s.session.book().all().get(1).state());

    assertTrue(s.workspace.save().get(10, TimeUnit.SECONDS));
    s.session.closeDiscarding();
    assertEquals(edited.annotations(), WorkspaceJson.load(file).annotations());
    ScriptedDialogs nobody = new ScriptedDialogs();
    reopen(file, nobody);
    assertEquals(List.of(), nobody.asked, "once saved, nothing is offered again");
  }

  @Test
  void aKillInTheMiddleOfEditsAndWritesLeavesAWholeCopyWithEverythingUpToAMomentBefore() throws Exception {
    Path file = workspace();
    Process p = child(file, "keep-editing");
    Workspace edited;
    long lastApplied = 0;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      edited = untilEdited(p, lines);
      long since = System.nanoTime();
      // Ten autosave moments of renaming, so several copies were written and the kill lands in the middle of more.
      long editing = TimeUnit.MILLISECONDS.toNanos(10 * CrashSession.AUTOSAVE_MILLIS);
      for (String line = lines.readLine(); line != null && System.nanoTime() - since < editing; line = lines.readLine()) {
        lastApplied = Long.parseLong(line.substring("APPLIED ".length()));
      }
      kill(p);
    }
    ScriptedDialogs analyst = new ScriptedDialogs().answer(true);
    CrashSession.Session s = reopen(file, analyst);
    List<Annotation> restored = s.session.book().all();
    assertEquals(edited.annotations().subList(0, 2), restored.subList(0, 2), "the edits before the signal, exactly");
    String label = restored.get(2).label();
    assertTrue(label.matches("edit \\d+"), "a whole state from the middle of the renaming: " + label);
    long k = Long.parseLong(label.substring(5));
    assertTrue(k >= 1, "an edit the child made: " + k + " (" + lastApplied + " seen applied before the kill)");
    assertEquals(edited.annotations().get(2).text(), restored.get(2).text());
  }
}
