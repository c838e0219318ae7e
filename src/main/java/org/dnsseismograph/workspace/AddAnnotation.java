package org.dnsseismograph.workspace;

/**
 * Adds an annotation at the end of the book (drawing a new one, or taking in a detector's
 * proposal); undo removes it. Confined to the book's thread.
 */
public final class AddAnnotation implements AnnotationEdit {
  private final AnnotationBook book;
  private final Annotation added;

  public AddAnnotation(AnnotationBook book, Annotation added) {
    this.book = book;
    this.added = added;
  }

  @Override
  public void execute() {
    book.insert(book.size(), added);
  }

  @Override
  public void undo() {
    book.remove(added.id());
  }

  @Override
  public String description() {
    return "add " + added.kind().word() + " '" + added.label() + "'";
  }
}
