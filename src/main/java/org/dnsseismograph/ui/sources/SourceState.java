package org.dnsseismograph.ui.sources;

import java.util.Set;

/**
 * The life of a source in the window (STYLE.md pattern 9): LOADING → READY, FAILED or CANCELLED;
 * loading again (a new time zone for an export, a retry) starts from any end state. Immutable.
 */
public enum SourceState {
  LOADING,
  READY,
  FAILED,
  CANCELLED;

  /** True when a source in this state may go to {@code next}. */
  public boolean canBecome(SourceState next) {
    return switch (this) {
      case LOADING -> Set.of(READY, FAILED, CANCELLED).contains(next);
      case READY, FAILED, CANCELLED -> next == LOADING;
    };
  }

  /**
   * {@code next}, when this state may become it.
   *
   * @throws IllegalStateException otherwise (a defect of the caller)
   */
  public SourceState transition(SourceState next) {
    if (!canBecome(next)) {
      throw new IllegalStateException("a source cannot go from " + this + " to " + next);
    }
    return next;
  }
}
