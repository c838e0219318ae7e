package org.dnsseismograph.ui.sources;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.render.LanePlan;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.SourceRef;
import org.dnsseismograph.workspace.Workspace;

/**
 * Between a saved {@link Workspace} and the window's sources: the files to open for a workspace
 * (paths relative to the workspace file's directory resolved there, so a workspace moved with its
 * files, or the bundled demo, opens from anywhere), and the workspace of what the window shows.
 * Stateless.
 */
public final class WorkspaceSources {
  private WorkspaceSources() {}

  /**
   * The files of {@code w}, with their offsets, zones and hashes.
   *
   * @param file the workspace file (relative paths are resolved in its directory), or null to
   *     resolve them in the working directory
   * @param problems receives one line per source whose path or zone cannot be used
   */
  public static List<SourcesViewModel.Opening> openings(Workspace w, Path file, List<String> problems) {
    Path base = file == null ? Path.of("").toAbsolutePath() : file.toAbsolutePath().getParent();
    List<SourcesViewModel.Opening> out = new ArrayList<>();
    for (SourceRef r : w.sources()) {
      Path p;
      try {
        p = base.resolve(r.path()).normalize();
      } catch (InvalidPathException e) {
        problems.add(r.name() + ": the path '" + r.path() + "' is not a path on this system");
        continue;
      }
      ZoneId zone = null;
      if (!r.timeZone().isEmpty()) {
        try {
          zone = ZoneId.of(r.timeZone());
        } catch (DateTimeException e) {
          problems.add(r.name() + ": unknown time zone '" + r.timeZone() + "'; its times are read as the file says");
        }
      }
      out.add(new SourcesViewModel.Opening(p, r.offsetNanos(), zone, r.contentHash(), r.parts()));
    }
    return out;
  }

  /**
   * What the window shows, as a workspace: every source with a known kind (absolute path, hash,
   * applied correction, zone), the lanes as arranged, the visible window and the annotations.
   */
  public static Workspace current(String title, List<Source> sources, LanePlan lanes, TimeRange view, List<Annotation> annotations) {
    List<SourceRef> refs = new ArrayList<>();
    for (Source s : sources) {
      if (s.kind() != SourceKind.UNKNOWN) {
        ZoneId z = s.setting().zone();
        refs.add(SourceRef.ofFiles(s.name(), s.files(), s.contentHash(), s.setting().correctionNanos(), z == null ? "" : z.getId()));
      }
    }
    return new Workspace(title, refs, lanes == null ? List.of() : lanes.settings(), view, annotations);
  }
}
