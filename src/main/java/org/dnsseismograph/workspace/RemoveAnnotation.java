package org.dnsseismograph.workspace;

/**
 * Deletes an annotation outright (rejecting a proposal keeps it instead: see {@link
 * ChangeAnnotation#reject}); undo puts it back at its old position. Confined to the book's thread.
 */
public final class RemoveAnnotation implements AnnotationEdit {
  private final AnnotationBook book;
  private final Annotation removed;
  private int position = -1;

  /**
   * @throws IllegalArgumentException if the book holds no annotation with {@code id}
   */
  public RemoveAnnotation(AnnotationBook book, String id) {
    this.book = book;
    this.removed = book.get(id).orElseThrow(() -> new IllegalArgumentException("no annotation " + id));
  }

  @Override
  public void execute() {
    position = book.remove(removed.id());
  }

  @Override
  public void undo() {
    book.insert(Math.min(position, book.size()), removed);
  }

  @Override
  public String description() {
    return "delete " + removed.kind().word() + " '" + removed.label() + "'";
  }
}
