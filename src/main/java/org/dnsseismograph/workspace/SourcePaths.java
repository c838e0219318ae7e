package org.dnsseismograph.workspace;

import java.nio.file.Path;

/**
 * How a workspace file names its sources: relative to the workspace file's directory whenever the
 * source lies in that directory or below it (so a folder holding a workspace and its captures can
 * be moved or mailed whole), absolute otherwise; and how such a name is found again. Paths are
 * written with forward slashes on every platform. Stateless and thread-safe.
 */
public final class SourcePaths {
  private SourcePaths() {}

  /**
   * The name to store for {@code source} in a workspace saved as {@code workspaceFile}.
   *
   * @param workspaceFile where the workspace is (being) saved; null for a recovery copy, which
   *     keeps absolute paths because it lives elsewhere
   */
  public static String stored(Path workspaceFile, Path source) {
    Path abs = source.toAbsolutePath().normalize();
    if (workspaceFile == null) {
      return slashes(abs.toString());
    }
    Path dir = workspaceFile.toAbsolutePath().normalize().getParent();
    if (dir != null && abs.startsWith(dir)) {
      return slashes(dir.relativize(abs).toString());
    }
    return slashes(abs.toString());
  }

  /**
   * The file a stored name means: itself when absolute, else resolved against {@code
   * workspaceFile}'s directory (or the working directory when there is no workspace file).
   */
  public static Path resolve(Path workspaceFile, String stored) {
    Path p = Path.of(stored);
    if (p.isAbsolute()) {
      return p.normalize();
    }
    Path dir = workspaceFile == null ? null : workspaceFile.toAbsolutePath().normalize().getParent();
    return (dir == null ? p.toAbsolutePath() : dir.resolve(p)).normalize();
  }

  private static String slashes(String s) {
    return s.replace('\\', '/');
  }
}
