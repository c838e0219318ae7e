package org.dnsseismograph.workspace;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an annotation stands in its review: a detector proposes, the analyst accepts, edits or
 * rejects. The allowed moves are explicit ({@link #canBecome}) so that no code path can, say, turn
 * a rejected proposal back into an untouched one; undo does not move through this table, it puts
 * the earlier annotation back whole.
 *
 * <pre>
 * PROPOSED → ACCEPTED | EDITED | REJECTED
 * ACCEPTED → EDITED | REJECTED
 * EDITED   → EDITED | REJECTED
 * REJECTED → ACCEPTED            (the analyst changed their mind)
 * </pre>
 *
 * <p>Annotations the analyst draws start as {@link #ACCEPTED}. Immutable.
 */
public enum AnnotationState {
  /** Put forward by a detector from evidence; not yet looked at. Drawn dashed, labelled "proposed". */
  PROPOSED,
  /** Confirmed by the analyst as it was (or drawn by the analyst). */
  ACCEPTED,
  /** Changed by the analyst: span, servers, label or text. */
  EDITED,
  /** Dismissed by the analyst; kept in the workspace so the decision is recorded, not drawn. */
  REJECTED;

  private Set<AnnotationState> next() {
    return switch (this) {
      case PROPOSED -> EnumSet.of(ACCEPTED, EDITED, REJECTED);
      case ACCEPTED -> EnumSet.of(EDITED, REJECTED);
      case EDITED -> EnumSet.of(EDITED, REJECTED);
      case REJECTED -> EnumSet.of(ACCEPTED);
    };
  }

  /** Whether an annotation in this state may move to {@code to}. */
  public boolean canBecome(AnnotationState to) {
    return next().contains(to);
  }

  /**
   * Checks the move from {@code from} to {@code to} and returns {@code to}.
   *
   * @throws IllegalStateException if the lifecycle does not allow it
   */
  public static AnnotationState transition(AnnotationState from, AnnotationState to) {
    if (!from.canBecome(to)) {
      throw new IllegalStateException("an annotation cannot go from " + from + " to " + to);
    }
    return to;
  }

  /** The lower-case word used in the workspace file. */
  public String word() {
    return SavedWords.of(this);
  }

  /**
   * The state named by {@code word} (as {@link #word()} writes it, any case).
   *
   * @throws IllegalArgumentException for an unknown word
   */
  public static AnnotationState ofWord(String word) {
    return SavedWords.parse(AnnotationState.class, word, "annotation state");
  }

  /** Whether exports and the timeline draw annotations in this state. */
  public boolean isDrawn() {
    return this != REJECTED;
  }
}
