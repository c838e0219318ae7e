package org.dnsseismograph.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dnsseismograph.common.UserDirectory;

/**
 * The recovery copies of sessions, one file per workspace file (or one for an untitled session) in
 * a state directory: by default {@code $XDG_STATE_HOME/dns-seismograph/recovery}, i.e. {@code
 * ~/.local/state/dns-seismograph/recovery}, or {@code <seismograph.state.dir>/recovery} when that
 * system property is set. Each copy is written atomically (see {@link AtomicFile}), so a kill at
 * any moment leaves the previous copy or the new one. A copy is offered back only while it is newer
 * than its workspace file; saving or closing cleanly deletes it.
 *
 * <p>Thread-safe: every method works on files only (the autosave thread writes, the FX thread
 * reads at start-up and deletes after a save). Unreadable copies are skipped, never thrown.
 *
 * @see <a href="https://specifications.freedesktop.org/basedir-spec/latest/">XDG Base Directory Specification</a>
 */
public final class RecoveryStore {
  /** The value of the {@code format} field of a recovery copy. */
  public static final String FORMAT = "dns-seismograph-recovery";
  private static final String PREFIX = "recovery-";
  private static final String SUFFIX = ".json";

  private final Path dir;

  /** A store keeping its copies in {@code dir} (created when the first copy is written). */
  public RecoveryStore(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  /** The store in the user's state directory (see the class comment). */
  public static RecoveryStore inStateDir() {
    return new RecoveryStore(stateDir(System.getProperties(), System.getenv()).resolve("recovery"));
  }

  /** The program's state directory given system properties and environment (for tests: both explicit). */
  static Path stateDir(java.util.Properties props, Map<String, String> env) {
    return UserDirectory.of(props, env, "seismograph.state.dir", "XDG_STATE_HOME", ".local/state", "");
  }

  public Path dir() {
    return dir;
  }

  /** The recovery file of the session editing {@code workspaceFile} (null: an untitled session). */
  public Path fileFor(Path workspaceFile) {
    if (workspaceFile == null) {
      return dir.resolve(PREFIX + "untitled" + SUFFIX);
    }
    String key = ContentHash.of(workspaceFile.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
    String name = workspaceFile.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
    return dir.resolve(PREFIX + name + "-" + key.substring(ContentHash.PREFIX.length(), ContentHash.PREFIX.length() + 16) + SUFFIX);
  }

  /**
   * Writes the recovery copy of the session editing {@code workspaceFile}.
   *
   * @param w the state, with absolute source paths
   * @throws IOException if it cannot be written
   */
  public void write(Workspace w, Path workspaceFile, Instant now) throws IOException {
    ObjectNode root = WorkspaceJson.MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", 1);
    if (workspaceFile == null) {
      root.putNull("workspaceFile");
    } else {
      root.put("workspaceFile", workspaceFile.toAbsolutePath().normalize().toString());
    }
    root.put("writtenAt", now.toString());
    root.set("workspace", WorkspaceJson.tree(w));
    AtomicFile.writeString(fileFor(workspaceFile), WorkspaceJson.MAPPER.writeValueAsString(root) + "\n");
  }

  /**
   * The copy for {@code workspaceFile} if there is one newer than the file (any copy for an
   * untitled session, or for a file that no longer exists).
   */
  public Optional<Recovery> find(Path workspaceFile) {
    Path f = fileFor(workspaceFile);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    return read(f).filter(RecoveryStore::newerThanItsFile);
  }

  /** Every copy newer than its workspace file, newest first (for a start without a file to open). */
  public List<Recovery> pending() {
    List<Recovery> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
      for (Path f : s) {
        read(f).filter(RecoveryStore::newerThanItsFile).ifPresent(out::add);
      }
    } catch (IOException e) {
      return out;
    }
    out.sort(Comparator.comparing(Recovery::writtenAt).reversed());
    return out;
  }

  /** Deletes the copy of the session editing {@code workspaceFile}, if any; true if one was deleted. */
  public boolean discard(Path workspaceFile) {
    try {
      return Files.deleteIfExists(fileFor(workspaceFile));
    } catch (IOException e) {
      return false;
    }
  }

  /** The copy in {@code f}, or empty when it is not a readable recovery copy. */
  static Optional<Recovery> read(Path f) {
    try {
      JsonNode root = WorkspaceJson.MAPPER.readTree(Files.readString(f, StandardCharsets.UTF_8));
      if (root == null || !FORMAT.equals(root.path("format").asText())) {
        return Optional.empty();
      }
      JsonNode wf = root.get("workspaceFile");
      Path workspaceFile = wf == null || wf.isNull() ? null : Path.of(wf.asText());
      Instant at = Instant.parse(root.path("writtenAt").asText());
      return Optional.of(new Recovery(f, workspaceFile, at, WorkspaceJson.read(root.get("workspace"))));
    } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean newerThanItsFile(Recovery r) {
    if (r.workspaceFile() == null || !Files.exists(r.workspaceFile())) {
      return true;
    }
    try {
      return r.writtenAt().isAfter(Files.getLastModifiedTime(r.workspaceFile()).toInstant());
    } catch (IOException e) {
      return true;
    }
  }
}
