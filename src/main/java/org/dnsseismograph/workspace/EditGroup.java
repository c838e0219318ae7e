package org.dnsseismograph.workspace;

import java.util.List;

/**
 * Several edits undone and redone as one (a detector's proposals taken in together): executed in
 * order, undone in reverse. Confined to the book's thread.
 */
public final class EditGroup implements AnnotationEdit {
  private final String description;
  private final List<AnnotationEdit> edits;

  /**
   * @throws IllegalArgumentException for an empty group
   */
  public EditGroup(String description, List<AnnotationEdit> edits) {
    if (edits.isEmpty()) {
      throw new IllegalArgumentException("an edit group needs at least one edit");
    }
    this.description = description;
    this.edits = List.copyOf(edits);
  }

  @Override
  public void execute() {
    edits.forEach(AnnotationEdit::execute);
  }

  @Override
  public void undo() {
    for (int i = edits.size() - 1; i >= 0; i--) {
      edits.get(i).undo();
    }
  }

  @Override
  public void redo() {
    edits.forEach(AnnotationEdit::redo);
  }

  @Override
  public String description() {
    return description;
  }
}
