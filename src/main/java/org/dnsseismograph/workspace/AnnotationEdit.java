package org.dnsseismograph.workspace;

/**
 * One undoable change to an {@link AnnotationBook}, as a small object that knows how to do, undo
 * and redo itself and how to name itself in an Edit menu ("Undo accept 'ns1 dark'"). Run them
 * through an {@link EditHistory}, never directly, so that undo sees every change.
 *
 * <p>Implementations keep what they need to undo (the annotation before) and are confined to the
 * book's thread.
 *
 * @see EditHistory
 */
public interface AnnotationEdit {

  /** Applies the change for the first time. */
  void execute();

  /** Puts the book back as it was before {@link #execute()}. */
  void undo();

  /** Applies the change again after an {@link #undo()}. */
  default void redo() {
    execute();
  }

  /** Short words for menus and lists: "add note 'resolver restarted'". */
  String description();
}
