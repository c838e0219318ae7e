package org.dnsseismograph.ui.annotations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dnsseismograph.series.TimeRange;
import org.dnsseismograph.series.TimeUnits;
import org.dnsseismograph.ui.timeline.TimelineViewModel;
import org.dnsseismograph.workspace.AddAnnotation;
import org.dnsseismograph.workspace.Annotation;
import org.dnsseismograph.workspace.AnnotationBook;
import org.dnsseismograph.workspace.AnnotationEdit;
import org.dnsseismograph.workspace.AnnotationState;
import org.dnsseismograph.workspace.ChangeAnnotation;
import org.dnsseismograph.workspace.EditGroup;
import org.dnsseismograph.workspace.EditHistory;
import org.dnsseismograph.workspace.RemoveAnnotation;

/**
 * The annotations of the open workspace as the list and the timeline show them, and every change
 * an analyst makes to them: accept, reject, edit, move, draw, delete, take in a detector's
 * proposals; each one an {@link AnnotationEdit} run through the {@link EditHistory}, so undo and
 * redo see all of them. Keeps the timeline's annotations and selection in step with the book
 * (the selection both ways), and shows a span being dragged as a preview that is not an edit until
 * the drag ends. Holds no node, so it is tested without a window.
 *
 * <p>FX thread only (it is the book's thread).
 */
public final class AnnotationsViewModel {
  /** Margin around an annotation zoomed to: half its width each side; a point gets 5 s each side. */
  static final long POINT_MARGIN_NANOS = 5 * TimeUnits.NANOS_PER_SECOND;

  private final AnnotationBook book;
  private final EditHistory history;
  private final TimelineViewModel timeline;
  private final ObservableList<Annotation> rows = FXCollections.observableArrayList();
  private final ObservableList<Annotation> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
  private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper("Undo");
  private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper("Redo");
  private final BooleanProperty annotateMode = new SimpleBooleanProperty();
  private Annotation preview;

  /** Shows {@code book} on {@code timeline} and edits it through {@code history}. */
  public AnnotationsViewModel(AnnotationBook book, EditHistory history, TimelineViewModel timeline) {
    this.book = book;
    this.history = history;
    this.timeline = timeline;
    book.addListener(this::bookChanged);
    history.addListener(this::historyChanged);
    bookChanged();
    historyChanged();
  }

  public AnnotationBook book() {
    return book;
  }

  public EditHistory history() {
    return history;
  }

  public TimelineViewModel timeline() {
    return timeline;
  }

  /** The annotations in book order, rejected ones included (the list greys them). */
  public ObservableList<Annotation> rows() {
    return readOnlyRows;
  }

  /** The selected annotation's id, or null; the same property the timeline draws selected. */
  public ObjectProperty<String> selectedIdProperty() {
    return timeline.selectedAnnotationProperty();
  }

  public Optional<Annotation> selected() {
    String id = selectedIdProperty().get();
    return id == null ? Optional.empty() : book.get(id);
  }

  public void select(String id) {
    selectedIdProperty().set(id);
  }

  /** The "annotate" tool: while on, a plain drag on the timeline draws a span instead of panning. */
  public BooleanProperty annotateModeProperty() {
    return annotateMode;
  }

  public ReadOnlyBooleanProperty canUndoProperty() {
    return canUndo.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canRedoProperty() {
    return canRedo.getReadOnlyProperty();
  }

  /** "Undo accept outage 'example.test dark'", or "Undo". */
  public ReadOnlyStringProperty undoTextProperty() {
    return undoText.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty redoTextProperty() {
    return redoText.getReadOnlyProperty();
  }

  /** Whether the annotation with {@code id} may be accepted now (proposed, or rejected earlier). */
  public boolean canAccept(String id) {
    return book.get(id).map(a -> a.state().canBecome(AnnotationState.ACCEPTED)).orElse(false);
  }

  public boolean canReject(String id) {
    return book.get(id).map(a -> a.state().canBecome(AnnotationState.REJECTED)).orElse(false);
  }

  /** Whether it may be edited (anything not rejected). */
  public boolean canEdit(String id) {
    return book.get(id).map(a -> a.state().canBecome(AnnotationState.EDITED)).orElse(false);
  }

  /** Accepts it as it is; false when the lifecycle does not allow it. */
  public boolean accept(String id) {
    return canAccept(id) && history.execute(ChangeAnnotation.accept(book, id));
  }

  /** Rejects it (kept and listed, no longer drawn). */
  public boolean reject(String id) {
    return canReject(id) && history.execute(ChangeAnnotation.reject(book, id));
  }

  /** Deletes it outright. */
  public boolean delete(String id) {
    if (book.get(id).isEmpty()) {
      return false;
    }
    if (id.equals(selectedIdProperty().get())) {
      select(null);
    }
    return history.execute(new RemoveAnnotation(book, id));
  }

  /** Adds a new annotation (drawn by the analyst) and selects it. */
  public boolean add(Annotation a) {
    boolean done = history.execute(new AddAnnotation(book, a));
    if (done) {
      select(a.id());
    }
    return done;
  }

  /**
   * Replaces an annotation by {@code changed} (same id): the editor's result or a moved edge;
   * false when nothing changed.
   */
  public boolean apply(Annotation changed, String verb) {
    endPreview();
    Optional<Annotation> now = book.get(changed.id());
    if (now.isEmpty() || same(now.get(), changed)) {
      return false;
    }
    return history.execute(new ChangeAnnotation(book, changed, verb));
  }

  /**
   * Takes in a detector's proposals as one undoable step, leaving out any that the book already
   * holds from the same detector over an overlapping span (reopening a workspace re-runs the
   * detectors); the number taken in. Proposals are the detector's, not the analyst's work, and a
   * reopened workspace gets them again: into an unmodified session they arrive unmodified, so
   * opening a workspace (the demo too) and quitting asks nothing.
   */
  public int propose(List<Annotation> proposals) {
    List<AnnotationEdit> adds = new ArrayList<>();
    List<Annotation> known = new ArrayList<>(book.all());
    for (Annotation p : proposals) {
      boolean dup = known.stream().anyMatch(a -> a.repeatedBy(p));
      if (!dup) {
        adds.add(new AddAnnotation(book, p));
        known.add(p);
      }
    }
    if (adds.isEmpty()) {
      return 0;
    }
    String what = adds.size() == 1 ? "1 proposal" : adds.size() + " proposals";
    boolean wasModified = history.isModified();
    if (!history.execute(new EditGroup("take in " + what, adds))) {
      return 0;
    }
    if (!wasModified) {
      history.markSaved();
    }
    return adds.size();
  }

  /** Shows the annotation on the timeline with room around it, as one step of the zoom history. */
  public void zoomTo(String id) {
    book.get(id).ifPresent(a -> {
      TimeRange s = a.span();
      long pad = a.isPoint() ? POINT_MARGIN_NANOS : Math.max(s.durationNanos() / 2, 1);
      timeline.zoomTo(new TimeRange(s.startNanos() - pad, s.endNanos() + pad));
    });
  }

  public boolean undo() {
    endPreview();
    return history.undo();
  }

  public boolean redo() {
    endPreview();
    return history.redo();
  }

  /** Draws {@code moving} in place of its saved version while a drag goes on (not an edit). */
  public void preview(Annotation moving) {
    preview = moving;
    pushToTimeline();
  }

  public void endPreview() {
    if (preview != null) {
      preview = null;
      pushToTimeline();
    }
  }

  private void bookChanged() {
    rows.setAll(book.all());
    String sel = selectedIdProperty().get();
    if (sel != null && book.get(sel).isEmpty()) {
      select(null);
    }
    pushToTimeline();
  }

  private void pushToTimeline() {
    List<Annotation> shown = new ArrayList<>(book.all());
    if (preview != null) {
      shown.replaceAll(a -> a.id().equals(preview.id()) ? preview : a);
    }
    timeline.annotationsProperty().set(List.copyOf(shown));
  }

  private void historyChanged() {
    canUndo.set(history.canUndo());
    canRedo.set(history.canRedo());
    undoText.set(history.canUndo() ? "Undo " + history.undoDescription() : "Undo");
    redoText.set(history.canRedo() ? "Redo " + history.redoDescription() : "Redo");
  }

  /** Equal apart from the state an edit moves it to. */
  private static boolean same(Annotation a, Annotation b) {
    return a.kind() == b.kind() && a.span().equals(b.span()) && a.label().equals(b.label()) && a.text().equals(b.text())
        && a.zone().equals(b.zone()) && a.servers().equals(b.servers());
  }
}
