package org.dnsseismograph.ui.annotations;

import static org.dnsseismograph.ui.annotations.Incident.S;
import static org.dnsseismograph.ui.annotations.Incident.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.ui.timeline.TimelineViewModel;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationBook;
import org.dnsseismograph.workspace.AnnotationKind;
import org.dnsseismograph.workspace.AnnotationState;
import org.dnsseismograph.workspace.EditHistory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnnotationsViewModelTest {
  private final AnnotationBook book = new AnnotationBook();
  private final EditHistory history = new EditHistory();
  private TimelineViewModel timeline;
  private AnnotationsViewModel vm;
  private Annotation outage;
  private Annotation spike;

  @BeforeEach
  void proposalsTakenIn() {
    timeline = Incident.timeline();
    vm = new AnnotationsViewModel(book, history, timeline);
    outage = Incident.proposedOutage();
    spike = Incident.proposedSpike();
    assertEquals(2, vm.propose(List.of(outage, spike)));
  }

  private AnnotationState state(Annotation a) {
    return book.get(a.id()).orElseThrow().state();
  }

  @Test
  void proposalsComeInAsOneUndoableStepAndAgainNotTwice() {
    assertEquals(List.of(outage, spike), vm.rows());
    assertEquals(List.of(outage, spike), timeline.annotationsProperty().get(), "the timeline draws what the book holds");
    assertEquals("Undo take in 2 proposals", vm.undoTextProperty().get());
    Annotation again = Annotation.proposed(AnnotationKind.OUTAGE, new TimeRange(T0 + 205 * S, T0 + 230 * S), "again", "", "", List.of(),
        "OutageDetector");
    assertEquals(0, vm.propose(List.of(again)), "the detector ran again over the same sources: overlaps the first");
    vm.undo();
    assertTrue(vm.rows().isEmpty());
    vm.redo();
    assertEquals(2, vm.rows().size());
  }

  @Test
  void proposalsLeaveAnUnmodifiedSessionUnmodifiedAndTheAnalystsDecisionsDoNot() {
    assertFalse(history.isModified(), "taken in on a fresh history");
    assertTrue(vm.accept(outage.id()));
    assertTrue(history.isModified(), "accepting is the analyst's work");
    Annotation later = Annotation.proposed(AnnotationKind.SPIKE, new TimeRange(T0 + 900 * S, T0 + 901 * S), "later", "", "", List.of(),
        "SpikeDetector");
    assertEquals(1, vm.propose(List.of(later)));
    assertTrue(history.isModified(), "a modified session stays modified");
    vm.undo();
    vm.undo();
    assertFalse(history.isModified(), "back at the state the proposals arrived in");
  }

  @Test
  void acceptRejectAndDeleteFollowTheLifecycleAndUndoExactly() {
    assertTrue(vm.canAccept(outage.id()));
    assertTrue(vm.accept(outage.id()));
    assertEquals(AnnotationState.ACCEPTED, state(outage));
    assertFalse(vm.accept(outage.id()), "accepted already");
    assertTrue(vm.reject(spike.id()));
    assertEquals(AnnotationState.REJECTED, state(spike));
    assertFalse(vm.canEdit(spike.id()), "a rejected one is not edited; it may be accepted again");
    assertTrue(vm.canAccept(spike.id()));
    vm.select(outage.id());
    assertTrue(vm.delete(outage.id()));
    assertNull(vm.selectedIdProperty().get(), "a deleted annotation is no longer selected");
    assertEquals(List.of(spike.id()), vm.rows().stream().map(Annotation::id).toList());
    vm.undo();
    vm.undo();
    vm.undo();
    assertEquals(List.of(outage, spike), vm.rows(), "back to the proposals, exactly");
    assertFalse(vm.redoTextProperty().get().isEmpty());
  }

  @Test
  void anEditReplacesTheAnnotationAndAnUnchangedOneIsNoEdit() {
    Annotation edited = outage.withLabel("ns1-3 dark").withTargets("example.test.", List.of("127.0.0.21"));
    assertTrue(vm.apply(edited, "edit"));
    assertEquals(AnnotationState.EDITED, state(outage));
    assertEquals("Undo edit outage 'example.test dark'", vm.undoTextProperty().get());
    int depth = history.undoDepth();
    assertFalse(vm.apply(book.get(outage.id()).orElseThrow(), "edit"));
    assertEquals(depth, history.undoDepth());
  }

  @Test
  void aPreviewIsDrawnButIsNoEditUntilApplied() {
    Annotation moving = outage.withSpan(new TimeRange(outage.span().startNanos(), T0 + 240 * S));
    vm.preview(moving);
    assertEquals(moving, timeline.annotationsProperty().get().get(0));
    assertEquals(outage, book.all().get(0));
    assertFalse(history.isModified() && history.undoDepth() > 1);
    vm.endPreview();
    assertEquals(outage, timeline.annotationsProperty().get().get(0));
    vm.preview(moving);
    assertTrue(vm.apply(moving, "move"));
    assertEquals(moving, timeline.annotationsProperty().get().get(0));
    vm.undo();
    assertEquals(outage, timeline.annotationsProperty().get().get(0));
  }

  @Test
  void selectionIsTheTimelinesAndAddingSelectsTheNewOne() {
    vm.select(spike.id());
    assertEquals(spike.id(), timeline.selectedAnnotationProperty().get());
    timeline.selectedAnnotationProperty().set(outage.id());
    assertEquals(outage, vm.selected().orElseThrow());
    Annotation note = Annotation.drawn(AnnotationKind.NOTE, new TimeRange(T0 + 300 * S, T0 + 300 * S), "restart");
    assertTrue(vm.add(note));
    assertEquals(note.id(), timeline.selectedAnnotationProperty().get());
    vm.undo();
    assertNull(timeline.selectedAnnotationProperty().get());
  }

  @Test
  void zoomingToAnAnnotationShowsItWithHalfItsWidthEachSide() {
    vm.zoomTo(spike.id());
    assertEquals(new TimeRange(T0 + 200 * S, T0 + 204 * S), timeline.visibleRange());
    Annotation note = Annotation.drawn(AnnotationKind.NOTE, new TimeRange(T0 + 300 * S, T0 + 300 * S), "restart");
    vm.add(note);
    vm.zoomTo(note.id());
    assertEquals(new TimeRange(T0 + 295 * S, T0 + 305 * S), timeline.visibleRange(), "a point: 5 s each side");
    assertTrue(timeline.canGoBackProperty().get());
  }
}
