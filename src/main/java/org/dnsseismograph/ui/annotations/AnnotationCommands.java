package org.dnsseismograph.ui.annotations;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.ui.common.AnnotationActions;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationKind;

/**
 * The window's Annotations menu in one place, with the signatures of the window's {@code
 * AnnotationActions}: add a note, and edit, accept, reject or delete the selected annotation. FX
 * thread only.
 */
public final class AnnotationCommands implements AnnotationActions {
  private final AnnotationsViewModel vm;
  private final AnnotationsView list;
  private final AnnotateGestures gestures;

  public AnnotationCommands(AnnotationsViewModel vm, AnnotationsView list, AnnotateGestures gestures) {
    this.vm = vm;
    this.list = list;
    this.gestures = gestures;
  }

  /** A note: at the crosshair when the mouse is over the lanes, else over the whole visible window. */
  @Override
  public void addNote() {
    Long t = vm.timeline().crosshairProperty().get();
    if (t != null) {
      gestures.noteAt(t);
      return;
    }
    TimeRange v = vm.timeline().visibleRange();
    gestures.create(Annotation.drawn(AnnotationKind.NOTE, v, "note"));
  }

  @Override
  public void editSelected() {
    vm.selected().ifPresent(a -> list.edit(a.id()));
  }

  @Override
  public void acceptSelected() {
    vm.selected().ifPresent(a -> vm.accept(a.id()));
  }

  @Override
  public void rejectSelected() {
    vm.selected().ifPresent(a -> vm.reject(a.id()));
  }

  @Override
  public void deleteSelected() {
    vm.selected().ifPresent(a -> vm.delete(a.id()));
  }

  @Override
  public ObservableBooleanValue hasSelection() {
    return Bindings.isNotNull(vm.selectedIdProperty());
  }
}
