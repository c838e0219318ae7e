package org.dnsseismograph.workspace;

import java.util.List;
import java.util.Objects;
import org.dnsseismograph.series.TimeRange;

/**
 * Everything an analyst saves about one incident: a title, the sources with their offsets, the
 * lanes in display order with visibility and height, the view range (epoch ns, UTC) and the
 * annotations. Immutable; read and written by {@link WorkspaceJson}.
 *
 * @param title a name for the incident, shown on exported images; may be empty
 * @param sources the sources, in the order they were added
 * @param lanes lane arrangement in display order; lanes not listed keep their default place
 * @param view the range the timeline showed, or null for "everything"
 * @param annotations the annotations, rejected ones included
 */
public record Workspace(String title, List<SourceRef> sources, List<LaneSettings> lanes, TimeRange view, List<Annotation> annotations) {
  public Workspace {
    title = title == null ? "" : title;
    sources = List.copyOf(Objects.requireNonNull(sources, "sources"));
    lanes = List.copyOf(Objects.requireNonNull(lanes, "lanes"));
    annotations = List.copyOf(Objects.requireNonNull(annotations, "annotations"));
  }

  /** A workspace with nothing in it yet. */
  public static Workspace empty() {
    return new Workspace("", List.of(), List.of(), null, List.of());
  }

  public Workspace withSources(List<SourceRef> s) {
    return new Workspace(title, s, lanes, view, annotations);
  }

  public Workspace withLanes(List<LaneSettings> l) {
    return new Workspace(title, sources, l, view, annotations);
  }

  public Workspace withView(TimeRange v) {
    return new Workspace(title, sources, lanes, v, annotations);
  }

  public Workspace withAnnotations(List<Annotation> a) {
    return new Workspace(title, sources, lanes, view, a);
  }

  public Workspace withTitle(String t) {
    return new Workspace(t, sources, lanes, view, annotations);
  }
}
