package org.dnsseismograph.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.dnsseismograph.workspace.AnnotationKind;
import org.dnsseismograph.workspace.AnnotationState;
import org.dnsseismograph.workspace.ContentHash;
import org.dnsseismograph.workspace.SourceRef;
import org.dnsseismograph.workspace.Workspace;
import org.dnsseismograph.workspace.WorkspaceJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's crash test on the real application: a child JVM runs the window ({@link AppCrashChild},
 * through {@link SeismographApp#launch}, headless on Monocle) on a workspace of the demo capture,
 * accepts the outage the detector proposed and adds a note; once the autosave has written them
 * it is killed with SIGKILL. A second start of the application on the same state directory asks
 * whether to restore, and restores both edits exactly, while the saved workspace file is untouched.
 */
class AppCrashRecoveryTest {
  @TempDir Path dir;

  private Path workspace() throws IOException {
    Path capture = UiFixtures.demo().resolve("capture.pcap.gz");
    Path file = dir.resolve("case/lab.seismograph.json");
    Files.createDirectories(file.getParent());
    Files.copy(capture, file.resolveSibling("capture.pcap.gz"));
    WorkspaceJson.save(new Workspace("lab", List.of(new SourceRef("capture.pcap.gz", "capture.pcap.gz", ContentHash.of(capture), 0, "")),
        List.of(), null, List.of()), file);
    return file;
  }

  private Process child(String mode, Path file) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
        "-Djava.awt.headless=true", "-Dseismograph.state.dir=" + dir.resolve("state"), AppCrashChild.class.getName(), mode, file.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(dir.resolve("child-" + mode + "-stderr.txt").toFile());
    pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
    return pb.start();
  }

  /** Reads the child's lines until {@code last}; returns the state it printed before. */
  private Workspace until(Process p, String last, String mode) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    Workspace state = null;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.startsWith("STATE ")) {
        state = WorkspaceJson.read(new String(Base64.getDecoder().decode(line.substring(6)), StandardCharsets.UTF_8));
      } else if (line.equals(last)) {
        return state;
      } else if (line.startsWith("FAILED")) {
        throw new AssertionError(line + "\n" + Files.readString(dir.resolve("child-" + mode + "-stderr.txt")));
      }
    }
    throw new AssertionError("the child ended before " + last + ": " + Files.readString(dir.resolve("child-" + mode + "-stderr.txt")));
  }

  @Test
  void theApplicationKilledAfterAnEditRestoresItOnTheNextStart() throws Exception {
    Path file = workspace();
    byte[] saved = Files.readAllBytes(file);

    Process editing = child("edit", file);
    Workspace edited;
    try {
      edited = until(editing, "EDITED", "edit");
      assertTrue(editing.isAlive(), "still open, mid-session");
    } finally {
      editing.destroyForcibly();
    }
    assertTrue(editing.waitFor(30, TimeUnit.SECONDS));
    assertEquals(128 + 9, editing.exitValue(), "killed by SIGKILL");
    assertArrayEquals(saved, Files.readAllBytes(file), "the saved workspace is untouched");
    List<Annotation> marks = edited.annotations();
    assertEquals(2, marks.size(), marks.toString());
    assertEquals(AnnotationKind.OUTAGE, marks.get(0).kind());
    assertEquals(AnnotationState.ACCEPTED, marks.get(0).state());
    assertEquals("customer call ☎", marks.get(1).label());

    Process restarted = child("restore", file);
    Workspace restored;
    try {
      restored = until(restarted, "RESTORED", "restore");
    } finally {
      restarted.destroyForcibly();
      restarted.waitFor(30, TimeUnit.SECONDS);
    }
    assertEquals(marks, restored.annotations(), "both edits, to the nanosecond and the character");
    assertEquals(edited.sources(), restored.sources());
    assertEquals(edited.title(), restored.title());
  }
}
