package org.dnsseismograph.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dnsseismograph.series.TimeRange;
import org.junit.jupiter.api.Test;

class EditHistoryTest {
  private static final long S = 1_000_000_000L;

  private static Annotation note(int second, String label) {
    return Annotation.drawn(AnnotationKind.NOTE, new TimeRange(second * S, second * S), label);
  }

  private static Annotation outage() {
    return Annotation.proposed(AnnotationKind.OUTAGE, new TimeRange(10 * S, 13 * S), "ns1-3 dark", "", "", List.of(), "OutageDetector");
  }

  @Test
  void addAcceptEditAndDeleteAreEachUndoneAndRedoneExactly() {
    AnnotationBook book = new AnnotationBook();
    EditHistory h = new EditHistory();
    Annotation o = outage();
    h.execute(new AddAnnotation(book, o));
    h.execute(ChangeAnnotation.accept(book, o.id()));
    Annotation moved = book.get(o.id()).orElseThrow().withSpan(new TimeRange(9 * S, 13 * S));
    h.execute(new ChangeAnnotation(book, moved, "move"));
    h.execute(new AddAnnotation(book, note(20, "restart")));
    h.execute(new RemoveAnnotation(book, o.id()));
    assertEquals(1, book.size());

    assertEquals("delete outage 'ns1-3 dark'", h.undoDescription());
    assertTrue(h.undo());
    assertEquals(moved, book.all().get(0));
    assertEquals(2, book.size());
    assertTrue(h.undo());
    assertTrue(h.undo());
    assertEquals(AnnotationState.ACCEPTED, book.get(o.id()).orElseThrow().state());
    assertEquals(o.span(), book.get(o.id()).orElseThrow().span());
    assertTrue(h.undo());
    assertEquals(o, book.get(o.id()).orElseThrow());
    assertTrue(h.undo());
    assertEquals(0, book.size());
    assertFalse(h.undo());

    for (int i = 0; i < 5; i++) {
      assertTrue(h.redo());
    }
    assertFalse(h.redo());
    assertEquals(1, book.size());
    assertEquals("restart", book.all().get(0).label());
  }

  @Test
  void aNewEditAfterUndoForgetsTheRedoSide() {
    AnnotationBook book = new AnnotationBook();
    EditHistory h = new EditHistory();
    h.execute(new AddAnnotation(book, note(1, "a")));
    h.undo();
    assertTrue(h.canRedo());
    h.execute(new AddAnnotation(book, note(2, "b")));
    assertFalse(h.canRedo());
    assertEquals(List.of("b"), book.all().stream().map(Annotation::label).toList());
  }

  @Test
  void theHistoryKeepsOnlyItsLimit() {
    AnnotationBook book = new AnnotationBook();
    EditHistory h = new EditHistory(3);
    for (int i = 0; i < 5; i++) {
      h.execute(new AddAnnotation(book, note(i, "n" + i)));
    }
    assertEquals(3, h.undoDepth());
    while (h.undo()) {
      // undo as far as the history reaches
    }
    assertEquals(List.of("n0", "n1"), book.all().stream().map(Annotation::label).toList());
  }

  @Test
  void anEditPushedByAListenerWhileAnotherRunsIsRefused() {
    AnnotationBook book = new AnnotationBook();
    EditHistory h = new EditHistory();
    boolean[] accepted = {true};
    book.addListener(() -> accepted[0] = h.execute(new AddAnnotation(book, note(99, "echo"))));
    assertTrue(h.execute(new AddAnnotation(book, note(1, "a"))));
    assertFalse(accepted[0]);
    assertEquals(1, book.size());
    assertEquals(1, h.undoDepth());
  }

  @Test
  void theModifiedFlagFollowsTheSavedPointThroughUndoAndRedo() {
    AnnotationBook book = new AnnotationBook();
    EditHistory h = new EditHistory();
    assertFalse(h.isModified());
    h.execute(new AddAnnotation(book, note(1, "a")));
    assertTrue(h.isModified());
    h.markSaved();
    assertFalse(h.isModified());
    h.undo();
    assertTrue(h.isModified());
    h.redo();
    assertFalse(h.isModified());
    h.undo();
    h.execute(new AddAnnotation(book, note(2, "b")));
    assertTrue(h.isModified());
    h.undo();
    assertTrue(h.isModified(), "the saved state can no longer be reached by redo");
  }

  @Test
  void listenersHearEveryChange() {
    AnnotationBook book = new AnnotationBook();
    EditHistory h = new EditHistory();
    int[] heard = {0};
    h.addListener(() -> heard[0]++);
    h.execute(new AddAnnotation(book, note(1, "a")));
    h.undo();
    h.redo();
    assertEquals(3, heard[0]);
  }

  @Test
  void aSaveMarksThePositionOfItsSnapshotNotOfItsEnd() {
    AnnotationBook book = new AnnotationBook();
    EditHistory h = new EditHistory();
    h.execute(new AddAnnotation(book, note(1, "a")));
    Object snapshot = h.position();
    h.execute(new AddAnnotation(book, note(2, "b")));
    h.markSaved(snapshot);
    assertTrue(h.isModified(), "b came after the snapshot");
    h.undo();
    assertFalse(h.isModified());
    h.undo();
    assertTrue(h.isModified());
    EditHistory empty = new EditHistory();
    empty.markSaved(empty.position());
    assertFalse(empty.isModified());
  }
}
