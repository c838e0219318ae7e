package org.dnsseismograph.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources of a saved workspace looked for again, on real captures copied around in a temporary folder. */
class SourceVerifierTest {
  private static final Path CAPTURE = Path.of("src/test/resources/pcap/dnscap-edns.pcap");
  @TempDir Path dir;
  private Path workspace;
  private Path capture;
  private SourceRef ref;

  @BeforeEach
  void copyCaptureBesideAWorkspace() throws IOException {
    workspace = dir.resolve("case/incident.seismograph.json");
    Files.createDirectories(workspace.getParent());
    capture = workspace.resolveSibling("edns.pcap");
    Files.copy(CAPTURE, capture);
    ref = new SourceRef("edns.pcap", "edns.pcap", ContentHash.of(CAPTURE), 0, "");
  }

  @Test
  void aSourceWithItsRecordedContentIsPresent() {
    SourceCheck c = SourceVerifier.check(ref, workspace);
    assertEquals(SourceStatus.PRESENT, c.status());
    assertEquals(capture.toAbsolutePath(), c.file());
    assertEquals(ref.contentHash(), c.actualHash());
    assertFalse(c.status().needsAnswer());
  }

  @Test
  void aSourceWhoseBytesChangedIsChanged() throws IOException {
    byte[] b = Files.readAllBytes(capture);
    b[b.length - 1] ^= 1;
    Files.write(capture, b);
    SourceCheck c = SourceVerifier.check(ref, workspace);
    assertEquals(SourceStatus.CHANGED, c.status());
    assertEquals(ContentHash.of(b), c.actualHash());
    assertTrue(c.status().needsAnswer());
    assertTrue(c.describe().startsWith("edns.pcap: changed since the workspace was saved"), c.describe());
  }

  @Test
  void aRotatedCaptureIsPresentWhenAllItsFilesAreAndMissingWhenOneIsNot() throws IOException {
    Path second = capture.resolveSibling("edns.pcap1");
    Files.copy(CAPTURE, second);
    byte[] both = new byte[2 * (int) Files.size(CAPTURE)];
    byte[] one = Files.readAllBytes(CAPTURE);
    System.arraycopy(one, 0, both, 0, one.length);
    System.arraycopy(one, 0, both, one.length, one.length);
    SourceRef rotated = new SourceRef("edns.pcap +1", "edns.pcap", ContentHash.of(both), 0, "", List.of("edns.pcap1"));
    assertEquals(SourceStatus.PRESENT, SourceVerifier.check(rotated, workspace).status());

    Files.delete(second);
    SourceCheck c = SourceVerifier.check(rotated, workspace);
    assertEquals(SourceStatus.MISSING, c.status());
    assertEquals(capture.toAbsolutePath(), c.file(), "named by its first file");
  }

  @Test
  void aSourceThatIsGoneIsMissing() throws IOException {
    Files.delete(capture);
    SourceCheck c = SourceVerifier.check(ref, workspace);
    assertEquals(SourceStatus.MISSING, c.status());
    assertEquals(capture.toAbsolutePath(), c.file(), "named where it was expected");
    assertEquals("", c.actualHash());
  }

  @Test
  void aFolderMovedWholeIsFoundBesideTheWorkspaceByNameAndContent() throws IOException {
    SourceRef absolute = new SourceRef("edns.pcap", dir.resolve("old-place/edns.pcap").toString(), ref.contentHash(), 0, "");
    SourceCheck c = SourceVerifier.check(absolute, workspace);
    assertEquals(SourceStatus.PRESENT, c.status());
    assertTrue(c.relocated());
    assertEquals(capture.toAbsolutePath(), c.file());
  }

  @Test
  void aFileOfTheSameNameButOtherContentBesideTheWorkspaceIsNotTaken() throws IOException {
    Files.writeString(capture, "not the capture");
    SourceRef absolute = new SourceRef("edns.pcap", dir.resolve("old-place/edns.pcap").toString(), ref.contentHash(), 0, "");
    SourceCheck c = SourceVerifier.check(absolute, workspace);
    assertEquals(SourceStatus.MISSING, c.status());
    assertFalse(c.relocated());
  }

  @Test
  void withoutARecordedHashAPresentFileIsUnverified() {
    SourceCheck c = SourceVerifier.check(new SourceRef("edns.pcap", "edns.pcap", "", 0, ""), workspace);
    assertEquals(SourceStatus.UNVERIFIED, c.status());
    assertFalse(c.status().needsAnswer());
  }

  @Test
  void theFileTheAnalystPointsAtIsCheckedAgainstTheRecordedContent() throws IOException {
    Path elsewhere = dir.resolve("found/it.pcap");
    Files.createDirectories(elsewhere.getParent());
    Files.copy(CAPTURE, elsewhere);
    assertEquals(SourceStatus.PRESENT, SourceVerifier.checkAt(ref, elsewhere).status());
    Workspace w = Workspace.empty().withSources(List.of(ref, new SourceRef("gone", "gone.csv", "sha256:00", 0, "")));
    assertEquals(List.of(SourceStatus.PRESENT, SourceStatus.MISSING), SourceVerifier.check(w, workspace).stream().map(SourceCheck::status)
        .toList());
  }
}
