package org.dnsseismograph.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks for a workspace's sources before they are loaded: each at its recorded path (resolved
 * against the workspace file, see {@link SourcePaths}), its content hashed and compared with the
 * recorded hash; a source missing there is also looked for by file name beside the workspace file,
 * and taken from there only when its content is the recorded one. Reads every source once in
 * full (SHA-256 at a few hundred MB/s), so call it off the FX thread. Stateless and thread-safe.
 */
public final class SourceVerifier {
  private SourceVerifier() {}

  /** Checks every source of {@code w}, opened from {@code workspaceFile} (null: paths as they are). */
  public static List<SourceCheck> check(Workspace w, Path workspaceFile) {
    List<SourceCheck> out = new ArrayList<>();
    for (SourceRef s : w.sources()) {
      out.add(check(s, workspaceFile));
    }
    return out;
  }

  /** Checks one source. A file that exists but cannot be read counts as missing. */
  public static SourceCheck check(SourceRef s, Path workspaceFile) {
    Path recorded = SourcePaths.resolve(workspaceFile, s.path());
    SourceCheck there = at(s, recorded, false);
    if (there.status() != SourceStatus.MISSING || workspaceFile == null || s.contentHash().isEmpty()) {
      return there;
    }
    Path beside = workspaceFile.toAbsolutePath().normalize().resolveSibling(recorded.getFileName());
    if (beside.equals(recorded)) {
      return there;
    }
    SourceCheck moved = at(s, beside, true);
    return moved.status() == SourceStatus.PRESENT ? moved : there;
  }

  /** Checks {@code s} against the file {@code candidate} the analyst pointed at. */
  public static SourceCheck checkAt(SourceRef s, Path candidate) {
    return at(s, candidate.toAbsolutePath().normalize(), false);
  }

  /** Checks {@code s} with its first file at {@code file}: missing when any of its files is. */
  private static SourceCheck at(SourceRef s, Path file, boolean relocated) {
    List<Path> files = s.files(file);
    if (!files.stream().allMatch(Files::isRegularFile)) {
      return new SourceCheck(s, file, SourceStatus.MISSING, "", false);
    }
    String hash;
    try {
      hash = ContentHash.of(files);
    } catch (IOException e) {
      return new SourceCheck(s, file, SourceStatus.MISSING, "", false);
    }
    SourceStatus status = s.contentHash().isEmpty() ? SourceStatus.UNVERIFIED
        : s.contentHash().equalsIgnoreCase(hash) ? SourceStatus.PRESENT : SourceStatus.CHANGED;
    return new SourceCheck(s, file, status, hash, relocated && status == SourceStatus.PRESENT);
  }
}
