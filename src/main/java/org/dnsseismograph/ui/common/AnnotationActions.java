package org.dnsseismograph.ui.common;

import javafx.beans.value.ObservableBooleanValue;

/**
 * Annotating the timeline from the menu and the keyboard: what the annotations component provides
 * to the window. Registered with {@code MainWindow#register(AnnotationActions)}; until then the
 * Annotations menu is absent. Which annotation is selected is the timeline's {@code
 * selectedAnnotationProperty()}; the annotations drawn are its {@code annotationsProperty()}.
 *
 * <p>The window calls every method on the FX thread.
 */
public interface AnnotationActions {

  /** Annotations ▸ Add note…: a note over the visible window or the box selection. */
  void addNote();

  /** Annotations ▸ Edit selected…: label, text, span. */
  void editSelected();

  /** Annotations ▸ Accept selected: a proposed outage or spike becomes accepted. */
  void acceptSelected();

  /** Annotations ▸ Reject selected: kept, drawn as rejected. */
  void rejectSelected();

  /** Annotations ▸ Delete selected. */
  void deleteSelected();

  /** True while an annotation is selected; the entries that act on the selection are disabled otherwise. */
  ObservableBooleanValue hasSelection();
}
