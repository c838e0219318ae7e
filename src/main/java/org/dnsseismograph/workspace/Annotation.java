package org.dnsseismograph.workspace;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.dnsseismograph.series.TimeRange;

/**
 * One mark on the timeline: what kind of thing happened over which span (epoch ns, UTC), in the
 * words of a short label and a free text, with the zone and servers of a suspected outage, and where
 * it stands in review ({@link AnnotationState}). Immutable: every change returns a new annotation
 * with the same id, moved through the lifecycle.
 *
 * @param id stable identity across edits, saves and undo (a UUID for new annotations)
 * @param kind outage, spike or note
 * @param span the time marked; zero-length for a point note
 * @param label a few words drawn on the timeline; never blank
 * @param text free text (evidence, reasoning); may be empty
 * @param zone the zone an outage concerns, or empty
 * @param servers the authoritative servers an outage concerns (addresses or names), maybe none
 * @param state where the annotation stands in review
 * @param proposedBy the detector that proposed it, or empty when the analyst drew it
 */
public record Annotation(String id, AnnotationKind kind, TimeRange span, String label, String text, String zone, List<String> servers,
    AnnotationState state, String proposedBy) {

  /**
   * @throws IllegalArgumentException for a blank id or label, or an outage or spike without duration
   */
  public Annotation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(state, "state");
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("annotation id is blank");
    }
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("annotation label is blank");
    }
    if (kind != AnnotationKind.NOTE && span.durationNanos() == 0) {
      throw new IllegalArgumentException(kind.word() + " annotations need a span, not a point in time");
    }
    text = text == null ? "" : text;
    zone = zone == null ? "" : zone;
    servers = servers == null ? List.of() : List.copyOf(servers);
    proposedBy = proposedBy == null ? "" : proposedBy;
  }

  /** A new annotation drawn by the analyst: accepted from the start. */
  public static Annotation drawn(AnnotationKind kind, TimeRange span, String label) {
    return new Annotation(UUID.randomUUID().toString(), kind, span, label, "", "", List.of(), AnnotationState.ACCEPTED, "");
  }

  /** A new proposal from {@code detector}, with its evidence as text. */
  public static Annotation proposed(AnnotationKind kind, TimeRange span, String label, String evidence, String zone,
      List<String> servers, String detector) {
    return new Annotation(UUID.randomUUID().toString(), kind, span, label, evidence, zone, servers, AnnotationState.PROPOSED,
        detector);
  }

  /**
   * Whether {@code proposal} says again what this says: the same detector's finding of the same
   * kind over an overlapping span. Reopening a workspace, or drawing it, runs the detectors again;
   * what the analyst already accepted, edited or rejected stays as decided.
   */
  public boolean repeatedBy(Annotation proposal) {
    return !proposedBy.isEmpty() && proposedBy.equals(proposal.proposedBy()) && kind == proposal.kind()
        && (span.overlaps(proposal.span()) || span.equals(proposal.span()));
  }

  /** Whether this marks a point in time rather than a span. */
  public boolean isPoint() {
    return span.durationNanos() == 0;
  }

  /** The analyst confirms it as it is. */
  public Annotation accept() {
    return withState(AnnotationState.ACCEPTED);
  }

  /** The analyst dismisses it. */
  public Annotation reject() {
    return withState(AnnotationState.REJECTED);
  }

  /** The same annotation moved to {@code to}, if the lifecycle allows it. */
  public Annotation withState(AnnotationState to) {
    AnnotationState.transition(state, to);
    return new Annotation(id, kind, span, label, text, zone, servers, to, proposedBy);
  }

  /** An edit of the span (drag the edges). */
  public Annotation withSpan(TimeRange newSpan) {
    return edited(kind, newSpan, label, text, zone, servers);
  }

  /** An edit of the label. */
  public Annotation withLabel(String newLabel) {
    return edited(kind, span, newLabel, text, zone, servers);
  }

  /** An edit of the free text. */
  public Annotation withText(String newText) {
    return edited(kind, span, label, newText, zone, servers);
  }

  /** An edit of the zone and servers an outage concerns. */
  public Annotation withTargets(String newZone, List<String> newServers) {
    return edited(kind, span, label, text, newZone, newServers);
  }

  /** An edit of the kind (a proposed spike that was in truth an outage). */
  public Annotation withKind(AnnotationKind newKind) {
    return edited(newKind, span, label, text, zone, servers);
  }

  private Annotation edited(AnnotationKind k, TimeRange s, String l, String t, String z, List<String> srv) {
    AnnotationState to = AnnotationState.transition(state, AnnotationState.EDITED);
    return new Annotation(id, k, s, l, t, z, srv, to, proposedBy);
  }
}
