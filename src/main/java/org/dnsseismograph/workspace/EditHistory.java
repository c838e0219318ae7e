package org.dnsseismograph.workspace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Undo and redo of {@link AnnotationEdit}s with a bounded memory: the oldest edit is forgotten once
 * {@code limit} are kept. Executing a new edit clears the redo side. While an edit is being
 * executed, undone or redone, the history refuses new edits (a listener reacting to the book's
 * change must not record one of its own), returning false.
 *
 * <p>It also remembers the point at which the workspace was last saved, so a window can show
 * unsaved changes ({@link #isModified()}); undoing back to that point clears it.
 *
 * <p>Not thread-safe: confine it to the book's thread. Listeners run after every change.
 */
public final class EditHistory {
  /** The default number of edits kept for undo. */
  public static final int DEFAULT_LIMIT = 200;

  private final int limit;
  private final Deque<AnnotationEdit> undo = new ArrayDeque<>();
  private final Deque<AnnotationEdit> redo = new ArrayDeque<>();
  private final List<Runnable> listeners = new ArrayList<>();
  private boolean busy;
  private AnnotationEdit savedAt;
  private boolean savedPointLost;

  public EditHistory() {
    this(DEFAULT_LIMIT);
  }

  /**
   * @throws IllegalArgumentException if {@code limit < 1}
   */
  public EditHistory(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("history limit must be at least 1, got " + limit);
    }
    this.limit = limit;
  }

  /**
   * Executes {@code edit} and records it for undo.
   *
   * @return false, doing nothing, when called while another edit is running
   */
  public boolean execute(AnnotationEdit edit) {
    if (busy) {
      return false;
    }
    run(edit::execute);
    if (!redo.isEmpty() && redo.contains(savedAt)) {
      savedPointLost = true;
    }
    redo.clear();
    undo.push(edit);
    if (undo.size() > limit) {
      AnnotationEdit dropped = undo.removeLast();
      if (dropped == savedAt) {
        savedPointLost = true;
      }
    }
    fire();
    return true;
  }

  /** Undoes the newest edit; false when there is none (or an edit is running). */
  public boolean undo() {
    if (busy || undo.isEmpty()) {
      return false;
    }
    AnnotationEdit edit = undo.pop();
    run(edit::undo);
    redo.push(edit);
    fire();
    return true;
  }

  /** Redoes the newest undone edit; false when there is none (or an edit is running). */
  public boolean redo() {
    if (busy || redo.isEmpty()) {
      return false;
    }
    AnnotationEdit edit = redo.pop();
    run(edit::redo);
    undo.push(edit);
    fire();
    return true;
  }

  public boolean canUndo() {
    return !undo.isEmpty();
  }

  public boolean canRedo() {
    return !redo.isEmpty();
  }

  /** What undo would undo ("accept outage 'ns1-3 dark'"), or empty. */
  public String undoDescription() {
    return undo.isEmpty() ? "" : undo.peek().description();
  }

  /** What redo would redo, or empty. */
  public String redoDescription() {
    return redo.isEmpty() ? "" : redo.peek().description();
  }

  /** Edits that can be undone now (at most the limit). */
  public int undoDepth() {
    return undo.size();
  }

  /** Forgets every edit (a workspace was opened). The current state counts as saved. */
  public void clear() {
    undo.clear();
    redo.clear();
    markSaved();
  }

  /** Records that the current state was saved. */
  public void markSaved() {
    markSaved(position());
  }

  /**
   * An opaque token for the current state: take it when a save starts (its snapshot), and hand it
   * to {@link #markSaved(Object)} when the write has finished, so that edits made while the file
   * was being written still count as unsaved.
   */
  public Object position() {
    return undo.peek();
  }

  /** Records that the state {@code position} (from {@link #position()}) was saved. */
  public void markSaved(Object position) {
    savedAt = position instanceof AnnotationEdit e ? e : null;
    savedPointLost = position != null && savedAt == null;
    fire();
  }

  /** Whether the annotations differ from the last saved state (as far as the history can tell). */
  public boolean isModified() {
    return savedPointLost || undo.peek() != savedAt;
  }

  public void addListener(Runnable listener) {
    listeners.add(listener);
  }

  public void removeListener(Runnable listener) {
    listeners.remove(listener);
  }

  private void run(Runnable step) {
    busy = true;
    try {
      step.run();
    } finally {
      busy = false;
    }
  }

  private void fire() {
    for (Runnable r : List.copyOf(listeners)) {
      r.run();
    }
  }
}
