package org.dnsseismograph.render;

import java.util.ArrayList;
import java.util.List;
import org.dnsseismograph.series.SeriesSet;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.workspace.SourceRef;
import org.dnsseismograph.workspace.Workspace;

/**
 * Turns a saved workspace and its loaded sources into what a timeline draws, the same way for the
 * window and the command line: each source shifted by its clock offset (a {@link SeriesSet} is
 * matched to its {@link SourceRef} by name; a set without one is drawn unshifted), the lanes
 * planned and arranged as saved, the range as saved or else everything. Stateless.
 */
public final class WorkspacePlan {
  private WorkspacePlan() {}

  /** The sources as the timeline shows them: each shifted by its offset in {@code w}. */
  public static List<SeriesSet> shifted(Workspace w, List<SeriesSet> loaded) {
    List<SeriesSet> out = new ArrayList<>();
    for (SeriesSet s : loaded) {
      long offset = w.sources().stream().filter(r -> r.name().equals(s.sourceName())).mapToLong(SourceRef::offsetNanos).findFirst()
          .orElse(0);
      out.add(s.shifted(offset));
    }
    return out;
  }

  /** The lanes of the loaded sources, in the workspace's order, visibility and heights. */
  public static LanePlan plan(Workspace w, List<SeriesSet> loaded, Palette palette) {
    return new LanePlanner(palette).plan(shifted(w, loaded)).arrangedAs(w.lanes());
  }

  /**
   * What an export of the workspace draws over {@code range} (null: the saved view, or else
   * everything the sources hold), titled with the workspace's title.
   *
   * @throws IllegalArgumentException when no range is given, none was saved and the sources hold no data
   */
  public static ExportRequest export(Workspace w, List<SeriesSet> loaded, TimeRange range, int width, int height, double scale) {
    LanePlan plan = plan(w, loaded, Palette.STANDARD);
    TimeRange r = range != null ? range : w.view();
    if (r == null) {
      for (SeriesSet s : shifted(w, loaded)) {
        TimeRange e = s.extent();
        r = e == null ? r : r == null ? e : r.union(e);
      }
    }
    if (r == null) {
      throw new IllegalArgumentException("nothing to draw: no range given, none saved, and the sources hold no data");
    }
    return new ExportRequest(plan, w.annotations(), w.sources(), r, width, height, scale, w.title(), null);
  }
}
